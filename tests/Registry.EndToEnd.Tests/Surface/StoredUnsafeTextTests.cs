using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Feeds.Snapshots;
using Registry.Api.Tests.Builders;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.EndToEnd.Tests.Feeds;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Model;

namespace Registry.EndToEnd.Tests.Surface;

/// <summary>
/// A published task whose stored title, summary and managing agency hold U+000B, U+0001, U+000C and U+FFFE (old data, written straight into the
/// store and the index): every feed, OAI-PMH page, export and snapshot still answers 200 with complete XML/JSON/CSV.
/// </summary>
[Collection(FeedsCollection.Name)]
public sealed class StoredUnsafeTextTests(FeedsFactory factory)
{
    private const string BadTitle = "Chè\u000B Phú Thọ giống mới\u0001";
    private const string BadAgency = "Sở KH&CN\uFFFE Phú Thọ\u000B";

    private async Task<string> SeedBadTaskAsync()
    {
        await factory.SeedAsync();
        var id = await factory.PublishAsync(await factory.CreateAsync(TaskRecordBuilder.Valid()));
        await factory.WaitForIndexAsync();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Tasks.Where(t => t.PublicId == id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Title, BadTitle).SetProperty(t => t.ManagingAgency, BadAgency).SetProperty(t => t.Summary, "Tóm tắt\u000C hết"));
        }
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var key = await db.Tasks.Where(t => t.PublicId == id).Select(t => t.Id).SingleAsync();
            await db.Investigators.Where(i => i.TaskId == key).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcademicTitle, "TS.\uFFFE\u0002"));
        }
        var stored = (await factory.Services.GetRequiredService<ITaskStore>().FindManyAsync([id])).Single();
        Assert.Equal((BadTitle, BadAgency), (stored.Record.Title, stored.Record.ManagingAgency));
        // Old rows reach the index as stored: its text analysis cleans what Unicode normalisation would refuse.
        await factory.Services.GetRequiredService<ISearchIndex>().UpsertAsync([stored.Record]);
        return id;
    }

    [Fact]
    public async Task Feeds_oai_pages_sitemaps_exports_and_snapshots_answer_200_with_complete_documents()
    {
        var id = await SeedBadTaskAsync();
        var client = factory.Anonymous();
        foreach (var url in new[] { "/feeds/tasks.atom", "/feeds/tasks.rss", "/oai?verb=ListRecords&metadataPrefix=oai_dc",
                     $"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:registry.phutho.gov.vn:{id}",
                     $"/oai?verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=oai:registry.phutho.gov.vn:{id}",
                     "/sitemap.xml" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            XDocument.Parse(await response.Content.ReadAsStringAsync()); // complete, well-formed XML 1.0
        }

        var atom = await client.GetStringAsync("/feeds/tasks.atom");
        Assert.Contains("Chè\n Phú Thọ giống mới", atom);
        var json = await client.GetAsync("/feeds/tasks.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        JsonDocument.Parse(await json.Content.ReadAsStringAsync());

        var csv = await client.GetAsync("/api/v1/tasks/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        var published = (await factory.PublishedInStoreAsync()).Count;
        Assert.Equal(published + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var lines = await client.GetStringAsync("/api/v1/tasks/export.jsonl");
        var records = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Equal(published, records.Count);
        Assert.Contains(records, r => r.RootElement.GetProperty("id").GetString() == id);

        await factory.Services.GetRequiredService<SnapshotWriter>().RunAsync(CancellationToken.None);
        var manifest = await (await client.GetAsync("/snapshots/manifest.json")).ReadAsync<SnapshotManifest>();
        var inSnapshot = 0;
        foreach (var partition in manifest.Partitions)
        {
            await using var gzip = new GZipStream(new MemoryStream(await client.GetByteArrayAsync(partition.Url)), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (await reader.ReadLineAsync() is { } line) { JsonDocument.Parse(line); inSnapshot++; }
        }
        Assert.Equal(manifest.TotalCount, inSnapshot);
    }

    [Fact]
    public async Task A_withdrawn_task_is_gone_from_the_snapshot_files_as_soon_as_the_withdrawal_returns()
    {
        await factory.SeedAsync();
        var id = await factory.PublishAsync(await factory.CreateAsync(TaskRecordBuilder.Valid()));
        var writer = factory.Services.GetRequiredService<SnapshotWriter>();
        await writer.RunAsync(CancellationToken.None);
        var client = factory.Anonymous();
        Assert.Contains(id, await AllSnapshotIdsAsync(client));

        await factory.WithdrawAsync(id);

        Assert.DoesNotContain(id, await AllSnapshotIdsAsync(client));
        var manifest = await (await client.GetAsync("/snapshots/manifest.json")).ReadAsync<SnapshotManifest>();
        Assert.Contains(id, manifest.Withdrawn);
    }

    private static async Task<HashSet<string>> AllSnapshotIdsAsync(HttpClient client)
    {
        var manifest = await (await client.GetAsync("/snapshots/manifest.json")).ReadAsync<SnapshotManifest>();
        var ids = new HashSet<string>();
        foreach (var partition in manifest.Partitions)
        {
            await using var gzip = new GZipStream(new MemoryStream(await client.GetByteArrayAsync(partition.Url)), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (await reader.ReadLineAsync() is { } line) ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
        }
        return ids;
    }
}
