using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Search;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary>
/// The search page's address, parsed: free text, sort, cursor and filters (every other parameter). Links to other
/// states of the page (add or remove a filter, change sort, next page) are built from it, so they stay consistent.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>20 results a page, at most 50; a size the page cannot use becomes the nearest it can.</summary>
    public static readonly SearchSurface Surface =
        new(new SearchPaging(SearchParameters.PageSize, 20, 50, Lenient: true), SearchParts.Sort | SearchParts.Cursor, "lang");

    private readonly IQueryCollection _address;

    private SearchQuery(IQueryCollection address, string? text, string? sort, string? cursor, IReadOnlyList<KeyValuePair<string, string>> filters, int? pageSize)
    {
        _address = address;
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

    public int PageSize => RequestedPageSize is { } size ? Surface.Paging.Clamp(size) : Surface.Paging.Default;

    /// <summary>Filter parameters one value each (comma lists split), in address order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterPairs { get; }

    public static SearchQuery From(IQueryCollection query)
    {
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var filters = query.Where(p => Surface.IsFilter(p.Key))
            .SelectMany(p => p.Value.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v => KeyValuePair.Create(p.Key, v)))
            .ToList();
        int? size = int.TryParse(One(SearchParameters.PageSize), out var n) ? n : null;
        return new SearchQuery(query, One(SearchParameters.Query), One(SearchParameters.Sort), One(SearchParameters.Cursor), filters, size);
    }

    public bool Has(string name, string value) =>
        FilterPairs.Any(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value == value);

    public bool HasFilters => FilterPairs.Count > 0;

    /// <summary>The engine request with every facet counted and matches marked; problems (unknown filter, bad value,
    /// bad sort or cursor) come back as messages.</summary>
    public SearchRequest ToRequest(IReadOnlyList<string> facets, out IReadOnlyDictionary<string, string[]> errors)
    {
        var read = SearchRequestReader.Read(_address, Surface);
        errors = read.Errors;
        return read.Request with { Facets = facets, Highlight = true };
    }

    /// <summary>
    /// This search with the value added to its filter's values (OR-ed with the others) or, when already applied,
    /// removed; paging restarts. A field code replaces the selected codes it lies under or over, so choosing the
    /// sector 401 while the field 4 is selected narrows to 401 (adding it would change nothing: 4 holds it).
    /// </summary>
    public string Toggle(string name, string value)
    {
        if (Has(name, value)) return Without(name, value);
        var field = name.Equals(SearchFilters.Field.Name, StringComparison.OrdinalIgnoreCase);
        var kept = FilterPairs.Where(p => !(field && p.Key.Equals(name, StringComparison.OrdinalIgnoreCase) && Nested(p.Value, value)));
        return Build(Text, SortText, null, [.. kept, KeyValuePair.Create(name, value)]);
    }

    public string Without(string name, string value) =>
        Build(Text, SortText, null, FilterPairs.Where(p => !(p.Key.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value == value)));

    /// <summary>The start years selected: the range yearFrom–yearTo (either end may be open); null when neither is set.</summary>
    public (int From, int To)? YearRange
    {
        get
        {
            int? Bound(string name) => FilterPairs.LastOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { } v
                && int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
            var (from, to) = (Bound(SearchFilters.YearFrom.Name), Bound(SearchFilters.YearTo.Name));
            return from is null && to is null ? null : (from ?? int.MinValue, to ?? int.MaxValue);
        }
    }

    public bool HasYear(int year) => YearRange is var (from, to) && from <= year && year <= to;

    /// <summary>
    /// Start years filter as a range, so a year bucket toggles the range: an unselected year stretches it to
    /// reach that year (the years between come along), an end year shrinks it by one, the only year clears it,
    /// and a year inside the range narrows it to that year alone.
    /// </summary>
    public string ToggleYear(int year)
    {
        // Open ends are int.MinValue / int.MaxValue; a range open at both ends means no year filter.
        var (from, to) = YearRange switch
        {
            null => (year, year),
            var (f, t) when year < f => (year, t),
            var (f, t) when year > t => (f, year),
            var (f, t) when f == t => (int.MinValue, int.MaxValue),
            var (f, t) when year == f => (year + 1, t),
            var (f, t) when year == t => (f, year - 1),
            _ => (year, year),
        };
        var rest = FilterPairs.Where(p => !IsYear(p.Key)).ToList();
        if (from != int.MinValue) rest.Add(KeyValuePair.Create(SearchFilters.YearFrom.Name, Year(from)));
        if (to != int.MaxValue) rest.Add(KeyValuePair.Create(SearchFilters.YearTo.Name, Year(to)));
        return Build(Text, SortText, null, rest);
    }

    public string WithoutFilters() => Build(Text, SortText, null, []);

    public string NextPage(string cursor) => Build(Text, SortText, cursor, FilterPairs);

    public string FirstPage() => Build(Text, SortText, null, FilterPairs);

    /// <summary>The feed of this search (same text and filters; feeds have their own order and size).</summary>
    public string Feed(string extension) => "/feeds/tasks." + extension + SearchQueryString();

    /// <summary>The text and filters as a query string ("?q=…&amp;field=…"), empty without them: what feeds and exports take.</summary>
    public string SearchQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Text is not null) pairs.Add(KeyValuePair.Create("q", (string?)Text));
        pairs.AddRange(FilterParameters.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value)));
        return QueryHelpers.AddQueryString("", pairs);
    }

    /// <summary>The filters as address parameters: the values of one filter comma-separated, in first-seen order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterParameters => Grouped(FilterPairs);

    private static List<KeyValuePair<string, string>> Grouped(IEnumerable<KeyValuePair<string, string>> filters) =>
        filters.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => KeyValuePair.Create(g.Key, string.Join(",", g.Select(f => f.Value).Distinct())))
            .ToList();

    private static bool Nested(string code, string other) =>
        code.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(code, StringComparison.Ordinal);

    private static bool IsYear(string name) =>
        name.Equals(SearchFilters.YearFrom.Name, StringComparison.OrdinalIgnoreCase) || name.Equals(SearchFilters.YearTo.Name, StringComparison.OrdinalIgnoreCase);

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Build(string? text, string? sort, string? cursor, IEnumerable<KeyValuePair<string, string>> filters)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (text is not null) pairs.Add(KeyValuePair.Create("q", (string?)text));
        pairs.AddRange(Grouped(filters).Select(f => KeyValuePair.Create(f.Key, (string?)f.Value)));
        if (sort is not null) pairs.Add(KeyValuePair.Create("sort", (string?)sort));
        if (RequestedPageSize is not null) pairs.Add(KeyValuePair.Create("pageSize", (string?)PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (cursor is not null) pairs.Add(KeyValuePair.Create("cursor", (string?)cursor));
        return QueryHelpers.AddQueryString("/tasks", pairs);
    }
}
