using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Feeds.Snapshots;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feeds;

[Collection(FeedsCollection.Name)]
public sealed class SnapshotTests(FeedsFactory factory)
{
    private SnapshotWriter Writer => factory.Services.GetRequiredService<SnapshotWriter>();

    [Fact]
    public async Task Manifest_matches_the_files_hashes_counts_and_the_published_records()
    {
        var seeded = await factory.SeedAsync();
        await Writer.RunAsync(CancellationToken.None);
        var client = factory.Anonymous();
        var manifest = await (await client.GetAsync("/snapshots/manifest.json")).ReadAsync<SnapshotManifest>();
        var expected = await factory.PublishedInStoreAsync();
        var seen = new Dictionary<string, TaskRecord>();
        foreach (var partition in manifest.Partitions)
        {
            var bytes = await client.GetByteArrayAsync(partition.Url);
            Assert.Equal(partition.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(partition.Bytes, bytes.Length);
            var records = ReadLines(bytes);
            Assert.Equal(partition.Count, records.Count);
            Assert.All(records, r => Assert.Equal(partition.Month, r.UpdatedAt!.Value.ToUniversalTime().ToString("yyyy-MM")));
            foreach (var r in records) seen.Add(r.Id!, r);
        }
        Assert.Equal(expected.Count, manifest.TotalCount);
        Assert.Equal(expected.Keys.Order(), seen.Keys.Order());
        Assert.Contains(seeded.Withdrawn, manifest.Withdrawn);
        Assert.DoesNotContain(seeded.Draft, seen.Keys);
        Assert.All(seen.Values, r => Assert.Null(r.PrincipalInvestigator?.Email));
    }

    [Fact]
    public async Task A_second_run_rewrites_only_the_partitions_that_changed()
    {
        await factory.SeedAsync();
        var before = await Writer.RunAsync(CancellationToken.None);
        var unchanged = await Writer.RunAsync(CancellationToken.None);
        Assert.Equal(before.Partitions.Select(p => (p.File, p.Sha256)), unchanged.Partitions.Select(p => (p.File, p.Sha256)));
        var times = before.Partitions.ToDictionary(p => p.File, p => File.GetLastWriteTimeUtc(Path.Combine(Writer.Directory, p.File)));
        await factory.PublishAsync(await factory.CreateAsync(TaskRecordBuilder.Valid()));
        var after = await Writer.RunAsync(CancellationToken.None);
        var current = after.Partitions.Single(p => p.Month == DateTimeOffset.UtcNow.ToString("yyyy-MM"));
        Assert.Equal(before.Partitions.Single(p => p.Month == current.Month).Count + 1, current.Count);
        foreach (var p in after.Partitions.Where(p => p.Month != current.Month))
            Assert.Equal(times[p.File], File.GetLastWriteTimeUtc(Path.Combine(Writer.Directory, p.File)));
    }

    [Fact]
    public async Task A_mirror_rebuilt_from_the_snapshot_and_an_incremental_harvest_equals_the_store()
    {
        await factory.SeedAsync();
        var client = factory.Anonymous();
        var manifest = await Writer.RunAsync(CancellationToken.None);
        var mirror = new Dictionary<string, JsonElement>();
        foreach (var partition in manifest.Partitions)
            foreach (var line in ReadRawLines(await client.GetByteArrayAsync(partition.Url)))
                mirror[line.GetProperty("id").GetString()!] = line;

        // Changes after the snapshot: an update, a withdrawal and a new task.
        var ids = (await factory.PublishedInStoreAsync()).Keys.ToList();
        var curator = await factory.CuratorAsync();
        var current = await curator.GetAsync($"/api/v1/tasks/{ids[0]}");
        var record = (await current.ReadAsync<TaskRecord>()) with { Summary = "Tóm tắt đã sửa sau bản sao." };
        (await curator.PutRecordAsync($"/api/v1/tasks/{ids[0]}", record, current.Headers.ETag!.Tag)).EnsureSuccessStatusCode();
        await factory.WithdrawAsync(ids[1]);
        await factory.PublishAsync(await factory.CreateAsync(TaskRecordBuilder.Valid()));

        // Catch up: every identifier changed since the snapshot (deleted ones included), then the record itself.
        var since = manifest.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        foreach (var (id, deleted) in await ChangedSinceAsync(client, since))
        {
            var response = await client.GetAsync($"/api/v1/tasks/{id}");
            if (deleted || response.StatusCode == HttpStatusCode.Gone) mirror.Remove(id);
            else mirror[id] = await response.ReadJsonAsync();
        }

        var store = await factory.PublishedInStoreAsync();
        Assert.Equal(store.Keys.Order(), mirror.Keys.Order());
        foreach (var (id, r) in store)
            Assert.Equal(JsonSerializer.Serialize(r with { Visibility = null }, RegistryJson.Options),
                JsonSerializer.Serialize(mirror[id].Deserialize<TaskRecord>(RegistryJson.Options)! with { Visibility = null }, RegistryJson.Options));
    }

    [Fact]
    public async Task Unknown_snapshot_files_are_404()
    {
        await (await factory.Anonymous().GetAsync("/snapshots/tasks-1999-01.jsonl.gz")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await factory.Anonymous().GetAsync("/snapshots/..%2Fregistry.db")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<List<(string Id, bool Deleted)>> ChangedSinceAsync(HttpClient client, string since)
    {
        XNamespace oai = "http://www.openarchives.org/OAI/2.0/";
        var result = new List<(string, bool)>();
        var query = $"verb=ListIdentifiers&metadataPrefix=oai_dc&from={since}";
        while (true)
        {
            var doc = XDocument.Parse(await client.GetStringAsync("/oai?" + query));
            var list = doc.Root!.Element(oai + "ListIdentifiers");
            if (list is null) return result;
            foreach (var h in list.Elements(oai + "header"))
                result.Add((h.Element(oai + "identifier")!.Value.Split(':').Last(), h.Attribute("status")?.Value == "deleted"));
            var token = list.Element(oai + "resumptionToken")?.Value;
            if (string.IsNullOrEmpty(token)) return result;
            query = "verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token);
        }
    }

    private static List<TaskRecord> ReadLines(byte[] gzip) =>
        ReadRawLines(gzip).Select(e => e.Deserialize<TaskRecord>(RegistryJson.Options)!).ToList();

    private static List<JsonElement> ReadRawLines(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        var lines = new List<JsonElement>();
        while (reader.ReadLine() is { } line) lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        return lines;
    }
}
