namespace Registry.Search.Model;

/// <summary>An engine-neutral search: free text, filters, facets, sort and an opaque cursor.</summary>
public sealed record SearchRequest
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>What the user typed; null or blank lists everything (sorted by <see cref="Sort"/>).</summary>
    public string? Query { get; init; }

    public SearchFilterSet Filters { get; init; } = SearchFilterSet.Empty;

    /// <summary>Facet names from <see cref="SearchFacets.All"/>.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Default;

    /// <summary>The <see cref="SearchResult.NextCursor"/> of the previous page, or null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>1–<see cref="MaxPageSize"/>; engines clamp out-of-range values.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Return <c>&lt;mark&gt;</c> snippets for title and summary.</summary>
    public bool Highlight { get; init; }

    public int ClampedPageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>Problems a caller must fix (parameter → message), empty when the request is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (PageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"pageSize phải từ 1 đến {MaxPageSize} (pageSize must be between 1 and {MaxPageSize})."];
        var unknown = Facets.Where(f => SearchFacets.Find(f) is null).ToList();
        if (unknown.Count > 0)
            errors["facets"] = [$"Không có facet '{string.Join("', '", unknown)}' (unknown facet; valid: {string.Join(", ", SearchFacets.All.Select(f => f.Name))})."];
        if (Cursor is not null && !SearchCursor.TryDecode(Cursor, Sort, out _))
            errors["cursor"] = ["Con trỏ không hợp lệ hoặc không khớp với cách sắp xếp (invalid cursor, or it belongs to another sort): restart from the first page."];
        return errors;
    }
}
