using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Feeds.Snapshots;

namespace Registry.EndToEnd.Tests.Inquiries;

/// <summary>
/// The host's contact address stays curator-only: after it is recorded and an inquiry relayed to it, no answer
/// without a key carries it — REST, pages, the inquiry form and its answer, feeds, OAI-PMH, DCAT, embeds, exports,
/// snapshots, GraphQL, statistics. The curator's own read is the control that proves the scan can find it.
/// </summary>
public sealed class InquiryPrivacyTests(InquiryFactory factory) : IClassFixture<InquiryFactory>
{
    private const string HostContact = "hidden-host-7319@vien-lienhe.vn";

    [Fact]
    public async Task The_host_contact_never_appears_in_a_public_answer()
    {
        var (task, code, org) = await factory.TransferableTaskAsync("Viện Nghiên cứu Chè Bí mật Liên hệ");
        var curator = await factory.CuratorAsync();
        var set = await curator.PutAsync($"/api/v1/organizations/{org}/contact",
            new StringContent(JsonSerializer.Serialize(new { email = HostContact }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var submitted = await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()));
        var answer = await submitted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.DoesNotContain(HostContact, answer);
        await factory.WaitForOutboxDrainedAsync();

        // Control: a key holder does see it, so the scan below would find it if it leaked.
        Assert.Contains(HostContact, await curator.GetStringAsync($"/api/v1/organizations/{org}/contact"));
        var inquiryId = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetString()!;
        Assert.DoesNotContain(HostContact, await curator.GetStringAsync($"/api/v1/inquiries/{inquiryId}")); // the log keeps the route, not the address

        var client = factory.Anonymous();
        string[] urls =
        [
            $"/api/v1/tasks/{task}", $"/api/v1/tasks/{task}.jsonld", $"/api/v1/tasks/by-code/{Uri.EscapeDataString(code)}",
            "/api/v1/tasks?q=ch%C3%A8&transferable=true", "/api/v1/tasks/export.csv", "/api/v1/tasks/export.jsonl",
            $"/api/v1/tasks/{task}/related", $"/api/v1/tasks/{task}/outputs", "/api/v1/changes",
            $"/api/v1/organizations/{org}", $"/api/v1/organizations/{org}/tasks", "/api/v1/organizations?q=Vi%E1%BB%87n",
            "/api/v1/stats/inquiries", "/api/v1/stats?groupBy=organization",
            $"/tasks/{task}", $"/tasks/{task}/inquiry", $"/organizations/{org}", "/stats", "/tasks?q=ch%C3%A8",
            "/feeds/tasks.atom", "/feeds/tasks.rss", "/feeds/tasks.json", "/catalog",
            "/oai?verb=ListRecords&metadataPrefix=oai_dc", "/oai?verb=ListRecords&metadataPrefix=oai_cerif_openaire",
            $"/embed/tasks/{task}", "/embed/tasks.json", $"/oembed?url=http%3A%2F%2Flocalhost%2Ftasks%2F{task}",
            $"/api/v1/tasks/{task}/citation.ris", $"/api/v1/tasks/{task}/citation.bib", $"/api/v1/tasks/{task}/citation.csl.json",
        ];
        var scanned = 0;
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            Assert.False(body.Contains(HostContact, StringComparison.OrdinalIgnoreCase), $"{url} leaks the host contact");
            Assert.False(body.Contains("hidden-host-7319", StringComparison.OrdinalIgnoreCase), $"{url} leaks part of the host contact");
            if (response.IsSuccessStatusCode) scanned++;
        }
        Assert.True(scanned >= urls.Length - 3, $"Only {scanned} of {urls.Length} public answers were read: the scan lost its reach");

        var graphql = await client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new
        {
            query = "query($t: ID!, $o: ID!) { task(id: $t) { id title principalInvestigator { name role } organization { id name province commune ror taskCount } } organization(id: $o) { id name type province commune ror } }",
            variables = new { t = task, o = org },
        }), Encoding.UTF8, "application/json"));
        var graph = await graphql.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        Assert.Contains("Viện Nghiên cứu Chè Bí mật Liên hệ", graph);
        Assert.DoesNotContain(HostContact, graph);

        var writer = factory.Services.GetRequiredService<SnapshotWriter>();
        var manifest = await writer.RunAsync(CancellationToken.None);
        Assert.NotEmpty(manifest.Partitions);
        foreach (var partition in manifest.Partitions)
        {
            await using var gz = new GZipStream(new MemoryStream(await client.GetByteArrayAsync(partition.Url)), CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            var lines = await reader.ReadToEndAsync();
            Assert.DoesNotContain(HostContact, lines);
        }
    }
}
