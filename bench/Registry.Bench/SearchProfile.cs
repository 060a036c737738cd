using System.Diagnostics;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Registry.Search.Analysis;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Bench;

/// <summary>
/// Where the time of each request of the query mix goes, on an existing index: the query plan, matching only (a
/// constant-score count of the hits, no facets), the scored top-N pass, the same with the request's facets, and the
/// whole request (stored fields, highlighting and the spelling suggestion on top). Medians of five runs, wall ms,
/// after a warm-up.
/// </summary>
internal static class SearchProfile
{
    public static async Task<int> RunAsync(string indexDirectory, CancellationToken ct)
    {
        using var index = new LuceneSearchIndex(FSDirectory.Open(Path.GetFullPath(indexDirectory)), TimeSpan.FromHours(1));
        Console.WriteLine($"load average at start: {CpuClock.LoadAverage()}; {await index.CountAsync(ct):N0} documents");
        var requests = SearchQueryMix.Requests();
        for (var i = 0; i < 4; i++) foreach (var (_, r) in requests) await index.SearchAsync(r, ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        Console.WriteLine($"  {"kind",-9} {"request",-48} {"plan",6} {"match",7} {"scored",7} {"+facets",8} {"full",7} {"CPU",7}");
        foreach (var (kind, request) in requests)
        {
            var parsed = QueryText.Parse(request.Query);
            var filter = LuceneQueryBuilder.BuildFilter(request.Filters);
            var facets = request.Facets.Select(n => SearchFacets.Find(n)!).ToList();
            var sort = LuceneSorting.Build(request.Sort, !parsed.IsEmpty);
            var scored = request.Sort.Field == SortBy.Relevance && !parsed.IsEmpty;
            double Plan() => index.WithSearcher(s => Time(() => QueryPlan.Build(QueryText.Parse(request.Query), new LuceneTermStatistics(s.IndexReader))));
            double Match() => index.WithSearcher(s =>
            {
                var query = LuceneQueryBuilder.Build(QueryPlan.Build(parsed, new LuceneTermStatistics(s.IndexReader)), s.IndexReader, scored: false);
                return Time(() => SegmentParallelSearch.Count(s, query, filter, [], SearchParallelism.Default));
            });
            double Scored(IReadOnlyList<SearchFacet> f) => index.WithSearcher(s =>
            {
                var query = LuceneQueryBuilder.Build(QueryPlan.Build(parsed, new LuceneTermStatistics(s.IndexReader)), s.IndexReader, scored);
                return Time(() => SegmentParallelSearch.Search(s, query, filter, sort, request.ClampedPageSize + 1, null, f, SearchParallelism.Default, scored));
            });
            var cpu = CpuClock.Cpu();
            var full = Median(() => Time(() => index.SearchAsync(request, ct).GetAwaiter().GetResult()));
            var fullCpu = (CpuClock.Cpu() - cpu).TotalMilliseconds / 5;
            var describe = $"q=\"{request.Query}\" {request.Filters} {request.Sort} f={facets.Count}";
            Console.WriteLine($"  {kind,-9} {describe[..Math.Min(48, describe.Length)],-48} {Median(Plan),6:F1} {Median(Match),7:F1} {Median(() => Scored([])),7:F1} {Median(() => Scored(facets)),8:F1} {full,7:F1} {fullCpu,7:F1}");
        }
        return 0;
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Time<T>(Func<T> action) => Time(() => { action(); });

    private static double Median(Func<double> run)
    {
        var runs = Enumerable.Range(0, 5).Select(_ => run()).Order().ToList();
        return runs[2];
    }
}
