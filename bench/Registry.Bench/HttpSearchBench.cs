using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Registry.Search.Model;

namespace Registry.Bench;

/// <summary>
/// The query mix of <c>search-bench</c> (<see cref="SearchQueryMix"/>) plus the real judged queries, sent over HTTP
/// to a running host as users send them: <c>GET /api/v1/tasks</c> (text with highlighting, filtered, faceted,
/// sorted, a cursor page 1,000 hits deep) and <c>GET /api/v1/suggest</c>. The host must run with its output cache
/// off (<c>Registry:OutputCache:Enabled=false</c>, as <c>bench/load/million.sh</c> starts it) so that each response
/// is the engine's and the host's work; a response the cache answered (an <c>Age</c> header) counts as a failure.
/// The API refuses unknown query parameters, so no cache-busting parameter can be added instead.
/// Run one connection at a time, then several at once; per class
/// p50/p95/p99/max of the wall time from request sent to body read, and the host's CPU ms per request (read from
/// /proc for the given process id) where known.
/// </summary>
internal static class HttpSearchBench
{
    public static async Task<int> RunAsync(string baseUrl, int rounds, int concurrency, int hostPid, string? judgedFile, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(concurrency, 1), AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var requests = Requests(judgedFile);
        var deep = await DeepCursorAsync(http, ct);
        if (deep is not null) requests.Add(("deep-page", deep));

        Console.WriteLine($"{requests.Count} distinct requests ({string.Join(", ", requests.GroupBy(r => r.Class).Select(g => $"{g.Key} {g.Count()}"))}); load average {CpuClock.LoadAverage()}");
        foreach (var (cls, path) in requests.Where(r => r.Class != "suggest").DistinctBy(r => r.Path).Take(40))
        {
            var total = await TotalAsync(http, path, ct);
            Console.WriteLine($"  {cls,-9} {total,10} hits  {Uri.UnescapeDataString(path)[..Math.Min(110, Uri.UnescapeDataString(path).Length)]}");
        }
        // Warm-up: every request three times, then a pause for .NET's background recompilation (in the host).
        for (var i = 0; i < 3; i++)
            foreach (var (_, path) in requests) await SendAsync(http, path, ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        foreach (var connections in new[] { 1, concurrency }.Distinct())
        {
            var timings = new System.Collections.Concurrent.ConcurrentBag<(string Class, double Ms)>();
            var work = new System.Collections.Concurrent.ConcurrentQueue<(string Class, string Path)>(
                Enumerable.Range(0, rounds).SelectMany(_ => requests));
            var hostCpu = HostCpu(hostPid);
            var wall = Stopwatch.StartNew();
            var failures = 0;
            await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
            {
                while (work.TryDequeue(out var item))
                {
                    var start = Stopwatch.GetTimestamp();
                    if (!await SendAsync(http, item.Path, ct)) Interlocked.Increment(ref failures);
                    timings.Add((item.Class, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                }
            }, ct)));
            wall.Stop();
            var cpu = HostCpu(hostPid) - hostCpu;
            var all = timings.ToList();
            Console.WriteLine();
            Console.WriteLine($"{connections} connection(s): {all.Count:N0} requests in {wall.Elapsed.TotalSeconds:F1}s ({all.Count / wall.Elapsed.TotalSeconds:F0}/s), " +
                              $"{failures} not 200 or cached; host CPU {(cpu is { } c ? $"{c.TotalMilliseconds / all.Count:F1} ms/request" : "n/a")}; load average {CpuClock.LoadAverage()}");
            Console.WriteLine($"  {"class",-10} {"n",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
            foreach (var group in all.GroupBy(t => t.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var ms = group.Select(g => g.Ms).Order().ToList();
                Console.WriteLine($"  {group.Key,-10} {ms.Count,6} {Percentile(ms, 50),8:F1} {Percentile(ms, 95),8:F1} {Percentile(ms, 99),8:F1} {ms[^1],8:F1}");
            }
            if (failures > 0) return 1;
        }
        return 0;
    }

    /// <summary>The mix as REST paths: <see cref="SearchQueryMix"/>'s requests and prefixes, then the judged queries
    /// (the real development set) as plain text searches, 20 hits with highlighting, as the search box sends them.</summary>
    private static List<(string Class, string Path)> Requests(string? judgedFile)
    {
        var list = SearchQueryMix.Requests().Select(r => (r.Kind, Path(r.Request))).ToList();
        foreach (var prefix in SearchQueryMix.SuggestPrefixes) list.Add(("suggest", "/api/v1/suggest?q=" + Uri.EscapeDataString(prefix)));
        if (judgedFile is not null)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(judgedFile));
            foreach (var query in document.RootElement.EnumerateArray().Select(e => e.GetProperty("q").GetString()).Where(q => !string.IsNullOrWhiteSpace(q)).Distinct())
                list.Add(("judged", Path(new SearchRequest { Query = query, Highlight = true })));
        }
        return list;
    }

    private static string Path(SearchRequest r)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(r.Query)) parts.Add("q=" + Uri.EscapeDataString(r.Query));
        foreach (var applied in r.Filters.Applied)
            parts.Add(applied.Filter.Name + "=" + Uri.EscapeDataString(string.Join(",", applied.Values.Select(v => v.Term ?? v.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        if (r.Facets.Count > 0) parts.Add("facets=" + string.Join(",", r.Facets));
        if (r.Sort != SearchSort.Default) parts.Add("sort=" + Uri.EscapeDataString(r.Sort.ToString()));
        if (r.Highlight) parts.Add("highlight=true");
        if (r.Cursor is not null) parts.Add("cursor=" + Uri.EscapeDataString(r.Cursor));
        return "/api/v1/tasks" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    /// <summary>Walks 40 pages of <see cref="SearchQueryMix.DeepPaging"/> by the responses' cursors: the 41st page's path.</summary>
    private static async Task<string?> DeepCursorAsync(HttpClient http, CancellationToken ct)
    {
        var path = Path(SearchQueryMix.DeepPaging);
        for (var page = 0; page < SearchQueryMix.DeepPages; page++)
        {
            using var response = await http.GetAsync(path, ct);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (!body.RootElement.GetProperty("meta").TryGetProperty("nextCursor", out var next) || next.ValueKind != JsonValueKind.String) return null;
            path = Path(SearchQueryMix.DeepPaging with { Cursor = next.GetString() });
        }
        return path;
    }

    private static async Task<string> TotalAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode != HttpStatusCode.OK) return $"HTTP {(int)response.StatusCode}";
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("meta").GetProperty("count").GetInt64().ToString("N0");
    }

    private static async Task<bool> SendAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode == HttpStatusCode.OK && response.Headers.Age is null;
    }

    /// <summary>User + system CPU time of another process (Linux /proc), or null when it cannot be read.</summary>
    private static TimeSpan? HostCpu(int pid)
    {
        if (pid <= 0) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
