using System.Text;
using System.Text.Json;
using CsCheck;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// Curator JSON bodies (POST and PUT /api/v1/tasks) with one hostile mutation each. Property: never a 5xx; a
/// mutation every correct reader refuses (repeated or unknown member, wrong type, impossible number or date,
/// deep nesting) gets a 4xx; a record that is accepted is stored clean (no character XML or JSON consumers
/// cannot carry) and, once published, every public view of it still renders (feeds, OAI-PMH, JSON-LD, pages).
/// </summary>
public sealed class RecordBodyProperties(RecordBodyProperties.Host host, ITestOutputHelper output) : IClassFixture<RecordBodyProperties.Host>
{
    public sealed class Host : FuzzHost;

    private static readonly string[] PublicViews =
        ["/feeds/tasks.atom", "/feeds/tasks.rss", "/feeds/tasks.json", "/oai?verb=ListRecords&metadataPrefix=oai_dc", "/catalog", "/sitemap.xml", "/api/v1/changes"];

    private readonly PropertyRunner _runner = new(output);

    [Fact]
    public async Task Hostile_create_is_refused_or_stored_clean()
    {
        await _runner.CheckAsync("rest.create", HostileRecords.Bodies(HostileRecords.Fresh), async body =>
        {
            var response = await host.Curator.PostAsync("/api/v1/tasks", new StringContent(body.Json, Encoding.UTF8, "application/json"));
            await AssertOutcomeAsync(response, body, "POST /api/v1/tasks");
        }, 150, Show);
        await host.AssertAliveAsync();
    }

    [Fact]
    public async Task Hostile_update_is_refused_or_stored_clean()
    {
        var target = await host.CreatePublishedAsync();
        var current = await ReadRecordAsync(target.Id);
        await _runner.CheckAsync("rest.update", HostileRecords.Bodies(() => current), async body =>
        {
            var read = await host.Curator.GetAsync($"/api/v1/tasks/{target.Id}");
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tasks/{target.Id}") { Content = new StringContent(body.Json, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.Tag);
            await AssertOutcomeAsync(await host.Curator.SendAsync(request), body, "PUT /api/v1/tasks/{id}");
        }, 100, Show);
        await host.AssertAliveAsync();
    }

    private static string Show(HostileBody body) => $"[{body.Kind}; must refuse: {body.MustRefuse}] {body.Json}";

    private async Task<Registry.Data.Records.TaskRecord> ReadRecordAsync(string id) =>
        (await (await host.Curator.GetAsync($"/api/v1/tasks/{id}")).Content.ReadFromJsonAsync<Registry.Data.Records.TaskRecord>(Registry.Data.Records.RegistryJson.Options))!
        with { Id = null, CreatedAt = null, UpdatedAt = null, Visibility = null, PublishedAt = null };

    private async Task AssertOutcomeAsync(HttpResponseMessage response, HostileBody body, string what)
    {
        var text = await ResponseChecks.AssertSaneAsync(response, what);
        var status = (int)response.StatusCode;
        if (body.MustRefuse && status is >= 200 and < 300)
            throw new InvalidOperationException($"{what}: accepted ({status}) a body every strict reader refuses ({body.Kind})");
        if (status is < 200 or >= 300) return;

        var id = JsonDocument.Parse(text).RootElement.GetProperty("task").GetProperty("id").GetString()!;
        await AssertStoredCleanAsync(id);
        await host.Curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        foreach (var view in PublicViews.Concat([$"/api/v1/tasks/{id}.jsonld", $"/tasks/{id}", $"/api/v1/tasks/{id}", $"/embed/tasks/{id}"]))
            await ResponseChecks.AssertSaneAsync(await host.Anonymous().GetAsync(view), $"after {body.Kind}: GET {view}");
    }

    private async Task AssertStoredCleanAsync(string id)
    {
        var stored = await (await host.Curator.GetAsync($"/api/v1/tasks/{id}")).Content.ReadAsStringAsync();
        List<string> strings;
        try
        {
            strings = ResponseChecks.Strings(JsonDocument.Parse(stored).RootElement).ToList();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"stored task {id} holds text no JSON consumer can decode: {e.Message}");
        }

        var bad = strings.FirstOrDefault(ResponseChecks.HasForbiddenCharacter);
        if (bad is not null) throw new InvalidOperationException($"stored task {id} holds a character XML/JSON consumers cannot carry: {Printer.Show(bad)}");
    }
}
