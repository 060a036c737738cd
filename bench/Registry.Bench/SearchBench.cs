using System.Diagnostics;
using Lucene.Net.Store;
using Registry.Data.Demo;
using Registry.Data.Records;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Bench;

/// <summary>
/// Generate N demo tasks → full rebuild of a fresh Lucene index on disk (as the reindexer does it, in batches of
/// 1,000) → a fixed query mix and suggestion prefixes, timed per kind after a warm-up.
/// </summary>
internal static class SearchBench
{
    private const int IndexBatch = 1000;

    public static async Task<int> RunAsync(int count, int queries, bool keep, string? indexDirectory, CancellationToken ct)
    {
        var root = indexDirectory is null
            ? Path.Combine(Path.GetTempPath(), "registry-search-bench-" + Guid.NewGuid().ToString("N")[..8])
            : Path.GetFullPath(indexDirectory);
        keep |= indexDirectory is not null;
        var existing = System.IO.Directory.Exists(root) && System.IO.Directory.EnumerateFiles(root, "segments_*").Any();
        System.IO.Directory.CreateDirectory(root);
        Console.WriteLine($"load average at start: {CpuClock.LoadAverage()}");
        try
        {
            using (var index = new LuceneSearchIndex(FSDirectory.Open(root), TimeSpan.FromHours(1)))
            {
                if (existing) Console.WriteLine($"reusing the index in {root} (indexing skipped)");
                else await IndexAsync(index, count, ct);
                Console.WriteLine($"index size      {Megabytes(System.IO.Directory.EnumerateFiles(root).Sum(f => new FileInfo(f).Length))} ({await index.CountAsync(ct):N0} documents)");
                Console.WriteLine($"load average after indexing: {CpuClock.LoadAverage()}");
                await QueryAsync(index, queries, ct);
            }
            Console.WriteLine($"peak working set {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)}");
            Console.WriteLine($"load average at end: {CpuClock.LoadAverage()}");
            return 0;
        }
        finally
        {
            if (keep) Console.WriteLine($"kept {root}");
            else TryDelete(root);
        }
    }

    /// <summary>Generation is timed apart from indexing (its CPU is subtracted) so the docs/s are the engine's.</summary>
    private static async Task IndexAsync(LuceneSearchIndex index, int count, CancellationToken ct)
    {
        var total = new CpuClock();
        var generationCpu = TimeSpan.Zero;
        var generationWall = TimeSpan.Zero;
        var batch = new List<TaskRecord>(IndexBatch);
        var done = 0;
        await using (var build = await index.BeginRebuildAsync(ct))
        {
            using var records = DemoCatalogue.GenerateLarge(count).GetEnumerator();
            while (true)
            {
                var (cpu, wall) = (CpuClock.Cpu(), Stopwatch.GetTimestamp());
                batch.Clear();
                while (batch.Count < IndexBatch && records.MoveNext()) batch.Add(Published(records.Current, done + batch.Count));
                generationCpu += CpuClock.Cpu() - cpu;
                generationWall += Stopwatch.GetElapsedTime(wall);
                if (batch.Count == 0) break;
                ct.ThrowIfCancellationRequested();
                await build.AddAsync(batch, ct);
                done += batch.Count;
                if (done % (count / 10 < IndexBatch ? IndexBatch : count / 10 / IndexBatch * IndexBatch) == 0)
                    Console.WriteLine($"  indexed {done,10:N0} / {count:N0}  ({total.Wall.TotalSeconds:F0}s wall, {total.CpuTime.TotalSeconds:F0}s CPU)");
            }
            await build.CompleteAsync(ct);
        }
        var wallIndex = total.Wall - generationWall;
        var cpuIndex = total.CpuTime - generationCpu;
        Console.WriteLine($"generation      {generationWall.TotalSeconds:F1}s wall, {generationCpu.TotalSeconds:F1}s CPU for {done:N0} tasks");
        Console.WriteLine($"indexing        {wallIndex.TotalSeconds:F1}s wall, {cpuIndex.TotalSeconds:F1}s CPU (incl. final commit and background merges) — " +
                          $"{done / Math.Max(wallIndex.TotalSeconds, 0.001):N0} docs/s wall, {done / Math.Max(cpuIndex.TotalSeconds, 0.001):N0} docs/CPU-s");
    }

    /// <summary>Demo records are import input (no id); the catalogue gives published ones a public id.</summary>
    private static TaskRecord Published(TaskRecord record, int n) => record with { Id = $"task_{n:x8}" };

    private static async Task QueryAsync(LuceneSearchIndex index, int perKind, CancellationToken ct)
    {
        var requests = SearchQueryMix.Requests();
        var deep = await DeepRequestAsync(index, ct);
        foreach (var (kind, request) in requests)
        {
            var result = await index.SearchAsync(request, ct);
            Console.WriteLine($"  {kind,-9} {Describe(request),-70} {result.Total,9:N0} hits");
        }
        // Warm-up, so the JIT and the OS page cache are not what is measured: every request and prefix four times
        // (each method then has the 30 calls after which .NET recompiles it fully optimised, in the background),
        // a pause for those recompilations to finish, and a last round on the optimised code. Measured without the
        // pause, the first kind timed (text) had p99 ten times its median: recompilation, not search.
        for (var i = 0; i < 5; i++)
        {
            if (i == 4) await Task.Delay(TimeSpan.FromSeconds(3), ct);
            foreach (var (_, request) in requests) await index.SearchAsync(request, ct);
            foreach (var prefix in SearchQueryMix.SuggestPrefixes) await index.SuggestAsync(prefix, 10, ct);
            if (deep is not null) await index.SearchAsync(deep, ct);
        }

        var clock = new CpuClock();
        var timings = new SortedDictionary<string, (List<double> Ms, TimeSpan Cpu)>(StringComparer.Ordinal);
        foreach (var kind in requests.Select(r => r.Kind).Distinct())
        {
            var ofKind = requests.Where(r => r.Kind == kind).Select(r => r.Request).ToList();
            timings[kind] = await TimeAsync(perKind, i => index.SearchAsync(ofKind[i % ofKind.Count], ct));
        }
        if (deep is not null) timings["deep-page"] = await TimeAsync(perKind, _ => index.SearchAsync(deep, ct));
        var prefixes = SearchQueryMix.SuggestPrefixes;
        timings["suggest"] = await TimeAsync(perKind, i => index.SuggestAsync(prefixes[i % prefixes.Length], 10, ct));

        Console.WriteLine($"queries         {perKind:N0} per kind, one at a time; {clock.Rate(timings.Values.Sum(t => t.Ms.Count), "queries")}");
        // Wall percentiles include time spent waiting for a core on a loaded machine; the CPU mean does not.
        Console.WriteLine($"  {"kind",-10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"CPU ms/q",9}");
        foreach (var (kind, (ms, cpu)) in timings)
        {
            ms.Sort();
            Console.WriteLine($"  {kind,-10} {Percentile(ms, 50),8:F1} {Percentile(ms, 95),8:F1} {Percentile(ms, 99),8:F1} {ms[^1],8:F1} {cpu.TotalMilliseconds / ms.Count,9:F1}");
        }
        // Per request, so the slowest queries of a kind can be named.
        Console.WriteLine($"  per request: median and max wall ms of 5, mean CPU ms");
        foreach (var (kind, request) in requests)
        {
            var (ms, cpu) = await TimeAsync(5, _ => index.SearchAsync(request, ct));
            ms.Sort();
            Console.WriteLine($"    {kind,-9} {Describe(request),-70} {ms[2],8:F1} {ms[4],8:F1} {cpu.TotalMilliseconds / 5,8:F1}");
        }
    }

    /// <summary>The cursor of page 41 (1,000 hits deep) of <see cref="SearchQueryMix.DeepPaging"/>, walked once.</summary>
    private static async Task<SearchRequest?> DeepRequestAsync(LuceneSearchIndex index, CancellationToken ct)
    {
        var request = SearchQueryMix.DeepPaging;
        for (var page = 0; page < SearchQueryMix.DeepPages; page++)
        {
            var result = await index.SearchAsync(request, ct);
            if (result.NextCursor is null) return null;
            request = request with { Cursor = result.NextCursor };
        }
        Console.WriteLine($"  deep-page {Describe(request)[..Math.Min(60, Describe(request).Length)]}… (page {SearchQueryMix.DeepPages + 1})");
        return request;
    }

    /// <summary>Wall milliseconds of each call, and the process CPU time over all of them.</summary>
    private static async Task<(List<double> Ms, TimeSpan Cpu)> TimeAsync(int count, Func<int, Task> run)
    {
        var cpuAtStart = CpuClock.Cpu();
        var ms = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run(i);
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (ms, CpuClock.Cpu() - cpuAtStart);
    }

    private static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Describe(SearchRequest r) =>
        $"q=\"{r.Query}\" {r.Filters} sort={r.Sort} facets={r.Facets.Count}" + (r.Cursor is null ? "" : " cursor");

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";

    private static void TryDelete(string path)
    {
        try { System.IO.Directory.Delete(path, recursive: true); }
        catch (IOException) { Console.Error.WriteLine($"could not delete {path}"); }
        catch (UnauthorizedAccessException) { Console.Error.WriteLine($"could not delete {path}"); }
    }
}
