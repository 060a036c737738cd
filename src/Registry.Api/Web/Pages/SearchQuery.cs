using Microsoft.AspNetCore.WebUtilities;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary>
/// The search page's address, parsed: free text, sort, cursor and filters (every other parameter). Links to other
/// states of the page (add or remove a filter, change sort, next page) are built from it, so they stay consistent.
/// </summary>
public sealed class SearchQuery
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "q", "sort", "cursor", "lang", "pageSize" };

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    private SearchQuery(string? text, string? sort, string? cursor, IReadOnlyList<KeyValuePair<string, string>> filters, int? pageSize)
    {
        RequestedPageSize = pageSize;
        Text = text;
        SortText = sort;
        Cursor = cursor;
        FilterPairs = filters;
    }

    public string? Text { get; }
    public string? SortText { get; }
    public string? Cursor { get; }

    /// <summary>Results per page as asked (kept in links), null for the default.</summary>
    public int? RequestedPageSize { get; }

    public int PageSize => Math.Clamp(RequestedPageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>Filter parameters one value each (comma lists split), in address order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterPairs { get; }

    public static SearchQuery From(IQueryCollection query)
    {
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var filters = query.Where(p => !Reserved.Contains(p.Key))
            .SelectMany(p => p.Value.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v => KeyValuePair.Create(p.Key, v)))
            .ToList();
        int? size = int.TryParse(One("pageSize"), out var n) ? n : null;
        return new SearchQuery(One("q"), One("sort"), One("cursor"), filters, size);
    }

    public bool Has(string name, string value) =>
        FilterPairs.Any(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value == value);

    public bool HasFilters => FilterPairs.Count > 0;

    /// <summary>Builds the engine request; problems (unknown filter, bad value, bad sort or cursor) come back as messages.</summary>
    public SearchRequest ToRequest(IReadOnlyList<string> facets, out IReadOnlyDictionary<string, string[]> errors)
    {
        var filters = SearchFilterSet.Parse(FilterPairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)), out var filterErrors);
        var all = filterErrors.ToDictionary(e => e.Key, e => e.Value);
        if (!SearchSort.TryParse(SortText, out var sort))
            all["sort"] = [$"Cách sắp xếp '{SortText}' không có (unknown sort; valid: {string.Join(", ", SearchSort.Names)})."];
        var request = new SearchRequest
        {
            Query = Text, Filters = filters, Facets = facets, Sort = sort, Cursor = Cursor, PageSize = PageSize, Highlight = true,
        };
        foreach (var (key, messages) in request.Validate()) all[key] = messages;
        errors = all;
        return request;
    }

    /// <summary>This search with the filter value added (or removed when already applied); paging restarts.</summary>
    public string Toggle(string name, string value) =>
        Has(name, value) ? Without(name, value) : Build(Text, SortText, null, [.. FilterPairs, KeyValuePair.Create(name, value)]);

    public string Without(string name, string value) =>
        Build(Text, SortText, null, FilterPairs.Where(p => !(p.Key.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value == value)));

    /// <summary>A year bucket filters one start year: yearFrom and yearTo both set to it.</summary>
    public string ToggleYear(string year)
    {
        var applied = Has("yearFrom", year) && Has("yearTo", year);
        var rest = FilterPairs.Where(p => !p.Key.Equals("yearFrom", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("yearTo", StringComparison.OrdinalIgnoreCase));
        return applied ? Build(Text, SortText, null, rest) : Build(Text, SortText, null, [.. rest, KeyValuePair.Create("yearFrom", year), KeyValuePair.Create("yearTo", year)]);
    }

    public string WithoutFilters() => Build(Text, SortText, null, []);

    public string NextPage(string cursor) => Build(Text, SortText, cursor, FilterPairs);

    public string FirstPage() => Build(Text, SortText, null, FilterPairs);

    /// <summary>The feed of this search (same text and filters; feeds have their own order and size).</summary>
    public string Feed(string extension)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Text is not null) pairs.Add(KeyValuePair.Create("q", (string?)Text));
        pairs.AddRange(FilterPairs.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value)));
        return QueryHelpers.AddQueryString("/feeds/tasks." + extension, pairs);
    }

    private string Build(string? text, string? sort, string? cursor, IEnumerable<KeyValuePair<string, string>> filters)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (text is not null) pairs.Add(KeyValuePair.Create("q", (string?)text));
        pairs.AddRange(filters.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value)));
        if (sort is not null) pairs.Add(KeyValuePair.Create("sort", (string?)sort));
        if (RequestedPageSize is not null) pairs.Add(KeyValuePair.Create("pageSize", (string?)PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (cursor is not null) pairs.Add(KeyValuePair.Create("cursor", (string?)cursor));
        return QueryHelpers.AddQueryString("/tasks", pairs);
    }
}
