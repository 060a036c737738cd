using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Xunit.Abstractions;
using static Registry.Data.Tests.Import.RawXlsx;

namespace Registry.Data.Tests.Import;

/// <summary>Runs only with REGISTRY_MEMORY_BENCH=1: it builds files of tens of megabytes.</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("REGISTRY_MEMORY_BENCH") != "1") Skip = "set REGISTRY_MEMORY_BENCH=1 to measure";
    }
}

/// <summary>
/// The figures in docs/import.md ("Limits"): large legitimate files and hostile ones run through
/// <see cref="ImportService"/> (dry run, so the store holds nothing), measuring the managed heap's peak above its
/// level before the run (sampled every 2 ms), bytes allocated, and time.
/// </summary>
public sealed class UploadMemoryBench(ITestOutputHelper output)
{
    private static readonly Actor Curator = new("bench", ApiRole.Curator);

    [BenchFact]
    public async Task Peak_memory_of_large_and_hostile_uploads_stays_bounded()
    {
        var results = new List<string> { "| file | size | outcome | peak heap above baseline | allocated | time |", "|---|---|---|---|---|---|" };
        foreach (var (name, format, build) in Cases())
        {
            using var file = build();
            var (outcome, peak, allocated, time) = await MeasureAsync(file, format);
            results.Add($"| {name} | {file.Length / 1024.0 / 1024:N1} MB | {outcome} | {peak / 1024.0 / 1024:N0} MB | {allocated / 1024.0 / 1024:N0} MB | {time.TotalSeconds:N1} s |");
            Assert.InRange(peak, long.MinValue, 400L * 1024 * 1024);
        }
        output.WriteLine(string.Join("\n", results));
    }

    private static IEnumerable<(string, ImportFormat, Func<Stream>)> Cases()
    {
        yield return ("CSV, 100,000 rows", ImportFormat.Csv, () => LegitCsv(100_000));
        yield return ("xlsx, 100,000 rows (shared strings)", ImportFormat.Xlsx, () => LegitXlsx(100_000));
        yield return ("xlsx, 32 M characters of shared strings used in every cell", ImportFormat.Xlsx, SharedStringAmplifier);
        yield return ("xlsx, zip bomb (1 GB of spaces)", ImportFormat.Xlsx, () => Bomb("xl/worksheets/sheet1.xml", 1L << 30));
        yield return ("xlsx, 200,000 nested elements", ImportFormat.Xlsx, () => Build(Header + "<row r=\"2\">" + string.Concat(Enumerable.Repeat("<x>", 200_000)) + "</row>"));
        yield return ("CSV, a million empty header cells", ImportFormat.Csv, () => new MemoryStream(Encoding.UTF8.GetBytes("Mã số,Tên nhiệm vụ" + new string(',', 1_000_000))));
        yield return ("CSV, one 100 MB field", ImportFormat.Csv, () => new GeneratedStream("Mã số,Tên nhiệm vụ\nA-1,", 100L << 20, (byte)'x'));
        yield return ("CSV, unterminated quote over 100 MB", ImportFormat.Csv, () => new GeneratedStream("Mã số,Tên nhiệm vụ\nA-1,\"", 100L << 20, (byte)'\n'));
    }

    private async Task<(string, long, long, TimeSpan)> MeasureAsync(Stream file, ImportFormat format)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                await Task.Delay(2);
            }
        });
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            var report = await new ImportService(new FakeTaskStore()).RunAsync(file, format, new ImportOptions(DryRun: true), Curator);
            outcome = $"read, {report.Rows:N0} rows";
        }
        catch (ImportFileException ex)
        {
            outcome = $"refused: {ex.Kind}";
        }
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        return (outcome, peak, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, clock.Elapsed);
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => new string((char)('a' + random.Next(26)), 1) + random.Next(100_000)));

    private static MemoryStream LegitCsv(int rows)
    {
        var random = new Random(7);
        var text = new StringBuilder("Mã số,Tên nhiệm vụ,Tên tiếng Anh,Từ khóa\n");
        for (var i = 0; i < rows; i++)
            text.Append("ĐT-").Append(i).Append(',').Append(Words(random, 12)).Append(',').Append(Words(random, 60)).Append(',').Append(Words(random, 4)).Append('\n');
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static MemoryStream LegitXlsx(int rows)
    {
        var random = new Random(7);
        var sheet = new StringBuilder(Row(1, ("A1", "Mã số"), ("B1", "Tên nhiệm vụ"), ("C1", "Tên tiếng Anh")));
        var strings = new StringBuilder($"<sst xmlns=\"{Main}\">");
        for (var i = 0; i < rows; i++)
        {
            var r = i + 2;
            strings.Append("<si><t>").Append(Words(random, 12)).Append("</t></si>");
            sheet.Append($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>ĐT-{i}</t></is></c><c r=\"B{r}\" t=\"s\"><v>{i}</v></c>")
                .Append(Cell($"C{r}", Words(random, 60))).Append("</row>");
        }
        return Build(sheet.ToString(), strings.Append("</sst>").ToString(), CompressionLevel.Fastest);
    }

    /// <summary>
    /// 1,000 shared strings of 32,000 characters (the table's whole budget) and 20,000 rows each using 29 of them:
    /// a few bytes of sheet XML per cell become 64 KB of text each, up to the row limit.
    /// </summary>
    private static MemoryStream SharedStringAmplifier()
    {
        var random = new Random(7);
        var strings = new StringBuilder($"<sst xmlns=\"{Main}\">");
        for (var i = 0; i < 1000; i++)
            strings.Append("<si><t>").Append(string.Create(32_000, random, (span, rnd) => { for (var k = 0; k < span.Length; k++) span[k] = (char)('a' + rnd.Next(26)); })).Append("</t></si>");
        var sheet = new StringBuilder(Row(1, ("A1", "Mã số"), ("B1", "Tên nhiệm vụ"), ("C1", "Tên tiếng Anh")));
        for (var r = 2; r < 20_000; r++)
        {
            sheet.Append($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>A-{r}</t></is></c>");
            for (var c = 1; c < 30; c++) sheet.Append($"<c t=\"s\"><v>{(r + c) % 1000}</v></c>");
            sheet.Append("</row>");
        }
        return Build(sheet.ToString(), strings.Append("</sst>").ToString(), CompressionLevel.Fastest);
    }
}
