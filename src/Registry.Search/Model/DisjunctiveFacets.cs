namespace Registry.Search.Model;

/// <summary>Facets counted together under one set of filters.</summary>
/// <param name="Filters">The request's filters minus the ones these facets' dimensions own.</param>
public sealed record FacetPass(IReadOnlyList<SearchFacet> Facets, SearchFilterSet Filters);

/// <summary>
/// Multi-select ("disjunctive") facet counting, the rule both engines follow: a facet's counts are computed with
/// every filter applied except the filters of its own <see cref="SearchFacet.Dimension"/>, so filtering
/// <c>level=provincial</c> still lists the other levels with the counts they would add; hits and totals use
/// every filter. A facet whose dimension is not filtered counts with the hits, at no extra cost.
/// </summary>
public static class DisjunctiveFacets
{
    /// <summary>The facets that count with the hits (<paramref name="main"/>) and, for the facets whose dimension is
    /// filtered, one extra pass per distinct set of dropped filters (field and sector share a pass).</summary>
    public static (IReadOnlyList<SearchFacet> Main, IReadOnlyList<FacetPass> Extra) Plan(
        IReadOnlyList<SearchFacet> facets, SearchFilterSet filters)
    {
        var main = facets.Where(f => !IsFiltered(f, filters)).ToList();
        var extra = facets.Where(f => IsFiltered(f, filters))
            .GroupBy(f => string.Join(",", OwnApplied(f, filters).Select(a => a.Filter.Name)))
            .Select(g => new FacetPass(g.ToList(), filters.Without(g.First().Owns)))
            .ToList();
        return (main, extra);
    }

    /// <summary>True when the request filters by one of the facet's own filters.</summary>
    public static bool IsFiltered(SearchFacet facet, SearchFilterSet filters) => filters.Applied.Any(a => facet.Owns(a.Filter));

    /// <summary>The applied filters that some requested facet owns: they must not narrow the other facets' own
    /// counts, so an engine that counts in one request (Elasticsearch) applies them after the aggregations.</summary>
    public static SearchFilterSet Faceted(IReadOnlyList<SearchFacet> facets, SearchFilterSet filters) =>
        filters.Only(f => facets.Any(facet => facet.Owns(f)));

    private static IEnumerable<AppliedFilter> OwnApplied(SearchFacet facet, SearchFilterSet filters) =>
        filters.Applied.Where(a => facet.Owns(a.Filter));
}
