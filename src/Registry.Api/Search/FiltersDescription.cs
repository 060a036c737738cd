using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>GET /filters: what can be filtered, faceted and sorted, generated from the declared lists.</summary>
public sealed record FiltersResponse(
    IReadOnlyList<FilterView> Filters,
    IReadOnlyList<FacetView> Facets,
    IReadOnlyList<SortView> Sorts);

/// <param name="Type">string, integer, boolean, date-time or enum.</param>
/// <param name="Multi">Accepts several values (repeat the parameter or comma-separate; values are OR-ed).</param>
/// <param name="AllowedValues">The closed list of values of enum and boolean filters; null otherwise.</param>
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
        SearchSort.Declared.Select(o => new SortView(o.Name, o.Description)).ToList());

    private static FilterView View(SearchFilter f) =>
        new(f.Name, TypeName(f.Kind), f.MultiValued, f.Description, f.Example, f.AllowedValues);

    /// <summary>The type a client sees in GET /filters.</summary>
    private static string TypeName(FilterKind kind) => kind switch
    {
        FilterKind.Keyword or FilterKind.Prefix => "string",
        FilterKind.Enum => "enum",
        FilterKind.Bool => "boolean",
        FilterKind.IntRange => "integer",
        FilterKind.DateTimeRange => "date-time",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A filter kind without a documented type."),
    };
}
