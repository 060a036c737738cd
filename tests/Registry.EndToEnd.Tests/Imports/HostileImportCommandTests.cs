using System.Text;
using Registry.Api.Cli;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.Data.Tests.Import.RawXlsx;

namespace Registry.EndToEnd.Tests.Imports;

/// <summary>The <c>import</c> verb meets the same limits as an upload: a hostile file is a refusal (exit 1), not a crash.</summary>
[Collection(ReadOnlyHost.Name)]
public sealed class HostileImportCommandTests(RegistryApiFactory factory)
{
    public static TheoryData<string, byte[], string> Files => new()
    {
        { "nested.xlsx", Build(Header + "<row r=\"2\">" + new StringBuilder().Insert(0, "<x>", 200_000) + "</row>").ToArray(), "tooLarge" },
        { "far.xlsx", Build(Header + Row(2, ("A2", "A-1"), ("ZZZZZ2", "x"))).ToArray(), "malformedFile" },
        { "columns.csv", Encoding.UTF8.GetBytes("Mã số,Tên nhiệm vụ" + new string(',', 1_000_000)), "tooLarge" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Hostile_file_exits_1_with_its_kind(string name, byte[] content, string kind)
    {
        _ = factory.Services;
        var path = Path.Combine(factory.DataDirectory, $"{Guid.NewGuid():N}-{name}");
        await File.WriteAllBytesAsync(path, content);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await RegistryCli.RunAsync(["import", path], stdout, stderr, factory.AllSettings);

        Assert.Equal(RegistryCli.Rejected, exit);
        Assert.Contains($"[{kind}]", stderr.ToString());
    }
}
