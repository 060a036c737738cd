using System.Text;
using System.Text.Json;
using CsCheck;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// The small JSON bodies: POST /tasks/{id}/withdraw (curator) and POST /apikeys (admin). Property: never a 5xx;
/// repeated or unknown members, wrong types and names holding characters no consumer can carry are refused;
/// what is accepted reads back clean (the tombstone, the key list).
/// </summary>
public sealed class SmallBodyProperties(SmallBodyProperties.Host host, ITestOutputHelper output) : IClassFixture<SmallBodyProperties.Host>
{
    public sealed class Host : FuzzHost;

    private readonly PropertyRunner _runner = new(output);

    private static Gen<HostileBody> Reasons => Gen.Select(Gen.Int[0, 5], Hostile.Text).Select((kind, text) => kind switch
    {
        0 => new HostileBody(Json.Object([("reason", "\"Trùng lặp\""), ("reason", Json.Quote(text))]), "repeated reason", true),
        1 => new HostileBody(Json.Object([("reason", "\"Trùng lặp\""), ("Reason", Json.Quote(text))]), "reason in another case", true),
        2 => new HostileBody(Json.Object([("reason", "\"Trùng lặp\""), ("extra", Json.Quote(text))]), "unknown member", true),
        3 => new HostileBody(Json.Object([("reason", text.Length % 2 == 0 ? "123" : "[\"a\"]")]), "wrong type", true),
        _ => new HostileBody(Json.Object([("reason", Json.Quote(text))]), "hostile reason", false),
    });

    private static Gen<HostileBody> Keys => Gen.Select(Gen.Int[0, 5], Hostile.Text, Gen.OneOf("\"curator\"", "\"admin\"", "\"Curator\"", "\"reader\"", "1", "null"))
        .Select((kind, text, role) => kind switch
        {
            0 => new HostileBody(Json.Object([("name", "\"fuzz-a\""), ("name", Json.Quote(text)), ("role", "\"curator\"")]), "repeated name", true),
            1 => new HostileBody(Json.Object([("name", "\"fuzz-b\""), ("role", "\"curator\""), ("Role", "\"admin\"")]), "role in another case", true),
            2 => new HostileBody(Json.Object([("name", "\"fuzz-c\""), ("role", "\"curator\""), ("expires", Json.Quote(text))]), "unknown member", true),
            3 => new HostileBody(Json.Object([("name", Json.Quote("fuzz-" + text)), ("role", role)]), $"role {role}", role is not ("\"curator\"" or "\"admin\"")),
            _ => new HostileBody(Json.Object([("name", Json.Quote(text)), ("role", "\"curator\"")]), "hostile name", ResponseChecks.HasForbiddenCharacter(text) || text.Length > 200),
        });

    [Fact]
    public async Task Hostile_withdrawal_reason_is_refused_or_stored_clean()
    {
        TaskRecordIds? target = null;
        await _runner.CheckAsync("rest.withdraw", Reasons, async body =>
        {
            target ??= await host.CreatePublishedAsync();
            var response = await host.Curator.PostAsync($"/api/v1/tasks/{target.Id}/withdraw", new StringContent(body.Json, Encoding.UTF8, "application/json"));
            await ResponseChecks.AssertSaneAsync(response, $"withdraw [{body.Kind}]");
            if (!response.IsSuccessStatusCode) return;
            if (body.MustRefuse) throw new InvalidOperationException($"withdraw accepted a body every strict reader refuses ({body.Kind})");
            var tombstone = await ResponseChecks.AssertSaneAsync(await host.Anonymous().GetAsync($"/api/v1/tasks/{target.Id}"), "tombstone");
            AssertClean(tombstone, "tombstone");
            foreach (var view in new[] { "/feeds/tasks.atom", "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc", "/api/v1/changes" })
                await ResponseChecks.AssertSaneAsync(await host.Anonymous().GetAsync(view), $"after withdrawal: GET {view}");
            target = null;
        }, 60, b => $"[{b.Kind}; must refuse: {b.MustRefuse}] {b.Json}");
        await host.AssertAliveAsync();
    }

    [Fact]
    public async Task Hostile_api_key_request_is_refused_or_listed_clean()
    {
        var admin = host.Admin();
        await _runner.CheckAsync("rest.apikeys", Keys, async body =>
        {
            var response = await admin.PostAsync("/api/v1/apikeys", new StringContent(body.Json, Encoding.UTF8, "application/json"));
            await ResponseChecks.AssertSaneAsync(response, $"POST /api/v1/apikeys [{body.Kind}]");
            if (!response.IsSuccessStatusCode) return;
            if (body.MustRefuse) throw new InvalidOperationException($"apikeys accepted a body a strict reader refuses ({body.Kind})");
            AssertClean(await ResponseChecks.AssertSaneAsync(await admin.GetAsync("/api/v1/apikeys"), "GET /api/v1/apikeys"), "key list");
        }, 60, b => $"[{b.Kind}; must refuse: {b.MustRefuse}] {b.Json}");
        await host.AssertAliveAsync();
    }

    private static void AssertClean(string json, string what)
    {
        var bad = ResponseChecks.Strings(JsonDocument.Parse(json).RootElement).FirstOrDefault(ResponseChecks.HasForbiddenCharacter);
        if (bad is not null) throw new InvalidOperationException($"the {what} holds a character XML/JSON consumers cannot carry: {Printer.Show(bad)}");
    }
}
