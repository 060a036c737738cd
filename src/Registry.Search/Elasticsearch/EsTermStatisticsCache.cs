using System.Collections.Concurrent;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Analysis;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Term statistics for query planning, at most one request per search: the counts a query needs that are not cached
/// are asked in one <c>size: 0</c> search of the whole index, a <c>filters</c> aggregation with one term filter per
/// count, whose hit total is the number of tasks. Counts are kept for <see cref="Lifetime"/> (a plan may be that
/// stale: a minute-old count decides a tier, never a match) and at most <see cref="MaxEntries"/> of them.
/// </summary>
internal sealed class EsTermStatisticsCache(ElasticsearchClient client, string alias, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public const int MaxEntries = 20_000;
    public const string Aggregation = "counts";

    private readonly ConcurrentDictionary<TermKey, (long Count, DateTimeOffset Until)> _counts = new();
    private (long Count, DateTimeOffset Until) _docs = (0, DateTimeOffset.MinValue);

    /// <summary>The statistics of a query's words and pairs.</summary>
    public async Task<ITermStatistics> ForAsync(ParsedQuery parsed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var needed = EsTermStatistics.Needed(parsed);
        var known = new Dictionary<TermKey, long>();
        var missing = new List<TermKey>();
        foreach (var key in needed)
        {
            if (_counts.TryGetValue(key, out var cached) && cached.Until > now) known[key] = cached.Count;
            else missing.Add(key);
        }
        var docs = _docs;
        if (missing.Count == 0 && docs.Until > now) return new EsTermStatistics(docs.Count, known);

        var response = await client.SearchAsync<EsStoredRecord>(Request(missing), ct);
        EsIndexLifecycle.Ensure(response, "thống kê từ (term statistics)");
        var counts = (response.Aggregations?.GetFilters(Aggregation)?.Buckets ?? []).Select(b => b.DocCount).ToList();
        var until = now + Lifetime;
        if (_counts.Count + missing.Count > MaxEntries) _counts.Clear();
        for (var i = 0; i < missing.Count; i++)
        {
            var count = i < counts.Count ? counts[i] : 0;
            known[missing[i]] = count;
            _counts[missing[i]] = (count, until);
        }
        var total = response.HitsMetadata?.Total is { } t ? t.Match(h => h?.Value ?? 0, n => n) : 0;
        _docs = (total, until);
        return new EsTermStatistics(total, known);
    }

    /// <summary>Counts of the given terms over the whole index (filters of the search do not apply: the plan weighs
    /// words against the catalogue, as the Lucene engine's reader does). Anonymous filters: buckets come back in order.</summary>
    public SearchRequest Request(IReadOnlyList<TermKey> keys) => new(alias)
    {
        Size = 0,
        RequestCache = true,
        TrackTotalHits = new TrackHits(true),
        Query = new MatchAllQuery(),
        Aggregations = keys.Count == 0 ? null : new Dictionary<string, Aggregation>
        {
            [Aggregation] = new FiltersAggregation
            {
                Filters = new Buckets<Query>(keys.Select(k => (Query)new TermQuery(k.Field, k.Term)).ToArray()),
            },
        },
    };
}
