using System.Text.Json;
using Registry.Data.Demo;
using Registry.Data.Records;

namespace Registry.Bench;

internal static class DemoSample
{
    public static int Run(int count, int seed)
    {
        foreach (var record in DemoCatalogue.Generate(count, seed))
            Console.WriteLine(JsonSerializer.Serialize(record, RegistryJson.Options));
        return 0;
    }
}
