using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>
/// A page of search results. Each item of <see cref="Results"/> is the public record v1 (see the TaskRecord schema),
/// restricted to the <c>select</c> fields when given, plus <c>"highlights": {"title": "…<mark>…</mark>…", "summary": "…"}</c>
/// when <c>highlight=true</c> and the field matched.
/// </summary>
/// <param name="Facets">Facet name → buckets (most frequent first); only the facets asked for. Multi-select: a facet counts under every filter except its own.</param>
public sealed record TaskSearchResponse(
    TaskSearchMeta Meta,
    IReadOnlyList<JsonObject> Results,
    IReadOnlyDictionary<string, IReadOnlyList<FacetBucketView>> Facets);

/// <param name="Count">Exact number of matching tasks.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page (also in the <c>Link: rel="next"</c> header); null on the last page.</param>
/// <param name="Q">The text searched, as given (null when listing).</param>
/// <param name="Sort">The sort used, e.g. <c>-relevance</c>.</param>
/// <param name="Filters">The filters applied, as name → values.</param>
/// <param name="Relaxed">True when no task held enough of the words searched for and the results hold fewer of them
/// (see docs/search.md, "Query semantics"): <c>count</c> is then the count of that looser search.</param>
/// <param name="Suggestion">The query spelled with diacritics, when it was typed without them (or in Telex) and the
/// catalogue spells its words one way: searching it gives only those spellings. Null otherwise.</param>
public sealed record TaskSearchMeta(
    long Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor,
    int PageSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Q,
    string Sort,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    bool Relaxed = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Suggestion = null);

/// <param name="Key">Value to pass to the matching filter (field code, enum name, year, organization id).</param>
/// <param name="DisplayName">Vietnamese label.</param>
public sealed record FacetBucketView(string Key, string DisplayName, long Count)
{
    public static FacetBucketView From(FacetBucket b) => new(b.Key, b.DisplayName, b.Count);
}

/// <summary>Search-box completions.</summary>
public sealed record SuggestResponse(IReadOnlyList<SuggestionView> Results);

/// <param name="Text">The phrase as written in the catalogue.</param>
/// <param name="Source">title, keyword or organization.</param>
/// <param name="Count">Published tasks carrying it.</param>
public sealed record SuggestionView(string Text, string Source, long Count);

/// <summary>Tasks like a given one; each item is the public record v1.</summary>
public sealed record RelatedResponse(IReadOnlyList<JsonObject> Results);
