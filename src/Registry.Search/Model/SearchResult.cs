using Registry.Data.Records;

namespace Registry.Search.Model;

/// <summary>One page of results.</summary>
/// <param name="Total">Exact number of matching tasks.</param>
/// <param name="NextCursor">Null on the last page.</param>
/// <param name="Facets">Facet name → buckets, most frequent first (only the facets requested).</param>
public sealed record SearchResult(
    long Total,
    IReadOnlyList<SearchHit> Hits,
    string? NextCursor,
    IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Facets)
{
    /// <summary>True when no task held enough of the query's concepts and the engine answered with tasks holding any
    /// one of them instead (docs/search.md, "Query semantics").</summary>
    public bool Relaxed { get; init; }

    /// <summary>The query spelled with marks, when it was typed without them (or in Telex) and the catalogue spells
    /// its words one way; null otherwise.</summary>
    public string? Suggestion { get; init; }
}

/// <param name="Highlights">Field name (title, summary) → snippets with <c>&lt;mark&gt;</c> around matches, the
/// rest HTML-encoded. Empty when highlighting was not asked for or nothing matched in that field.</param>
/// <param name="Record">The stored public record (contacts already stripped by the catalogue).</param>
public sealed record SearchHit(
    string Id,
    double Score,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights,
    TaskRecord Record);

/// <param name="Key">The value to filter by (a field code, enum name, year, organisation id).</param>
/// <param name="DisplayName">Vietnamese label.</param>
public sealed record FacetBucket(string Key, string DisplayName, long Count);

/// <summary>A completion for the search box.</summary>
/// <param name="Text">The phrase as written in the catalogue (with diacritics).</param>
/// <param name="Source">Where it comes from: <c>title</c>, <c>keyword</c> or <c>organization</c>.</param>
/// <param name="Count">How many published tasks carry it.</param>
public sealed record Suggestion(string Text, string Source, long Count);
