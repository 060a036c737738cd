using System.Globalization;
using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>A search request read from a query string, or the parameter → messages to fix.</summary>
public sealed record ReadSearch(SearchRequest Request, IReadOnlyList<string>? Select, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Turns query parameters into a <see cref="SearchRequest"/>; every filter name comes from <see cref="SearchFilters.All"/>.</summary>
public static class SearchRequestReader
{
    public static ReadSearch Read(IQueryCollection query, bool paging)
    {
        var errors = new Dictionary<string, string[]>();
        var filterPairs = query
            .Where(p => SearchFilters.Find(p.Key) is not null)
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        var filters = SearchFilterSet.Parse(filterPairs, out var filterErrors);
        foreach (var (key, messages) in filterErrors) errors[key] = messages;

        var sortText = Single(query, SearchParameters.Sort);
        if (!SearchSort.TryParse(sortText, out var sort))
        {
            var valid = string.Join(", ", SearchSort.Names);
            errors[SearchParameters.Sort] = [$"Không sắp xếp được theo '{sortText}'; dùng một trong: {valid}, có thể thêm '-' hoặc '+' (unknown sort; valid: {valid}, optionally prefixed by '-' or '+')."];
        }

        var request = new SearchRequest
        {
            Query = Single(query, SearchParameters.Query),
            Filters = filters,
            Sort = sort,
            Facets = paging ? List(query, SearchParameters.Facets) : [],
            Cursor = paging ? NullIfEmpty(Single(query, SearchParameters.Cursor)) : null,
            PageSize = paging ? ReadPageSize(query, errors) : SearchRequest.MaxPageSize,
            Highlight = paging && ReadBool(query, SearchParameters.Highlight, errors),
        };
        foreach (var (key, messages) in request.Validate()) errors.TryAdd(key, messages);

        IReadOnlyList<string>? select = null;
        if (paging && query.ContainsKey(SearchParameters.Select))
        {
            select = List(query, SearchParameters.Select);
            if (RecordSelection.Validate(select) is { } selectError) errors[SearchParameters.Select] = [selectError];
        }

        return new ReadSearch(request, select, errors);
    }

    private static int ReadPageSize(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var text = Single(query, SearchParameters.PageSize);
        if (string.IsNullOrWhiteSpace(text)) return SearchRequest.DefaultPageSize;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)) return size;
        errors[SearchParameters.PageSize] = [$"pageSize phải là số nguyên từ 1 đến {SearchRequest.MaxPageSize} (pageSize must be an integer between 1 and {SearchRequest.MaxPageSize})."];
        return SearchRequest.DefaultPageSize;
    }

    private static bool ReadBool(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var text = Single(query, name);
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

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IReadOnlyList<string> List(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
}
