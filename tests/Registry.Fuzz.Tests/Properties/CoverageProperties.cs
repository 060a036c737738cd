using System.Text;
using System.Text.Json;
using Registry.Data.Validation;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// POST /api/v1/tasks/{id}/coverage with one hostile mutation each. Property: never a 5xx; what every strict reader
/// refuses gets a 4xx; an item that is accepted is stored clean with a link the rules accept (absolute http or
/// https, no user name, nothing invisible), and the task's public views (page, JSON-LD, record, coverage list,
/// CSV export) still render.
/// </summary>
public sealed class CoverageProperties(CoverageProperties.Host host, ITestOutputHelper output) : IClassFixture<CoverageProperties.Host>
{
    public sealed class Host : FuzzHost;

    private readonly PropertyRunner _runner = new(output);

    [Fact]
    public async Task Hostile_coverage_items_are_refused_or_stored_clean()
    {
        var target = host.Published[0];
        var accepted = 0;
        await _runner.CheckAsync("rest.coverage", HostileCoverage.Bodies, async body =>
        {
            var response = await host.Curator.PostAsync($"/api/v1/tasks/{target.Id}/coverage", new StringContent(body.Json, Encoding.UTF8, "application/json"));
            var what = $"POST /api/v1/tasks/{{id}}/coverage [{body.Kind}]";
            await ResponseChecks.AssertSaneAsync(response, what);
            var status = (int)response.StatusCode;
            if (body.MustRefuse && status is >= 200 and < 300) throw new InvalidOperationException($"{what}: accepted ({status}) a body every strict reader refuses");
            if (status is < 200 or >= 300) return;
            accepted++;
            await AssertStoredCleanAsync(target.Id, what);
        }, 150, b => $"[{b.Kind}; must refuse: {b.MustRefuse}] {b.Json}");

        output.WriteLine($"{accepted} items accepted");
        foreach (var view in new[] { $"/tasks/{target.Id}", $"/tasks/{target.Id}?lang=en", $"/api/v1/tasks/{target.Id}.jsonld", $"/api/v1/tasks/{target.Id}",
                     $"/api/v1/tasks/{target.Id}/coverage", "/api/v1/tasks/export.csv", "/api/v1/tasks/export.jsonl" })
            await ResponseChecks.AssertSaneAsync(await host.Anonymous().GetAsync(view), $"GET {view}");
        await host.AssertAliveAsync();
    }

    private async Task AssertStoredCleanAsync(string id, string what)
    {
        var text = await (await host.Curator.GetAsync($"/api/v1/tasks/{id}/coverage")).Content.ReadAsStringAsync();
        var list = JsonDocument.Parse(text).RootElement.GetProperty("results");
        foreach (var item in list.EnumerateArray())
        {
            var url = item.GetProperty("url").GetString()!;
            if (CoverageLinks.Problem(url) is { } problem) throw new InvalidOperationException($"{what}: stored a link the rules refuse: {Printer.Show(url)} ({problem})");
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{what}: stored a link that is not http(s): {Printer.Show(url)}");
        }
        var bad = ResponseChecks.Strings(list).FirstOrDefault(ResponseChecks.HasForbiddenCharacter);
        if (bad is not null) throw new InvalidOperationException($"{what}: stored a character XML/JSON consumers cannot carry: {Printer.Show(bad)}");
    }
}
