using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>
/// The page size one surface accepts: the parameter that carries it (none: always <see cref="Default"/>), the size
/// when it is absent and the largest allowed. A lenient surface (the web pages, whose addresses people edit by hand)
/// takes the nearest allowed size, or the default for a size it cannot read, instead of refusing the request.
/// </summary>
public sealed record SearchPaging(string? Parameter, int Default, int Max, bool Lenient = false)
{
    /// <summary>No parameter: every request gets <paramref name="size"/> results.</summary>
    public static SearchPaging Fixed(int size) => new(null, size, size);

    public int Clamp(int size) => Math.Clamp(size, 1, Max);
}

/// <summary>The parameters a surface reads besides <c>q</c> and the filters.</summary>
[Flags]
public enum SearchParts
{
    None = 0,
    Sort = 1,
    Facets = 2,
    Cursor = 4,
    Highlight = 8,
    Select = 16,
}

/// <summary>
/// How one surface (REST search, exports, feeds, embeds, web pages) reads a search from its address: its paging, the
/// parameters it reads and those it reads itself (<c>own</c>: the page language, say). Every other
/// parameter is a filter, so an unknown name is reported as an unknown filter.
/// </summary>
public sealed class SearchSurface(SearchPaging paging, SearchParts reads, params string[] own)
{
    // Declared before the surfaces below: static fields are initialised in order.
    private static readonly (SearchParts Part, string Name)[] PartNames =
    [
        (SearchParts.Sort, SearchParameters.Sort), (SearchParts.Facets, SearchParameters.Facets), (SearchParts.Cursor, SearchParameters.Cursor),
        (SearchParts.Highlight, SearchParameters.Highlight), (SearchParts.Select, SearchParameters.Select),
    ];

    /// <summary>GET /api/v1/tasks.</summary>
    public static readonly SearchSurface Api = new(
        new SearchPaging(SearchParameters.PageSize, SearchRequest.DefaultPageSize, SearchRequest.MaxPageSize),
        SearchParts.Sort | SearchParts.Facets | SearchParts.Cursor | SearchParts.Highlight | SearchParts.Select);

    /// <summary>GET /api/v1/tasks/export.*: every match, walked in the engine's largest pages.</summary>
    public static readonly SearchSurface Export = new(SearchPaging.Fixed(SearchRequest.MaxPageSize), SearchParts.Sort);

    private readonly HashSet<string> _nonFilters = NonFilterNames(paging, reads, own);

    public SearchPaging Paging { get; } = paging;

    public bool Reads(SearchParts part) => (reads & part) == part;

    /// <summary>True when <paramref name="name"/> is a filter here rather than a parameter this surface reads.</summary>
    public bool IsFilter(string name) => !_nonFilters.Contains(name);

    private static HashSet<string> NonFilterNames(SearchPaging paging, SearchParts reads, string[] own)
    {
        var names = new HashSet<string>(own, StringComparer.OrdinalIgnoreCase) { SearchParameters.Query };
        if (paging.Parameter is { } size) names.Add(size);
        foreach (var (part, name) in PartNames)
        {
            if ((reads & part) == part) names.Add(name);
        }
        return names;
    }
}
