using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Elasticsearch;

/// <summary>Turns a search response into a <see cref="SearchResult"/>: hits, exact total, facets, highlights, cursor.</summary>
internal static class EsResponseReader
{
    public static SearchResult Read(SearchResponse<EsStoredRecord> response, Model.SearchRequest request, IReadOnlyList<SearchFacet> facets)
    {
        var size = request.ClampedPageSize;
        var all = response.HitsMetadata?.Hits ?? [];
        var page = all.Take(size).ToList();
        var next = all.Count > size ? EsSorting.Encode(request.Sort, page[^1].Sort ?? []) : null;
        return new SearchResult(Total(response), page.Select(Hit).ToList(), next, Facets(response.Aggregations, facets));
    }

    public static SearchHit Hit(Hit<EsStoredRecord> hit)
    {
        var highlights = (hit.Highlight ?? new Dictionary<string, IReadOnlyCollection<string>>())
            .Where(h => h.Value.Count > 0)
            .ToDictionary(h => EsSearchBuilder.HighlightName(h.Key), h => (IReadOnlyList<string>)h.Value.Select(EsSearchBuilder.Snippet).ToList());
        return new SearchHit(hit.Id!, hit.Score ?? 0, highlights, Record(hit));
    }

    public static TaskRecord Record(Hit<EsStoredRecord> hit) =>
        hit.Source is { Source.ValueKind: JsonValueKind.Object } stored
            ? stored.Source.Deserialize<TaskRecord>(RegistryJson.Options)!
            : throw new InvalidOperationException($"Search hit '{hit.Id}' has no stored record; rebuild the Elasticsearch index (registry reindex).");

    private static long Total(SearchResponse<EsStoredRecord> response) =>
        response.HitsMetadata?.Total is { } total ? total.Match(t => t?.Value ?? 0, n => n) : response.HitsMetadata?.Hits.Count ?? 0;

    public static IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Facets(AggregateDictionary? aggregations, IReadOnlyList<SearchFacet> facets) =>
        facets.ToDictionary(f => f.Name, f => SearchFacets.ToBuckets(f, Counts(aggregations, f.Name)));

    /// <summary>Keyword facets come back as string terms, the start-year facet as long terms; a facet counted under
    /// the other post filters comes as a filter aggregate holding its terms under the same name.</summary>
    private static IEnumerable<KeyValuePair<string, long>> Counts(AggregateDictionary? aggregations, string name)
    {
        if (aggregations is null || !aggregations.TryGetAggregate(name, out var aggregate)) return [];
        return aggregate switch
        {
            StringTermsAggregate s => s.Buckets.Select(b => KeyValuePair.Create(Key(b.Key), b.DocCount)),
            LongTermsAggregate l => l.Buckets.Select(b => KeyValuePair.Create(b.Key.ToString(CultureInfo.InvariantCulture), b.DocCount)),
            FilterAggregate f => Counts(f.Aggregations, name),
            _ => [],
        };
    }

    private static string Key(FieldValue key) =>
        key.TryGetString(out var s) ? s! : Convert.ToString(key.Value, CultureInfo.InvariantCulture) ?? "";
}
