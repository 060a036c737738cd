using System.Text.Json.Nodes;
using Registry.Search.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Multi-select facets on Elasticsearch: faceted filters in <c>post_filter</c>, facets counted under the others.</summary>
public sealed class EsDisjunctiveFacetTests
{
    private static async Task<JsonNode> Body(SearchRequest request)
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        await cluster.Index().SearchAsync(request);
        return cluster.Search().Json;
    }

    private static List<string> Clauses(JsonNode? boolFilter) =>
        FakeCluster.Many(boolFilter?["bool"]?["filter"]).Select(f => f.ToJsonString()).ToList();

    private const string Level = """{"terms":{"level":["provincial"]}}""";
    private const string Status = """{"terms":{"status":["accepted","applied"]}}""";
    private const string Budget = """{"range":{"budget":{"gte":1000000000}}}""";

    [Fact]
    public async Task Filters_of_requested_facets_move_to_the_post_filter_and_the_rest_stay_in_the_query()
    {
        var body = await Body(new SearchRequest
        {
            Query = "chè", Facets = ["level", "status", "kind"],
            Filters = SearchFilterSet.Of(("level", "provincial"), ("status", "accepted,applied"), ("budgetMin", "1000000000")),
        });
        Assert.Equal([Level, Status], Clauses(body["post_filter"]));
        Assert.Equal([Budget], Clauses(body["query"]));
        Assert.NotNull(body["query"]!["bool"]!["must"]);
    }

    [Fact]
    public async Task Each_facet_is_counted_under_the_post_filters_it_does_not_own()
    {
        var body = await Body(new SearchRequest
        {
            Facets = ["level", "status", "kind"], Filters = SearchFilterSet.Of(("level", "provincial"), ("status", "accepted,applied")),
        });
        var aggregations = body["aggregations"]!;
        Assert.Equal([Status], Clauses(aggregations["level"]!["filter"]));
        Assert.Equal("level", aggregations["level"]!["aggregations"]!["level"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal([Level], Clauses(aggregations["status"]!["filter"]));
        Assert.Equal("status", aggregations["status"]!["aggregations"]!["status"]!["terms"]!["field"]!.GetValue<string>());
        // kind is not filtered: it sees both post filters.
        Assert.Equal([Level, Status], Clauses(aggregations["kind"]!["filter"]));
    }

    [Fact]
    public async Task A_facet_with_nothing_to_exclude_stays_a_plain_terms_aggregation()
    {
        var body = await Body(new SearchRequest { Facets = ["level"], Filters = SearchFilterSet.Of(("level", "provincial"), ("kind", "researchProject")) });
        Assert.Equal([Level], Clauses(body["post_filter"]));
        Assert.Equal(["""{"terms":{"kind":["researchProject"]}}"""], Clauses(body["query"]));
        Assert.Null(body["aggregations"]!["level"]!["filter"]);
        Assert.Equal(10, body["aggregations"]!["level"]!["terms"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_year_range_and_the_field_filter_belong_to_their_facets()
    {
        var body = await Body(new SearchRequest
        {
            Facets = ["year", "field", "sector"],
            Filters = SearchFilterSet.Of(("yearFrom", "2020"), ("yearTo", "2024"), ("field", "4")),
        });
        var year = """{"range":{"year":{"gte":2020}}}""";
        var yearTo = """{"range":{"year":{"lte":2024}}}""";
        var field = """{"terms":{"fieldPrefix":["4"]}}""";
        Assert.Equal([field, year, yearTo], Clauses(body["post_filter"]));
        Assert.Equal([field], Clauses(body["aggregations"]!["year"]!["filter"]));
        Assert.Equal([year, yearTo], Clauses(body["aggregations"]!["field"]!["filter"]));
        Assert.Equal([year, yearTo], Clauses(body["aggregations"]!["sector"]!["filter"]));
        Assert.Null(body["query"]!["bool"]);
    }

    [Fact]
    public async Task Without_facets_every_filter_stays_in_the_query()
    {
        var body = await Body(new SearchRequest { Filters = SearchFilterSet.Of(("level", "provincial"), ("status", "accepted,applied")) });
        Assert.Null(body["post_filter"]);
        Assert.Equal([Level, Status], Clauses(body["query"]));
    }

    [Fact]
    public async Task Wrapped_facet_counts_are_read_from_inside_their_filter_aggregate()
    {
        var aggregations = new JsonObject([
            KeyValuePair.Create("filter#level", (JsonNode?)new JsonObject([
                KeyValuePair.Create("doc_count", (JsonNode?)9),
                EsJson.Terms("level", ("provincial", 5), ("national", 4)),
            ])),
            EsJson.Terms("kind", ("researchProject", 3)),
        ]);
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(3, [], aggregations));
        var result = await cluster.Index().SearchAsync(new SearchRequest
        {
            Facets = ["level", "kind"], Filters = SearchFilterSet.Of(("level", "provincial"), ("status", "accepted")),
        });
        Assert.Equal([("provincial", "Cấp tỉnh", 5L), ("national", "Cấp quốc gia", 4L)],
            result.Facets["level"].Select(b => (b.Key, b.DisplayName, b.Count)));
        Assert.Equal(3, Assert.Single(result.Facets["kind"]).Count);
        Assert.Equal(3, result.Total);
    }
}
