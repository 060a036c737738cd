using System.Text;
using Registry.Api.GraphQL.Transport;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>Depth, complexity, aliases, page size and query length limits, each with its own code.</summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLLimitsTests(GraphQLApiFactory factory)
{
    [Fact]
    public async Task Too_deep_a_query_is_refused_with_MAX_DEPTH()
    {
        const string deep = """
            { tasks(first: 1) { nodes { organization { tasks(first: 1) { nodes { organization { tasks(first: 1) {
              nodes { organization { tasks(first: 1) { totalCount } } } } } } } } } } }
            """;
        await AssertRefusedAsync(deep, "MAX_DEPTH");
    }

    [Fact]
    public async Task Too_many_aliases_are_refused_with_TOO_MANY_ALIASES()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, GraphQLLimits.MaxAliases + 1).Select(i => $"a{i}: suggest(query: \"ch\") {{ text }}")) + " }";
        await AssertRefusedAsync(query, "TOO_MANY_ALIASES");
    }

    [Fact]
    public async Task A_query_multiplying_pages_is_refused_with_TOO_COMPLEX()
    {
        const string wide = """
            { tasks(first: 100) { nodes { organization { tasks(first: 100) { nodes { title summary objectives methods
              outputs { title description identifier url } members { name role academicTitle } } } } } } }
            """;
        await AssertRefusedAsync(wide, "TOO_COMPLEX");
    }

    [Fact]
    public async Task A_page_of_100_tasks_with_their_relations_is_allowed()
    {
        const string page = """
            { tasks(first: 100) { totalCount nodes { id code title summary organization { id name }
              outputs { type title transferable } principalInvestigator { name academicTitle } members { name } } } }
            """;
        var (status, body, _) = await factory.QueryAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("\"errors\"", body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Page_size_outside_1_to_100_is_a_VALIDATION_error_on_first(int first)
    {
        var (_, _, json) = await factory.QueryAsync("query($f: Int) { tasks(first: $f) { totalCount } }", new { f = first });
        var extensions = json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("VALIDATION", extensions.GetProperty("code").GetString());
        Assert.Equal("first", extensions.GetProperty("fields")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Too_long_a_query_is_refused_before_parsing()
    {
        var query = "{ tasks { totalCount } }" + new string(' ', GraphQLLimits.MaxQueryLength);
        await AssertRefusedAsync(query, "QUERY_TOO_LONG");
    }

    private async Task AssertRefusedAsync(string query, string code)
    {
        var response = await factory.Anonymous().PostAsync("/graphql",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains($"\"code\":\"{code}\"", body);
        Assert.DoesNotContain("\"data\":{", body);
    }
}
