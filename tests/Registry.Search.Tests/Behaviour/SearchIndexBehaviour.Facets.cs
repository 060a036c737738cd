using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Tests.Behaviour;

/// <summary>Multi-select facets: a facet counts under every filter except its own, hits under all of them.</summary>
public abstract partial class SearchIndexBehaviour
{
    private static string LevelOf(TaskRecord r) => EnumLabels.Key(r.Level!.Value);
    private static string StatusOf(TaskRecord r) => EnumLabels.Key(r.Status!.Value);
    private static string KindOf(TaskRecord r) => EnumLabels.Key(r.Kind!.Value);
    private static string YearOf(TaskRecord r) => r.StartDate!.Value.Year.ToString();

    private Task<SearchResult> Faceted(IReadOnlyList<string> facets, params (string Name, string Value)[] filters) =>
        Seeded.SearchAsync(new SearchRequest { Filters = SearchFilterSet.Of(filters), Facets = facets, PageSize = 200 });

    /// <summary>The corpus narrowed by the filters, by the reference semantics of <see cref="Matches"/>.</summary>
    private static List<TaskRecord> Where(params (string Name, string Value)[] filters) =>
        All.Where(r => filters.All(f => Matches(r, f.Name, f.Value))).ToList();

    private static void AssertHits(SearchResult result, List<TaskRecord> expected)
    {
        Assert.Equal(expected.Count, result.Total);
        Assert.Equal(expected.Select(r => r.Id).Order(), result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Filtering_one_level_still_lists_the_sibling_levels_with_their_counts()
    {
        var result = await Faceted(["level"], ("level", "provincial"));
        AssertHits(result, Where(("level", "provincial")));
        AssertFacet(result, "level", All.Select(LevelOf));
        Assert.True(result.Facets["level"].Count > 1);
        Assert.Equal(result.Total, result.Facets["level"].Single(b => b.Key == "provincial").Count);
    }

    [Fact]
    public async Task Two_filtered_facets_each_count_under_the_other_filter()
    {
        (string, string) level = ("level", "provincial,national"), status = ("status", "accepted,applied");
        var result = await Faceted(["level", "status", "kind"], level, status);
        AssertHits(result, Where(level, status));
        AssertFacet(result, "level", Where(status).Select(LevelOf));
        AssertFacet(result, "status", Where(level).Select(StatusOf));
        AssertFacet(result, "kind", Where(level, status).Select(KindOf));
    }

    [Fact]
    public async Task A_year_range_is_left_out_of_the_year_facet_only()
    {
        (string, string) from = ("yearFrom", "2021"), to = ("yearTo", "2023"), level = ("level", "provincial");
        var result = await Faceted(["year", "level"], from, to, level);
        AssertHits(result, Where(from, to, level));
        AssertFacet(result, "year", Where(level).Select(YearOf));
        Assert.Contains(result.Facets["year"], b => int.Parse(b.Key) < 2021);
        AssertFacet(result, "level", Where(from, to).Select(LevelOf));
    }

    [Fact]
    public async Task A_field_prefix_filter_is_left_out_of_the_field_and_sector_facets()
    {
        (string, string) field = ("field", "4"), level = ("level", "provincial");
        var result = await Faceted(["field", "sector", "level", "organization"], field, level);
        AssertHits(result, Where(field, level));
        var sameLevel = Where(level);
        AssertFacet(result, "field", sameLevel.SelectMany(r => r.Fields!.Select(f => f[..1]).Distinct()));
        AssertFacet(result, "sector", sameLevel.SelectMany(r => r.Fields!.Select(f => f[..3]).Distinct()));
        AssertFacet(result, "level", Where(field).Select(LevelOf));
        AssertFacet(result, "organization", Where(field, level).Select(r => r.HostOrganization!.Id!));
    }

    [Fact]
    public async Task Filtered_facets_count_with_the_query_text_and_the_unfaceted_filters()
    {
        var request = new SearchRequest
        {
            Query = "lúa", PageSize = 200, Facets = ["level"],
            Filters = SearchFilterSet.Of(("level", "provincial"), ("transferable", "false")),
        };
        var result = await Seeded.SearchAsync(request);
        var withoutLevel = await Seeded.SearchAsync(request with { Filters = SearchFilterSet.Of(("transferable", "false")), Facets = [] });
        Assert.Equal(withoutLevel.Total, result.Facets["level"].Sum(b => b.Count));
        var expected = withoutLevel.Hits.GroupBy(h => LevelOf(h.Record)).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), result.Facets["level"].ToDictionary(b => b.Key, b => b.Count).OrderBy(e => e.Key));
        Assert.All(result.Hits, h => Assert.Equal(TaskLevel.Provincial, h.Record.Level));
    }

    [Fact]
    public async Task Without_facets_a_filtered_search_answers_as_before()
    {
        var filters = SearchFilterSet.Of(("level", "provincial"), ("status", "accepted"));
        var plain = await Seeded.SearchAsync(new SearchRequest { Filters = filters, PageSize = 200 });
        Assert.Empty(plain.Facets);
        AssertHits(plain, Where(("level", "provincial"), ("status", "accepted")));
        var unrelated = await Faceted(["kind"], ("level", "provincial"), ("status", "accepted"));
        Assert.Equal(plain.Hits.Select(h => h.Id), unrelated.Hits.Select(h => h.Id));
        AssertFacet(unrelated, "kind", Where(("level", "provincial"), ("status", "accepted")).Select(KindOf));
    }
}
