using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Data.Demo;

/// <summary>
/// A realistic, deterministic demo catalogue of S&amp;T tasks of Phú Thọ (including former Vĩnh Phúc and Hòa Bình):
/// every sector of the classification, Vietnamese titles and texts, host organizations, investigators, budgets,
/// dates consistent with status as of <see cref="ReferenceDate"/>, outputs of finished tasks and timestamps.
/// The same seed gives the same records on every machine (own PRNG, no clock).
/// </summary>
public static class DemoCatalogue
{
    /// <summary>"Today" for the demo: statuses and timestamps are consistent as of this date.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 10, 1);

    public const int DefaultCount = 2400;
    public const int DefaultSeed = 20251001;

    /// <summary>The demo catalogue. With the default count every one of the 46 sectors has at least 20 tasks.</summary>
    public static IEnumerable<TaskRecord> Generate(int count = DefaultCount, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Stream(count, seed);
    }

    /// <summary>
    /// The same generator for benchmarks (100,000 – 1,000,000+ records), streamed lazily with unique codes;
    /// the first <c>n</c> records equal <c>Generate(n, seed)</c>.
    /// </summary>
    public static IEnumerable<TaskRecord> GenerateLarge(int count, int seed = DefaultSeed) => Generate(count, seed);

    private static IEnumerable<TaskRecord> Stream(int count, int seed)
    {
        var rng = new DemoRandom((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 1);
        var factory = new DemoTaskFactory(rng);
        var sectors = FieldsOfScience.Sectors.Select(s => s.Code).ToList();
        var weighted = sectors.Select(s => (s, SectorWeight(s))).ToArray();
        for (var i = 0; i < count; i++)
        {
            // Half the tasks go round the sectors so each one is covered; the other half follow the province's
            // real emphasis (agriculture, health, engineering first).
            var sector = i % 2 == 0 ? sectors[i / 2 % sectors.Count] : rng.Weighted(weighted);
            yield return factory.Create(sector);
        }
    }

    private static int SectorWeight(string sector) => sector[0] switch
    {
        '4' => 8, '3' => 5, '2' => 4, '5' => 3, '1' => 2, _ => 2,
    } * (sector.EndsWith("99", StringComparison.Ordinal) ? 1 : 2);
}
