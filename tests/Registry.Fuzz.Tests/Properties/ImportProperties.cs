using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// Imports (CSV, JSON Lines, .xlsx built in memory) with hostile content, dry and not, inline and as background
/// jobs. Property: never a 5xx, a job always finishes (succeeded or failed, the host still serving), and the GC
/// heap after each case stays under <see cref="HeapBoundBytes"/> for uploads within Imports:MaxBytes.
/// </summary>
public sealed class ImportProperties(ImportProperties.Host host, ITestOutputHelper output) : IClassFixture<ImportProperties.Host>
{
    /// <summary>Uploads up to 4 MB; files over 16 KB go to the background job, so both paths are fuzzed.</summary>
    public sealed class Host : FuzzHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Registry:Imports:MaxBytes"] = "4194304",
            ["Registry:Imports:InlineMaxBytes"] = "16384",
        };
    }

    /// <summary>Heap after a case; the uploads are at most 4 MB, so anything near this is a parser gone wrong.</summary>
    public const long HeapBoundBytes = 512L * 1024 * 1024;

    private static readonly string[] Queries = ["?dryRun=true", "", "?skipInvalid=true", "?dryRun=true&skipInvalid=true"];

    private readonly PropertyRunner _runner = new(output);

    [Fact]
    public Task Hostile_csv_import_never_fails_the_server() => RunAsync("import.csv", HostileImports.Csv, 80);

    [Fact]
    public Task Hostile_json_lines_import_never_fails_the_server() => RunAsync("import.jsonl", HostileImports.JsonLines, 80);

    [Fact]
    public Task Hostile_xlsx_import_never_fails_the_server() => RunAsync("import.xlsx", HostileSpreadsheets.Workbooks, 100);

    private async Task RunAsync(string surface, Gen<HostileUpload> uploads, int cases)
    {
        long peakHeap = 0;
        var gen = Gen.Select(uploads, Gen.Int[0, Queries.Length - 1]);
        await _runner.CheckAsync(surface, gen, async t =>
        {
            var (upload, q) = t;
            var content = new ByteArrayContent(upload.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
            var response = await host.Curator.PostAsync("/api/v1/imports" + Queries[q], content);
            await ResponseChecks.AssertSaneAsync(response, $"POST /api/v1/imports{Queries[q]} [{upload.Kind}]");
            if (response.StatusCode == HttpStatusCode.Accepted) await AssertJobFinishesAsync(response.Headers.Location!.OriginalString, upload.Kind);
            await host.AssertAliveAsync();
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
            peakHeap = Math.Max(peakHeap, heap);
            if (heap > HeapBoundBytes) throw new InvalidOperationException($"[{upload.Kind}] left a GC heap of {heap / 1048576} MB (bound {HeapBoundBytes / 1048576} MB)");
        }, cases, t => $"{Queries[t.Item2]} {t.Item1}");
        output.WriteLine($"FUZZ surface=\"{surface}\" peakHeapMB={peakHeap / 1048576} peakWorkingSetMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576}");
    }

    private async Task AssertJobFinishesAsync(string location, string kind)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var response = await host.Curator.GetAsync(location);
            var text = await ResponseChecks.AssertSaneAsync(response, $"GET {location} [{kind}]");
            var status = JsonDocument.Parse(text).RootElement.GetProperty("status").GetString();
            if (status is "succeeded" or "failed") return;
            await Task.Delay(50);
        }

        throw new InvalidOperationException($"[{kind}] import job {location} did not finish within 20 s");
    }
}
