using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>GET /filters: what can be filtered, faceted and sorted, generated from the declared lists.</summary>
public sealed record FiltersResponse(
    IReadOnlyList<FilterView> Filters,
    IReadOnlyList<FacetView> Facets,
    IReadOnlyList<SortView> Sorts);

/// <param name="Type">string, integer, boolean, date-time or enum.</param>
/// <param name="Multi">Accepts several values (repeat the parameter or comma-separate; values are OR-ed).</param>
/// <param name="AllowedValues">The closed list of values for enum filters; null otherwise.</param>
public sealed record FilterView(string Name, string Type, bool Multi, string Description, string Example, IReadOnlyList<string>? AllowedValues);

/// <param name="Filter">The filter that narrows to one bucket's key.</param>
public sealed record FacetView(string Name, string Description, string Filter, int MaxBuckets);

/// <param name="Name">Pass as <c>sort</c>; prefix '+' for ascending, '-' (default) for descending.</param>
public sealed record SortView(string Name, string Description);

public static class FiltersDescription
{
    public static FiltersResponse Describe() => Cached;

    private static readonly FiltersResponse Cached = new(
        SearchFilters.All.Select(View).ToList(),
        SearchFacets.All.Select(f => new FacetView(f.Name, f.Description, f.FilterName, f.MaxBuckets)).ToList(),
        [
            new("relevance", "Phù hợp nhất trước; không có q thì mới nhất trước (best match first; without q, newest first)."),
            new("newest", "Theo ngày bắt đầu dự kiến (by planned start date)."),
            new("budget", "Theo tổng kinh phí (by total budget, VND)."),
            new("endDate", "Theo ngày kết thúc dự kiến (by planned end date)."),
        ]);

    private static FilterView View(SearchFilter f)
    {
        var isEnum = f.Type.StartsWith("enum:", StringComparison.Ordinal);
        var allowed = isEnum
            ? f.Type[5..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : f.Type == "boolean" ? ["true", "false"] : null;
        return new FilterView(f.Name, isEnum ? "enum" : f.Type, f.MultiValued, f.Description, f.Example, allowed);
    }
}
