using System.Text;
using System.Text.Json;
using CsCheck;
using Registry.Data.Reference;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// POST /api/v1/webhooks (admin) with hostile bodies. Property: never a 5xx; repeated, case-variant or unknown
/// members, unknown events and field codes, and descriptions with characters no consumer can carry are refused;
/// what is accepted lists back clean. The worker is off: nothing is sent from this host.
/// </summary>
public sealed class WebhookProperties(WebhookProperties.Host host, ITestOutputHelper output) : IClassFixture<WebhookProperties.Host>
{
    public sealed class Host : FuzzHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Registry:Webhooks:Enabled"] = "false" };
    }

    private const string Url = "\"https://8.8.8.8/hooks\"";
    private const string Events = "[\"task.published\"]";

    private readonly PropertyRunner _runner = new(output);

    private static Gen<HostileBody> Bodies => Gen.Select(Gen.Int[0, 5], Hostile.Text).Select((kind, text) => kind switch
    {
        0 => new HostileBody(Json.Object([("url", Url), ("url", Json.Quote(text)), ("events", Events)]), "repeated url", true),
        1 => new HostileBody(Json.Object([("url", Url), ("Events", Events), ("events", Events)]), "events in another case", true),
        2 => new HostileBody(Json.Object([("url", Url), ("events", Events), ("secret", Json.Quote(text))]), "unknown member", true),
        3 => new HostileBody(Json.Object([("url", Url), ("events", $"[{Json.Quote(text)}]")]), "hostile event", true),
        4 => new HostileBody(Json.Object([("url", Url), ("events", Events), ("fields", $"[{Json.Quote(text)}]")]), "hostile field", !FieldsOfScience.IsValid(text.Trim())),
        _ => new HostileBody(Json.Object([("url", Url), ("events", Events), ("description", Json.Quote(text))]), "hostile description",
            ResponseChecks.HasForbiddenCharacter(text) || text.Length > 300),
    });

    [Fact]
    public async Task Hostile_webhook_registration_is_refused_or_listed_clean()
    {
        var admin = host.Admin();
        await _runner.CheckAsync("rest.webhooks", Bodies, async body =>
        {
            var response = await admin.PostAsync("/api/v1/webhooks", new StringContent(body.Json, Encoding.UTF8, "application/json"));
            await ResponseChecks.AssertSaneAsync(response, $"POST /api/v1/webhooks [{body.Kind}]");
            if (!response.IsSuccessStatusCode) return;
            if (body.MustRefuse) throw new InvalidOperationException($"webhooks accepted a body a strict reader refuses ({body.Kind})");
            var list = await ResponseChecks.AssertSaneAsync(await admin.GetAsync("/api/v1/webhooks"), "GET /api/v1/webhooks");
            var bad = ResponseChecks.Strings(JsonDocument.Parse(list).RootElement).FirstOrDefault(ResponseChecks.HasForbiddenCharacter);
            if (bad is not null) throw new InvalidOperationException($"the webhook list holds a character consumers cannot carry: {Printer.Show(bad)}");
        }, 60, b => $"[{b.Kind}; must refuse: {b.MustRefuse}] {b.Json}");
        await host.AssertAliveAsync();
    }
}
