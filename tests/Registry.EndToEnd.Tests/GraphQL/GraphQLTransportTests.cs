using System.Net.Http.Headers;
using System.Text;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>POST and GET, status codes, caching headers, Vietnamese as is, and the explorer page.</summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLTransportTests(GraphQLApiFactory factory)
{
    private const string Query = "{ tasks(first: 3) { nodes { id title organization { name } } } }";

    [Fact]
    public async Task GET_and_POST_answer_the_same_and_only_GET_queries_are_cacheable()
    {
        var post = await factory.Anonymous().PostAsync("/graphql", Json(new { query = Query }));
        var get = await factory.Anonymous().GetAsync("/graphql?query=" + Uri.EscapeDataString(Query));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(await post.Content.ReadAsStringAsync(), await get.Content.ReadAsStringAsync());
        Assert.True(get.Headers.CacheControl!.Public);
        Assert.True(post.Headers.CacheControl!.NoStore);
        Assert.Equal("application/json", get.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GET_accepts_variables_and_operationName()
    {
        var query = "query A($n: Int) { tasks(first: $n) { nodes { id } } } query B { suggest(query: \"ch\") { text } }";
        var url = $"/graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString("{\"n\":2}")}&operationName=A";
        var body = await factory.Anonymous().GetStringAsync(url);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("tasks").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405()
    {
        var response = await factory.Anonymous().GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { publishTask(id: \"x\") { outcome } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Contains("METHOD_NOT_ALLOWED", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Vietnamese_is_written_as_is_not_escaped()
    {
        var body = await (await factory.Anonymous().PostAsync("/graphql", Json(new { query = Query }))).Content.ReadAsStringAsync();
        Assert.Contains("Nghiên cứu chọn tạo giống chè", body);
        Assert.DoesNotContain("\\u", body);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("{\"query\": \"{ tasks(first: \"}")]
    public async Task Unparsable_requests_are_400_with_a_code_and_no_stack_trace(string body)
    {
        var response = await factory.Anonymous().PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"BAD_REQUEST\"", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Execution_errors_answer_200_with_errors_and_data()
    {
        var (status, _, json) = await factory.QueryAsync("{ ok: tasks(first: 1) { totalCount } bad: tasks(first: 0) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(60, json.GetProperty("data").GetProperty("ok").GetProperty("totalCount").GetInt32());
        Assert.Equal("VALIDATION", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Browsers_get_the_explorer_page_with_its_script_served_separately()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var page = await factory.Anonymous().SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<script src=\"/graphql/explorer.js\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("https://", html);
        var script = await factory.Anonymous().GetAsync("/graphql/explorer.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("__schema", await script.Content.ReadAsStringAsync());
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
