using CsCheck;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// Anonymous GET entrances (REST, exports, feeds, OAI-PMH, DCAT, embeds, oEmbed, sitemap, snapshots, web pages)
/// with hostile query parameters and path segments. Property: never a 5xx, a 200 parses in its declared media
/// type (XML well-formed with character checking, JSON valid, streams complete), the process stays alive.
/// </summary>
public sealed class QueryParameterProperties(QueryParameterProperties.Host host, ITestOutputHelper output) : IClassFixture<QueryParameterProperties.Host>
{
    public sealed class Host : FuzzHost;

    private readonly PropertyRunner _runner = new(output);

    public static TheoryData<string> Names => Surfaces.GetNames();

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_query_never_gets_a_server_error_and_200s_parse(string surface)
    {
        var (path, parameters, cases) = Surfaces.Get[surface];
        var client = host.Anonymous();
        var gen = Gen.Select(Queries.For(parameters), Gen.Bool, Hostile.Text)
            .Select((query, useKnown, segment) => Fill(path, useKnown, segment) + query);

        await _runner.CheckAsync(surface, gen, async url =>
        {
            var response = await client.GetAsync(url);
            if (surface == "oembed" && response.StatusCode == HttpStatusCode.NotImplemented && url.Contains("format=", StringComparison.OrdinalIgnoreCase))
                return; // oEmbed's own answer to a format it does not implement (oEmbed spec §2.3.4.4).
            await ResponseChecks.AssertSaneAsync(response, "GET " + url);
        }, cases, url => url);
        await host.AssertAliveAsync();
    }

    [Fact]
    public async Task Hostile_oai_post_form_never_gets_a_server_error()
    {
        var client = host.Anonymous();
        var oai = Surfaces.Get["oai.get"].Parameters;
        await _runner.CheckAsync("oai.post", Queries.For(oai), async query =>
        {
            var content = new StringContent(query.TrimStart('?'), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            await ResponseChecks.AssertSaneAsync(await client.PostAsync("/oai", content), "POST /oai " + query);
        }, 100, q => q);
        await host.AssertAliveAsync();
    }

    private string Fill(string path, bool useKnown, string segment)
    {
        var task = host.Published[0];
        // A NUL in the path is refused by Kestrel itself (400) before the app; TestServer throws instead, so none here.
        segment = segment.Replace("\0", "", StringComparison.Ordinal);
        var id = useKnown ? task.Id : Hostile.Encode(segment);
        var code = useKnown ? Uri.EscapeDataString(task.Code) : Hostile.Encode(segment);
        return path.Replace("{id}", id, StringComparison.Ordinal).Replace("{code}", code, StringComparison.Ordinal);
    }
}
