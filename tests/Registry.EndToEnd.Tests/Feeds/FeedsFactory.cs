using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Model;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// One host for the feed tests, seeded once through the API: published tasks across fields and levels, one
/// withdrawn and one draft. Small OAI pages so a harvest needs several resumption tokens. Tests that change data
/// create their own tasks and compute expectations from the store, so order does not matter.
/// </summary>
public sealed class FeedsFactory : RegistryApiFactory
{
    public const int OaiPageSize = 3;
    public const string PublicBase = "https://opendata.example.vn";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Feeds:OaiPageSize"] = OaiPageSize.ToString(),
        ["Registry:PublicBaseUrl"] = PublicBase,
        ["Registry:Feeds:Snapshots:Enabled"] = "false",
    };

    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private Seeded? _seeded;

    public sealed record Seeded(IReadOnlyList<string> Published, string Withdrawn, string Draft);

    public async Task<Seeded> SeedAsync()
    {
        await _seedGate.WaitAsync();
        try
        {
            if (_seeded is not null) return _seeded;
            var fields = new[] { "401", "40101", "101", "201", "30201", "402", "501", "602", "401" };
            var levels = new[] { TaskLevel.Provincial, TaskLevel.Grassroots, TaskLevel.National };
            var published = new List<string>();
            for (var i = 0; i < fields.Length; i++)
            {
                var record = new TaskRecordBuilder().With(r => r with
                {
                    Fields = [fields[i]],
                    Level = levels[i % levels.Length],
                    Title = $"Nghiên cứu chè Phú Thọ và chuyển đổi số {i} — thử nghiệm",
                }).Build();
                published.Add(await PublishAsync(await CreateAsync(record)));
            }
            published.AddRange(await SeedOlderAsync());
            var withdrawn = await PublishAsync(await CreateAsync(TaskRecordBuilder.Valid()));
            await WithdrawAsync(withdrawn);
            var draft = await CreateAsync(TaskRecordBuilder.Valid());
            await WaitForIndexAsync();
            return _seeded = new Seeded(published, withdrawn, draft);
        }
        finally
        {
            _seedGate.Release();
        }
    }

    /// <summary>Published tasks last changed in past months (as the demo seeder writes them), so snapshots have several partitions.</summary>
    private async Task<IReadOnlyList<string>> SeedOlderAsync()
    {
        var months = new[] { new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 20, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2025, 10, 2, 16, 45, 5, TimeSpan.Zero) };
        var rows = months.Select((at, i) => new TaskRecordBuilder().With(r => r with
        {
            Visibility = Visibility.Published, CreatedAt = at.AddDays(-30), UpdatedAt = at, PublishedAt = at.AddDays(-1), Fields = ["101"],
        }).Build()).Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        var outcome = await Services.GetRequiredService<ITaskStore>().UpsertBatchAsync(rows, new ImportOptions(KeepTimestamps: true), Actor.Seeder);
        Assert.True(outcome.Committed);
        return outcome.Rows.Select(r => r.Id!).ToList();
    }

    public async Task<string> CreateAsync(TaskRecord record)
    {
        var response = await (await CuratorAsync()).PostRecordAsync("/api/v1/tasks", record);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("task").GetProperty("id").GetString()!;
    }

    public async Task<string> PublishAsync(string id)
    {
        var response = await (await CuratorAsync()).PostAsync($"/api/v1/tasks/{id}/publish", null);
        response.EnsureSuccessStatusCode();
        return id;
    }

    public async Task WithdrawAsync(string id)
    {
        var response = await (await CuratorAsync()).PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { reason = "Trùng lặp (duplicate)" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits (bounded) until the indexer has applied every change, then for the index to show them.</summary>
    public async Task WaitForIndexAsync()
    {
        var outbox = Services.GetRequiredService<IOutboxStore>();
        var catalog = Services.GetRequiredService<ITaskCatalog>();
        var index = Services.GetRequiredService<ISearchIndex>();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (await outbox.PendingCountAsync() == 0 && await index.CountAsync() == await catalog.CountPublishedAsync()) return;
            await Task.Delay(50);
        }
        Assert.Fail("The search index did not catch up with the store.");
    }

    /// <summary>Public records of every published task in the store, by id.</summary>
    public async Task<Dictionary<string, TaskRecord>> PublishedInStoreAsync()
    {
        var result = new Dictionary<string, TaskRecord>();
        await foreach (var r in Services.GetRequiredService<ITaskCatalog>().StreamPublishedAsync())
            result[r.Id!] = TaskRecordProjection.ForPublic(r);
        return result;
    }

    public static XmlSchemaSet Schemas([CallerFilePath] string here = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(here)!, "Schemas");
        var set = new XmlSchemaSet();
        foreach (var file in new[] { "xml.xsd", "OAI-PMH.xsd", "simpledc20021212.xsd", "oai_dc.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(folder, file));
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    /// <summary>Parses and validates against the schemas; every validation error fails the test.</summary>
    public static XDocument ParseValid(string xml, XmlSchemaSet schemas)
    {
        var doc = XDocument.Parse(xml);
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => { if (e.Severity == XmlSeverityType.Error) errors.Add(e.Message); });
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + xml[..Math.Min(xml.Length, 2000)]);
        return doc;
    }
}

[CollectionDefinition(Name)]
public sealed class FeedsCollection : ICollectionFixture<FeedsFactory>
{
    public const string Name = "feeds";
}
