using Registry.Data.Records;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Reindex: a new versioned index, batched bulk load, refresh, then one atomic alias swap.</summary>
public sealed class EsRebuildTests
{
    private const string Old = "registry-tasks-v20250101000000";
    private const string New = "registry-tasks-v20261130010203";

    private static FakeCluster Cluster() => new FakeCluster()
        .On("PUT", "/" + New, EsJson.Acknowledged)
        .On("POST", "/" + New + "/_bulk", EsJson.Bulk())
        .On("PUT", "/" + New + "/_settings", EsJson.Acknowledged)
        .On("POST", "/" + New + "/_refresh", EsJson.Refreshed)
        .On("POST", "/_aliases", EsJson.Acknowledged)
        .On("DELETE", "/" + New, EsJson.Acknowledged)
        .On("POST", "/registry-tasks/_bulk", EsJson.Bulk());

    private static List<TaskRecord> Records(int n) =>
        Enumerable.Range(0, n).Select(i => SeededCorpus.Records[i % SeededCorpus.Records.Count] with { Id = $"t-bulk-{i}" }).ToList();

    [Fact]
    public async Task A_rebuild_loads_a_new_index_in_batches_then_swaps_the_alias_and_drops_the_old_index_atomically()
    {
        var cluster = Cluster();
        var options = FakeCluster.Options();
        options.BulkBatchSize = 100;
        var index = cluster.Index(options);
        await using (var build = await index.BeginRebuildAsync())
        {
            await build.AddAsync(Records(250));
            Assert.Empty(cluster.All("POST", "/_aliases"));
            await build.CompleteAsync();
        }

        var create = cluster.Exactly("PUT", "/" + New).Json;
        Assert.Equal("-1", create["settings"]!["refresh_interval"]!.ToJsonString());
        Assert.Null(create["aliases"]);
        Assert.Equal(["strict"], [create["mappings"]!["dynamic"]!.GetValue<string>()]);

        var bulks = cluster.All("POST", "/" + New + "/_bulk");
        Assert.Equal([100, 100, 50], bulks.Select(b => b.Lines.Count / 2));
        Assert.All(bulks, b => Assert.DoesNotContain("refresh=", b.Path));

        Assert.Equal("""{"refresh_interval":"1s"}""", cluster.Single("PUT", "/" + New + "/_settings").Body);
        cluster.Single("POST", "/" + New + "/_refresh");
        var swap = cluster.Single("POST", "/_aliases").Json["actions"]!.AsArray();
        Assert.Equal("""[{"add":{"alias":"registry-tasks","index":"NEW"}},{"remove_index":{"index":"OLD"}}]""".Replace("NEW", New).Replace("OLD", Old), swap.ToJsonString());

        var order = cluster.Calls.Select(c => c.Method + " " + c.Path.Split('?')[0]).Where(p => !p.Contains("_bulk")).ToList();
        Assert.Equal(["GET /_alias/registry-tasks", $"GET /{Old}/_mapping", "GET /_alias/registry-tasks", $"PUT /{New}", $"PUT /{New}/_settings", $"POST /{New}/_refresh",
            "GET /_alias/registry-tasks", "POST /_aliases"], order);
        Assert.Empty(cluster.All("DELETE", "/"));
    }

    [Fact]
    public async Task Writes_during_a_rebuild_reach_both_the_live_and_the_new_index()
    {
        var cluster = Cluster();
        var index = cluster.Index();
        await using var build = await index.BeginRebuildAsync();
        await index.UpsertAsync([SeededCorpus.Records[0]]);
        await index.RemoveAsync(["t-old-1"]);
        Assert.Equal(2, cluster.All("POST", "/registry-tasks/_bulk").Count);
        var mirrored = cluster.All("POST", "/" + New + "/_bulk");
        Assert.Equal(2, mirrored.Count);
        Assert.Equal("t-old-1", mirrored[1].Lines[0]["delete"]!["_id"]!.GetValue<string>());
        await build.CompleteAsync();

        await index.UpsertAsync([SeededCorpus.Records[1]]);
        Assert.Equal(2, cluster.All("POST", "/" + New + "/_bulk").Count);
    }

    [Fact]
    public async Task An_abandoned_rebuild_deletes_its_index_and_leaves_the_alias_alone()
    {
        var cluster = Cluster();
        var index = cluster.Index();
        await using (var build = await index.BeginRebuildAsync())
            await build.AddAsync(Records(3));
        cluster.Exactly("DELETE", "/" + New);
        Assert.Empty(cluster.All("POST", "/_aliases"));

        // A new rebuild can start once the abandoned one is gone.
        await using var again = await index.BeginRebuildAsync();
    }

    [Fact]
    public async Task Only_one_rebuild_runs_at_a_time()
    {
        var index = Cluster().Index();
        await using var build = await index.BeginRebuildAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.BeginRebuildAsync());
    }

    [Fact]
    public async Task Reset_swaps_in_an_empty_index()
    {
        var cluster = Cluster();
        await cluster.Index().ResetAsync();
        var create = cluster.Exactly("PUT", "/" + New).Json;
        Assert.Equal("1s", create["settings"]!["refresh_interval"]!.GetValue<string>());
        Assert.Contains($"\"remove_index\":{{\"index\":\"{Old}\"}}", cluster.Single("POST", "/_aliases").Body);
        Assert.Empty(cluster.All("POST", "/" + New + "/_bulk"));
    }

    [Fact]
    public void Versioned_names_always_increase_even_within_one_second()
    {
        var names = new Registry.Search.Elasticsearch.IndexNames("registry", new FixedTime(new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero)));
        Assert.Equal("registry-tasks", names.Alias);
        Assert.Equal(New, names.NextVersion());
        Assert.Equal(New, names.NextVersion(Old));
        Assert.Equal("registry-tasks-v20261130010204", names.NextVersion(New));
        Assert.True(names.IsVersion(New));
        Assert.False(names.IsVersion("registry-tasks"));
    }
}
