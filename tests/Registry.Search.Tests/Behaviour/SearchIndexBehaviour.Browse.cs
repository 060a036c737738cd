using Registry.Data.Records;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Behaviour;

public abstract partial class SearchIndexBehaviour
{
    private static IReadOnlyList<TaskRecord> All => SeededCorpus.Records;

    public static TheoryData<string, string> FilterCases => new()
    {
        { "field", "4" }, { "field", "401" }, { "field", "40101" }, { "field", "102,604" },
        { "level", "provincial" }, { "level", "national,grassroots" },
        { "kind", "pilotProductionProject" }, { "status", "accepted,applied" },
        { "yearFrom", "2021" }, { "yearTo", "2018" }, { "organization", "org-dhhv" },
        { "budgetMin", "3000000000" }, { "budgetMax", "1000000000" },
        { "transferable", "true" }, { "transferable", "false" }, { "updatedSince", "2026-01-01T00:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Every_filter_selects_exactly_the_matching_tasks(string name, string value)
    {
        var filters = SearchFilterSet.Of((name, value));
        var result = await Search(null, 200, filters);
        var expected = All.Where(r => Matches(r, name, value)).Select(r => r.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, result.Total);
        Assert.Equal(expected, result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Filters_combine_with_text()
    {
        var result = await Search("lúa", 50, SearchFilterSet.Of(("kind", "pilotProductionProject")));
        Assert.All(result.Hits, h => Assert.Equal(TaskKind.PilotProductionProject, h.Record.Kind));
        Assert.Contains("LUAHC", Keys(result));
    }

    [Fact]
    public async Task Facet_counts_match_the_matching_tasks()
    {
        var filters = SearchFilterSet.Of(("field", "4"));
        var result = await Seeded.SearchAsync(new SearchRequest
        {
            Filters = filters, PageSize = 1, Facets = ["field", "sector", "level", "kind", "status", "year", "organization"],
        });
        var matching = All.Where(r => Matches(r, "field", "4")).ToList();
        // The field and sector facets are the field filter's own dimension: they count as if it were not set.
        AssertFacet(result, "sector", All.SelectMany(r => r.Fields!.Select(f => f[..3]).Distinct()));
        AssertFacet(result, "field", All.SelectMany(r => r.Fields!.Select(f => f[..1]).Distinct()));
        AssertFacet(result, "level", matching.Select(r => EnumLabels.Key(r.Level!.Value)));
        AssertFacet(result, "status", matching.Select(r => EnumLabels.Key(r.Status!.Value)));
        AssertFacet(result, "year", matching.Select(r => r.StartDate!.Value.Year.ToString()));
        AssertFacet(result, "organization", matching.Select(r => r.HostOrganization!.Id!));
        Assert.Equal("Trồng trọt", result.Facets["sector"].Single(b => b.Key == "401").DisplayName);
        Assert.Equal("Trường Đại học Hùng Vương", result.Facets["organization"].Single(b => b.Key == "org-dhhv").DisplayName);
        Assert.Equal("Cấp tỉnh", result.Facets["level"].Single(b => b.Key == "provincial").DisplayName);
    }

    public static TheoryData<string> Sorts => new() { "-newest", "+newest", "-budget", "+budget", "-endDate", "+endDate", "-updated", "+updated" };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Sorts_order_fully_with_the_id_breaking_ties(string sortText)
    {
        Assert.True(SearchSort.TryParse(sortText, out var sort));
        var result = await Seeded.SearchAsync(new SearchRequest { Sort = sort, PageSize = 200 });
        var expected = Order(All, sort).Select(r => r.Id).Take(200).ToList();
        Assert.Equal(expected, result.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData(null, "-newest")]
    [InlineData("nông nghiệp", "-relevance")]
    [InlineData("lua", "+budget")]
    [InlineData(null, "-endDate")]
    public async Task Walking_every_page_by_cursor_returns_each_task_once(string? query, string sortText)
    {
        Assert.True(SearchSort.TryParse(sortText, out var sort));
        var first = await Seeded.SearchAsync(new SearchRequest { Query = query, Sort = sort, PageSize = 200 });
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Seeded.SearchAsync(new SearchRequest { Query = query, Sort = sort, PageSize = 7, Cursor = cursor });
            Assert.Equal(first.Total, page.Total);
            seen.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
            Assert.True(++pages < 100);
        }
        while (cursor is not null);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(first.Total, seen.Count);
        Assert.Equal(first.Hits.Select(h => h.Id), seen.Take(200));
    }

    [Theory]
    [InlineData("nông nghiệp")]
    [InlineData("chuyen doi so")]
    [InlineData("KH&CN")]
    [InlineData("\"giống lúa\" -nếp")]
    [InlineData("noong nghieepj")]
    [InlineData("giongg lua")]
    public async Task A_query_finds_the_same_tasks_and_facet_counts_whatever_the_sort(string query)
    {
        // A field sort and the facet counts need only the set of matches, which engines may find without scoring.
        var facets = new[] { "level", "status" };
        var filters = SearchFilterSet.Of(("level", "provincial"));
        var byRelevance = await Seeded.SearchAsync(new SearchRequest { Query = query, PageSize = 200, Facets = facets, Filters = filters });
        var byBudget = await Seeded.SearchAsync(new SearchRequest
        {
            Query = query, PageSize = 200, Facets = facets, Filters = filters, Sort = new SearchSort(SortBy.Budget, SortDirection.Descending),
        });
        Assert.True(byRelevance.Total > 0, query);
        Assert.Equal(byRelevance.Total, byBudget.Total);
        Assert.Equal(byRelevance.Hits.Select(h => h.Id).Order(), byBudget.Hits.Select(h => h.Id).Order());
        foreach (var facet in facets)
            Assert.Equal(byRelevance.Facets[facet].Select(b => (b.Key, b.Count)), byBudget.Facets[facet].Select(b => (b.Key, b.Count)));
    }

    [Fact]
    public async Task A_cursor_from_another_sort_or_garbage_is_a_clear_error()
    {
        var page = await Seeded.SearchAsync(new SearchRequest { PageSize = 5, Sort = new SearchSort(SortBy.Budget, SortDirection.Descending) });
        var mismatched = new SearchRequest { PageSize = 5, Cursor = page.NextCursor };
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => Seeded.SearchAsync(mismatched));
        Assert.Equal("cursor", error.Parameter);
        Assert.Contains("cursor", mismatched.Validate().Keys);
        await Assert.ThrowsAsync<InvalidSearchRequestException>(() => Seeded.SearchAsync(new SearchRequest { Cursor = "%%not-base64%%" }));
    }

    [Fact]
    public async Task Page_size_is_clamped()
    {
        Assert.Single((await Seeded.SearchAsync(new SearchRequest { PageSize = 0 })).Hits);
        Assert.Equal(200, (await Seeded.SearchAsync(new SearchRequest { PageSize = 5000 })).Hits.Count);
    }

    private protected static void AssertFacet(SearchResult result, string facet, IEnumerable<string> values)
    {
        var expected = values.GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count());
        var actual = result.Facets[facet].ToDictionary(b => b.Key, b => b.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal(result.Facets[facet].OrderByDescending(b => b.Count).Select(b => b.Count), result.Facets[facet].Select(b => b.Count));
    }

    /// <summary>The reference semantics of each filter, written independently of the engines.</summary>
    private protected static bool Matches(TaskRecord r, string name, string value)
    {
        var values = value.Split(',');
        return name switch
        {
            "field" => r.Fields!.Any(f => values.Any(f.StartsWith)),
            "level" => values.Contains(EnumLabels.Key(r.Level!.Value)),
            "kind" => values.Contains(EnumLabels.Key(r.Kind!.Value)),
            "status" => values.Contains(EnumLabels.Key(r.Status!.Value)),
            "yearFrom" => r.StartDate!.Value.Year >= int.Parse(value),
            "yearTo" => r.StartDate!.Value.Year <= int.Parse(value),
            "organization" => values.Contains(r.HostOrganization!.Id),
            "budgetMin" => r.Budget?.TotalVnd >= long.Parse(value),
            "budgetMax" => r.Budget?.TotalVnd <= long.Parse(value),
            "transferable" => (r.Outputs?.Any(o => o.Transferable == true) ?? false) == bool.Parse(value),
            "updatedSince" => r.UpdatedAt >= DateTimeOffset.Parse(value),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>Reference order: missing numbers count as 0; ties by id (ordinal).</summary>
    private static IEnumerable<TaskRecord> Order(IEnumerable<TaskRecord> records, SearchSort sort)
    {
        Func<TaskRecord, long> key = sort.Field switch
        {
            SortBy.Budget => r => r.Budget?.TotalVnd ?? 0,
            SortBy.EndDate => r => r.EndDate?.DayNumber ?? 0,
            SortBy.Updated => r => r.UpdatedAt?.ToUnixTimeMilliseconds() ?? 0,
            _ => r => r.StartDate?.DayNumber ?? 0,
        };
        var ordered = sort.Direction == SortDirection.Descending ? records.OrderByDescending(key) : records.OrderBy(key);
        return ordered.ThenBy(r => r.Id, StringComparer.Ordinal);
    }
}
