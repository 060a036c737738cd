using System.Text;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Surface;

/// <summary>
/// Characters no parser or XML writer should meet, sent anonymously in query parameters, form fields and crafted
/// tokens: each answer is a 400 problem (or the protocol's own error), never a 500.
/// </summary>
[Collection(ReadOnlyHost.Name)]
public sealed class HostileQueryTests(RegistryApiFactory factory)
{
    public static TheoryData<string> Hostile => new() { "%EF%BF%BE", "%EF%BF%BF", "%0B", "%00", "%1F", "ch%C3%A8%0Cx" };

    public static TheoryData<string> Urls => new()
    {
        "/api/v1/tasks?q={0}",
        "/api/v1/suggest?q={0}",
        "/api/v1/tasks/export.csv?q={0}",
        "/api/v1/tasks/export.jsonl?q={0}",
        "/tasks?q={0}",
        "/feeds/tasks.atom?q={0}",
        "/feeds/tasks.rss?q={0}",
        "/feeds/tasks.json?q={0}",
        "/oai?verb=ListRecords&metadataPrefix=oai_dc&set={0}",
        "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier={0}",
        "/oai?verb={0}",
        "/graphql?query={0}",
        "/api/v1/organizations?q={0}",
        "/api/v1/tasks?{0}=1",
    };

    [Fact]
    public async Task Every_hostile_character_in_every_query_gives_a_400_problem()
    {
        var client = factory.Anonymous();
        foreach (var url in Urls)
        {
            foreach (var bad in Hostile)
            {
                var response = await client.GetAsync(string.Format(url, bad));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} with {bad}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains("/problems/bad-request", body);
            }
        }
    }

    [Fact]
    public async Task A_hostile_character_in_the_path_gives_a_400_problem()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/tasks/abc%0Bdef");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task A_hostile_character_in_an_oai_form_post_gives_a_400_problem()
    {
        var form = new FormUrlEncodedContent([new("verb", "ListRecords"), new("metadataPrefix", "oai_dc"), new("set", "a\uFFFEb")]);
        var response = await factory.Anonymous().PostAsync("/oai", form);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Theory]
    [InlineData(long.MaxValue, null)]
    [InlineData(-1L, null)]
    [InlineData(0L, long.MaxValue)]
    public async Task An_out_of_range_instant_in_a_resumption_token_is_badResumptionToken(long after, long? from)
    {
        var json = $$"""{"V":"ListRecords","M":"oai_dc","S":null,"F":{{(from?.ToString() ?? "null")}},"U":null,"T":{{after}},"I":"x","C":3}""";
        var token = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var response = await factory.Anonymous().GetAsync($"/oai?verb=ListRecords&resumptionToken={token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("code=\"badResumptionToken\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"query":"query($a: String) { suggest(query: $a) { text } }","variables":{"a":"ch","a":"x"}}""")]
    [InlineData("""{"query":"{ fields { code } }","query":"{ fields { name } }"}""")]
    public async Task Duplicate_keys_in_a_graphql_post_are_a_400_graphql_error(string body)
    {
        var response = await factory.Anonymous().PostRawAsync("/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("BAD_REQUEST", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Duplicate_keys_in_graphql_get_variables_are_a_400_graphql_error()
    {
        var query = Uri.EscapeDataString("query($a: String) { suggest(query: $a) { text } }");
        var variables = Uri.EscapeDataString("""{"a":"ch","a":"x"}""");
        var response = await factory.Anonymous().GetAsync($"/graphql?query={query}&variables={variables}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BAD_REQUEST", await response.Content.ReadAsStringAsync());
    }
}
