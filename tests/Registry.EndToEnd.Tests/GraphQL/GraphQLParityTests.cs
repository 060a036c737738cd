using System.Text.Json;
using Registry.Search.Model;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// GraphQL search gives the same tasks in the same order as REST search (GET /api/v1/tasks?q=) and as the engine.
/// </summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLParityTests(GraphQLApiFactory factory)
{
    private const string Search = """
        query($q: String, $first: Int, $after: String, $filter: TaskFilter, $order: TaskOrder) {
          tasks(query: $q, first: $first, after: $after, filter: $filter, orderBy: $order) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }
        """;

    [Theory]
    [InlineData("giống chè chất lượng")]
    [InlineData("chon tao giong che")]
    [InlineData("")]
    public async Task Same_ids_in_the_same_order_as_the_engine_across_pages(string query)
    {
        var expected = await EngineIdsAsync(new SearchRequest { Query = query, PageSize = 200 });
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await PageAsync(new { q = query, first = 25, after });
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            Assert.Equal(expected.Count, page.GetProperty("totalCount").GetInt32());
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("giống chè chất lượng")]
    [InlineData("chon tao giong che")]
    public async Task Same_ids_in_the_same_order_as_REST_search(string query)
    {
        var rest = await factory.Anonymous().GetStringAsync($"/api/v1/tasks?q={Uri.EscapeDataString(query)}&pageSize=50");
        var restIds = JsonDocument.Parse(rest).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()!).ToList();
        var page = await PageAsync(new { q = query, first = 50 });

        Assert.NotEmpty(restIds);
        Assert.Equal(restIds, page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Filters_and_sort_match_the_engine_and_an_edge_cursor_continues_after_that_edge()
    {
        var filter = new Dictionary<string, object> { ["budgetMin"] = 1_200_000_000L, ["level"] = new[] { "provincial" } };
        var request = new SearchRequest
        {
            Filters = SearchFilterSet.Of(("budgetMin", "1200000000"), ("level", "provincial")),
            Sort = new SearchSort(SortBy.Budget, SortDirection.Ascending),
            PageSize = 200,
        };
        var expected = await EngineIdsAsync(request);
        var order = new { field = "budget", direction = "ascending" };

        var first = await PageAsync(new { first = 10, filter, order });
        var edges = first.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(expected.Take(10), edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()));

        var fromThird = await PageAsync(new { first = 5, filter, order, after = edges[2].GetProperty("cursor").GetString() });
        Assert.Equal(expected.Skip(3).Take(5), fromThird.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_bad_filter_value_is_a_validation_error_naming_the_filter()
    {
        var (_, _, json) = await factory.QueryAsync(Search, new { filter = new { field = new[] { "99x" } } });
        var error = json.GetProperty("errors")[0];
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("filter.field", error.GetProperty("extensions").GetProperty("fields")[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("chon tao giong che")]
    [InlineData("giống chè xylophone")]
    public async Task Relaxed_and_suggestion_are_the_engines(string query)
    {
        var engine = await factory.Index.SearchAsync(new SearchRequest { Query = query });
        var (status, body, json) = await factory.QueryAsync("query($q: String) { tasks(query: $q, first: 5) { relaxed suggestion } }", new { q = query });
        Assert.True(status == HttpStatusCode.OK && !body.Contains("\"errors\""), body);
        var tasks = json.GetProperty("data").GetProperty("tasks");
        Assert.Equal(engine.Relaxed, tasks.GetProperty("relaxed").GetBoolean());
        Assert.Equal(engine.Suggestion, tasks.GetProperty("suggestion").GetString());
        Assert.True(engine.Relaxed || engine.Suggestion is not null, $"{query}: neither relaxed nor a suggestion");
    }

    private async Task<List<string>> EngineIdsAsync(SearchRequest request) =>
        (await factory.Index.SearchAsync(request)).Hits.Select(h => h.Id).ToList();

    private async Task<JsonElement> PageAsync(object variables)
    {
        var (status, body, json) = await factory.QueryAsync(Search, variables);
        Assert.True(status == HttpStatusCode.OK && !body.Contains("\"errors\""), body);
        return json.GetProperty("data").GetProperty("tasks");
    }
}
