using CsCheck;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// GraphQL over GET (queries) and POST, anonymous: hostile documents and variables never get a 5xx, every 200
/// is valid JSON, the process stays alive.
/// </summary>
public sealed class GraphQLProperties(GraphQLProperties.Host host, ITestOutputHelper output) : IClassFixture<GraphQLProperties.Host>
{
    public sealed class Host : FuzzHost;

    private readonly PropertyRunner _runner = new(output);

    [Fact]
    public async Task Hostile_graphql_post_never_gets_a_server_error()
    {
        var client = host.Anonymous();
        var gen = Gen.Select(GraphQLDocuments.Requests, Gen.Int[0, 9]).Select((r, shape) => GraphQLDocuments.Body(r, shape));
        await _runner.CheckAsync("graphql.post", gen, async body =>
        {
            var response = await client.PostAsync("/graphql", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await ResponseChecks.AssertSaneAsync(response, "POST /graphql " + body);
        }, 250, b => b);
        await host.AssertAliveAsync();
    }

    [Fact]
    public async Task Hostile_graphql_get_never_gets_a_server_error()
    {
        var client = host.Anonymous();
        var gen = Gen.Select(GraphQLDocuments.Requests, Hostile.RawEscape, Gen.Int[0, 5]).Select((r, raw, shape) =>
            "/graphql?query=" + Hostile.Encode(r.Query) + (shape == 0 ? raw : "")
            + (r.VariablesJson is null ? "" : "&variables=" + Hostile.Encode(r.VariablesJson))
            + (r.OperationName is null ? "" : "&operationName=" + Hostile.Encode(r.OperationName)));
        await _runner.CheckAsync("graphql.get", gen, async url =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            await ResponseChecks.AssertSaneAsync(await client.SendAsync(request), "GET " + url);
        }, 200, u => u);
        await host.AssertAliveAsync();
    }
}
