using System.Text.Json.Nodes;
using Registry.Search.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Filters, facet aggregations, sorts and cursors in the search body.</summary>
public sealed class EsFilterFacetSortTests
{
    private static async Task<JsonNode> Body(SearchRequest request)
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        await cluster.Index().SearchAsync(request);
        return cluster.Search().Json;
    }

    public static TheoryData<string, string, string> FilterCases => new()
    {
        { "field", "4,101", """{"terms":{"fieldPrefix":["4","101"]}}""" },
        { "level", "provincial", """{"terms":{"level":["provincial"]}}""" },
        { "kind", "researchProject", """{"terms":{"kind":["researchProject"]}}""" },
        { "status", "accepted,applied", """{"terms":{"status":["accepted","applied"]}}""" },
        { "yearFrom", "2020", """{"range":{"year":{"gte":2020}}}""" },
        { "yearTo", "2025", """{"range":{"year":{"lte":2025}}}""" },
        { "organization", "org-dhhv", """{"terms":{"orgId":["org-dhhv"]}}""" },
        { "budgetMin", "1000000000", """{"range":{"budget":{"gte":1000000000}}}""" },
        { "budgetMax", "5000000000", """{"range":{"budget":{"lte":5000000000}}}""" },
        { "transferable", "có", """{"terms":{"transferable":["true"]}}""" },
        { "updatedSince", "2025-10-01T00:00:00Z", """{"range":{"updatedAt":{"gte":1759276800000}}}""" },
    };

    [Fact]
    public void Every_declared_filter_has_a_case() =>
        Assert.Equal(SearchFilters.All.Select(f => f.Name).Order(), FilterCases.Select(c => (string)c[0]).Order());

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Each_filter_is_a_non_scoring_filter_clause(string name, string value, string expected)
    {
        var body = await Body(new SearchRequest { Query = "chè", Filters = SearchFilterSet.Of((name, value)) });
        var filter = Assert.Single(FakeCluster.Many(body["query"]!["bool"]!["filter"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), filter), filter!.ToJsonString());
        Assert.NotNull(body["query"]!["bool"]!["must"]);
    }

    [Fact]
    public async Task A_field_prefix_selects_every_code_under_it_and_filters_combine_with_and()
    {
        var body = await Body(new SearchRequest { Filters = SearchFilterSet.Of(("field", "4"), ("level", "provincial"), ("yearFrom", "2020")) });
        var filters = body["query"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        Assert.Equal(["""{"terms":{"fieldPrefix":["4"]}}""", """{"terms":{"level":["provincial"]}}""", """{"range":{"year":{"gte":2020}}}"""], filters);
        Assert.NotNull(FakeCluster.Many(body["query"]!["bool"]!["must"])[0]["match_all"]);
    }

    [Fact]
    public async Task Each_facet_is_a_terms_aggregation_sized_and_ordered_like_the_model()
    {
        var body = await Body(new SearchRequest { Facets = SearchFacets.All.Select(f => f.Name).ToList() });
        var aggregations = body["aggregations"]!.AsObject();
        Assert.Equal(SearchFacets.All.Select(f => f.Name), aggregations.Select(a => a.Key));
        foreach (var facet in SearchFacets.All)
        {
            var terms = aggregations[facet.Name]!["terms"]!;
            Assert.Equal(facet.IndexField, terms["field"]!.GetValue<string>());
            Assert.Equal(facet.MaxBuckets, terms["size"]!.GetValue<int>());
            Assert.Equal("""[{"_count":"desc"},{"_key":"asc"}]""", terms["order"]!.ToJsonString());
        }
        Assert.Equal("field", aggregations["field"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("sector", aggregations["sector"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Null((await Body(new SearchRequest())) ["aggregations"]);
    }

    [Fact]
    public async Task An_unknown_facet_is_a_request_error_before_anything_is_sent()
    {
        var cluster = new FakeCluster();
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => cluster.Index().SearchAsync(new SearchRequest { Facets = ["colour"] }));
        Assert.Equal("facets", error.Parameter);
        Assert.Empty(cluster.Calls);
    }

    [Theory]
    [InlineData("relevance", "chè", """[{"_score":{"order":"desc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("+relevance", "chè", """[{"_score":{"order":"asc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("relevance", null, """[{"startDay":{"missing":0,"order":"desc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("newest", "chè", """[{"startDay":{"missing":0,"order":"desc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("+newest", null, """[{"startDay":{"missing":0,"order":"asc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("budget", null, """[{"budget":{"missing":0,"order":"desc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("+budget", null, """[{"budget":{"missing":0,"order":"asc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("endDate", null, """[{"endDay":{"missing":0,"order":"desc"}},{"id":{"order":"asc"}}]""")]
    [InlineData("+endDate", null, """[{"endDay":{"missing":0,"order":"asc"}},{"id":{"order":"asc"}}]""")]
    public async Task Every_sort_ends_with_the_id_tie_breaker(string sort, string? query, string expected)
    {
        Assert.True(SearchSort.TryParse(sort, out var parsed));
        var body = await Body(new SearchRequest { Query = query, Sort = parsed, PageSize = 10 });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), body["sort"]), body["sort"]!.ToJsonString());
        Assert.Equal(11, body["size"]!.GetValue<int>());
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
        Assert.Null(body["search_after"]);
    }

    [Fact]
    public async Task A_cursor_becomes_typed_search_after_values()
    {
        var budget = new SearchSort(SortBy.Budget, SortDirection.Descending);
        var cursor = new SearchCursor(budget.ToString(), ["2500000000", "t-che-2"]).Encode();
        var body = await Body(new SearchRequest { Sort = budget, Cursor = cursor });
        Assert.Equal("""[2500000000,"t-che-2"]""", body["search_after"]!.ToJsonString());

        var relevance = new SearchCursor(SearchSort.Default.ToString(), ["12.5", "t-che-1"]).Encode();
        var scored = await Body(new SearchRequest { Query = "chè", Cursor = relevance });
        Assert.Equal("""[12.5,"t-che-1"]""", scored["search_after"]!.ToJsonString());
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJTIjoiLWJ1ZGdldCIsIlYiOlsiMSIsImEiXX0")]
    public async Task A_bad_cursor_or_one_from_another_sort_is_a_request_error(string cursor)
    {
        var cluster = new FakeCluster();
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => cluster.Index().SearchAsync(new SearchRequest { Cursor = cursor }));
        Assert.Equal("cursor", error.Parameter);
        Assert.Empty(cluster.All("POST", "/registry-tasks/_search"));
    }

    [Fact]
    public async Task A_cursor_with_values_that_do_not_fit_the_sort_is_a_request_error()
    {
        var newest = new SearchSort(SortBy.Newest, SortDirection.Descending);
        var cluster = new FakeCluster();
        var wrongType = new SearchCursor(newest.ToString(), ["yesterday", "t-1"]).Encode();
        var wrongCount = new SearchCursor(newest.ToString(), ["738000"]).Encode();
        await Assert.ThrowsAsync<InvalidSearchRequestException>(() => cluster.Index().SearchAsync(new SearchRequest { Sort = newest, Cursor = wrongType }));
        await Assert.ThrowsAsync<InvalidSearchRequestException>(() => cluster.Index().SearchAsync(new SearchRequest { Sort = newest, Cursor = wrongCount }));
    }
}
