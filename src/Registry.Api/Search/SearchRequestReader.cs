using System.Globalization;
using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>A search request read from a query string, or the parameter → messages to fix.</summary>
public sealed record ReadSearch(SearchRequest Request, IReadOnlyList<string>? Select, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The one way from a query string to a <see cref="SearchRequest"/>, for every surface: REST, exports, feeds, embeds
/// and web pages. The <see cref="SearchSurface"/> says what the surface reads and its page limits; the caller
/// presents the errors its own way (problem details, an HTML notice). Filter names come from
/// <see cref="SearchFilters.All"/>, sort names from <see cref="SearchSort.Declared"/>.
/// </summary>
public static class SearchRequestReader
{
    public static ReadSearch Read(IQueryCollection query, SearchSurface surface)
    {
        var errors = new Dictionary<string, string[]>();
        var filterPairs = query
            .Where(p => surface.IsFilter(p.Key))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        var filters = SearchFilterSet.Parse(filterPairs, out var filterErrors);
        foreach (var (key, messages) in filterErrors) errors[key] = messages;

        var request = new SearchRequest
        {
            Query = Trimmed(Last(query, SearchParameters.Query)),
            Filters = filters,
            Sort = surface.Reads(SearchParts.Sort) ? ReadSort(query, errors) : SearchSort.Default,
            Facets = surface.Reads(SearchParts.Facets) ? List(query, SearchParameters.Facets) : [],
            Cursor = surface.Reads(SearchParts.Cursor) ? Trimmed(Last(query, SearchParameters.Cursor)) : null,
            PageSize = ReadPageSize(query, surface.Paging, errors),
            Highlight = surface.Reads(SearchParts.Highlight) && ReadBool(query, SearchParameters.Highlight, errors),
        };
        foreach (var (key, messages) in request.Validate()) errors.TryAdd(key, messages);

        IReadOnlyList<string>? select = null;
        if (surface.Reads(SearchParts.Select) && query.ContainsKey(SearchParameters.Select))
        {
            select = List(query, SearchParameters.Select);
            if (RecordSelection.Validate(select) is { } selectError) errors[SearchParameters.Select] = [selectError];
        }

        return new ReadSearch(request, select, errors);
    }

    private static SearchSort ReadSort(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var text = Last(query, SearchParameters.Sort);
        if (SearchSort.TryParse(text, out var sort)) return sort;
        var valid = string.Join(", ", SearchSort.Names);
        errors[SearchParameters.Sort] = [$"Không sắp xếp được theo '{text}'; dùng một trong: {valid}, có thể thêm '-' hoặc '+' (unknown sort; valid: {valid}, optionally prefixed by '-' or '+')."];
        return sort;
    }

    private static int ReadPageSize(IQueryCollection query, SearchPaging paging, Dictionary<string, string[]> errors)
    {
        if (paging.Parameter is not { } name) return paging.Default;
        var text = Last(query, name);
        if (string.IsNullOrWhiteSpace(text)) return paging.Default;
        var read = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size);
        if (paging.Lenient) return read ? paging.Clamp(size) : paging.Default;
        if (read && size >= 1 && size <= paging.Max) return size;
        errors[name] = read
            ? [$"{name} phải từ 1 đến {paging.Max} ({name} must be between 1 and {paging.Max})."]
            : [$"{name} phải là số nguyên từ 1 đến {paging.Max} ({name} must be an integer between 1 and {paging.Max})."];
        return paging.Default;
    }

    private static bool ReadBool(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var text = Last(query, name);
        if (text is null) return false;
        switch (text.Trim().ToLowerInvariant())
        {
            case "" or "true" or "1": return true;
            case "false" or "0": return false;
            default:
                errors[name] = [$"'{name}' cần true hoặc false ('{name}' expects true or false)."];
                return false;
        }
    }

    /// <summary>The last value of a repeated parameter: a link that appends a value overrides the earlier one.</summary>
    private static string? Last(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IReadOnlyList<string> List(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
}
