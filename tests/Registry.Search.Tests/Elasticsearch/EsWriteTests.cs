using System.Text;
using Registry.Search.Elasticsearch;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Upserts and removals as bulk bodies, and the back-off on 429 / 5xx.</summary>
public sealed class EsWriteTests
{
    private static readonly Data.Records.TaskRecord Task0 = SeededCorpus.Records[0];
    private static readonly Data.Records.TaskRecord Task1 = SeededCorpus.Records[1];

    [Fact]
    public async Task Upserts_are_bulk_index_lines_with_normalised_text_and_wait_for_refresh()
    {
        var nfd = Task0 with { Title = "Nghiên cứu giống lúa Hoà Bình".Normalize(NormalizationForm.FormD) };
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk", EsJson.Bulk(("index", Task0.Id!, 201), ("index", Task1.Id!, 201)));
        await cluster.Index().UpsertAsync([nfd, Task1]);

        var call = cluster.Single("POST", "/registry-tasks/_bulk");
        Assert.Contains("refresh=wait_for", call.Path);
        var lines = call.Lines;
        Assert.Equal(4, lines.Count);
        Assert.Equal(Task0.Id, lines[0]["index"]!["_id"]!.GetValue<string>());
        var doc = lines[1];
        // NFC and the one tone placement are applied in C#: stock Elasticsearch has no ICU normaliser.
        Assert.Equal("Nghiên cứu giống lúa Hòa Bình", doc["title"]!.GetValue<string>());
        Assert.Equal(Task0.Code, doc["code"]!.GetValue<string>());
        Assert.Equal(Task0.Id, doc["source"]!["id"]!.GetValue<string>());
        Assert.Equal(Task0.HostOrganization!.Id, doc["orgId"]!.GetValue<string>());
        Assert.Contains(Task0.Fields![0][..1], doc["fieldPrefix"]!.AsArray().Select(p => p!.GetValue<string>()));
        // One term from the title start (none from its later words), and word starts of the keywords.
        var suggest = doc["suggest"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(["nghien cuu giong lua hoa binh\u001FNghiên cứu giống lúa Hòa Bình\u001Ftitle"], suggest.Where(s => s.EndsWith("\u001Ftitle", StringComparison.Ordinal)));
        Assert.Contains(suggest, s => s.EndsWith("\u001F" + Task0.Keywords![0] + "\u001Fkeyword", StringComparison.Ordinal));
        Assert.Equal(Task1.Id, lines[2]["index"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contacts_never_reach_the_cluster()
    {
        var withContacts = Task0 with
        {
            PrincipalInvestigator = Task0.PrincipalInvestigator! with { Email = "chu.nhiem@example.vn", Phone = "0912345678" },
        };
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk", EsJson.Bulk(("index", Task0.Id!, 201)));
        await cluster.Index().UpsertAsync([withContacts]);
        var body = cluster.Single("POST", "/registry-tasks/_bulk").Body;
        Assert.DoesNotContain("chu.nhiem", body);
        Assert.DoesNotContain("0912345678", body);
        Assert.Contains(Task0.PrincipalInvestigator!.Name!, cluster.Single("POST", "/registry-tasks/_bulk").Lines[1]["source"]!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task Removals_are_delete_lines_and_an_already_missing_task_is_fine()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk", EsJson.Bulk(("delete", "t-a-1", 200), ("delete", "t-gone-1", 404)));
        await cluster.Index().RemoveAsync(["t-a-1", "t-gone-1"]);
        var lines = cluster.Single("POST", "/registry-tasks/_bulk").Lines;
        Assert.Equal(["t-a-1", "t-gone-1"], lines.Select(l => l["delete"]!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_outbox_batch_larger_than_a_bulk_request_goes_in_order_in_several_and_only_the_last_waits_for_refresh()
    {
        var upserts = SeededCorpus.Records.Take(5).ToList();
        var options = FakeCluster.Options();
        options.BulkBatchSize = 2;
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk",
            (200, EsJson.Bulk(("index", upserts[0].Id!, 201), ("index", upserts[1].Id!, 201))),
            (200, EsJson.Bulk(("index", upserts[2].Id!, 201), ("index", upserts[3].Id!, 201))),
            (200, EsJson.Bulk(("index", upserts[4].Id!, 201), ("delete", "t-gone-1", 404))));

        await cluster.Index(options).ApplyAsync(upserts, ["t-gone-1"]);

        var calls = cluster.All("POST", "/registry-tasks/_bulk");
        Assert.Equal(3, calls.Count);
        Assert.Equal([false, false, true], calls.Select(c => c.Path.Contains("refresh=wait_for")));
        var ids = calls.SelectMany(c => c.Lines.Where(l => l["index"] is not null || l["delete"] is not null))
            .Select(l => (l["index"] ?? l["delete"])!["_id"]!.GetValue<string>()).ToList();
        Assert.Equal([.. upserts.Select(r => r.Id!), "t-gone-1"], ids);
    }

    [Fact]
    public async Task A_429_answer_is_retried_with_a_growing_delay()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk",
            (429, EsJson.Error("es_rejected_execution_exception", "queue full", 429)),
            (503, EsJson.Error("unavailable_shards_exception", "primary not active", 503)),
            (200, EsJson.Bulk(("index", Task0.Id!, 200))));
        await cluster.Index().UpsertAsync([Task0]);
        Assert.Equal(3, cluster.All("POST", "/registry-tasks/_bulk").Count);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)], cluster.Delays);
    }

    [Fact]
    public async Task Only_the_items_rejected_with_429_are_sent_again()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk",
            (200, EsJson.Bulk(("index", Task0.Id!, 201), ("index", Task1.Id!, 429))),
            (200, EsJson.Bulk(("index", Task1.Id!, 201))));
        await cluster.Index().UpsertAsync([Task0, Task1]);
        var calls = cluster.All("POST", "/registry-tasks/_bulk");
        Assert.Equal(2, calls.Count);
        Assert.Equal([Task1.Id], calls[1].Lines.Where(l => l["index"] is not null).Select(l => l["index"]!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Persistent_failures_give_up_after_the_configured_retries()
    {
        var options = FakeCluster.Options();
        options.MaxRetries = 2;
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk", (503, EsJson.Error("cluster_block_exception", "read only", 503)));
        var error = await Assert.ThrowsAsync<ElasticsearchIndexException>(() => cluster.Index(options).UpsertAsync([Task0]));
        Assert.Contains("503", error.Message);
        Assert.Equal(3, cluster.All("POST", "/registry-tasks/_bulk").Count);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)], cluster.Delays);
    }

    [Fact]
    public async Task A_rejected_document_is_not_retried_and_says_why()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk", EsJson.Bulk(("index", Task0.Id!, 400)));
        var error = await Assert.ThrowsAsync<ElasticsearchIndexException>(() => cluster.Index().UpsertAsync([Task0]));
        Assert.Contains(Task0.Id!, error.Message);
        Assert.Contains("document_parsing_exception", error.Message);
        Assert.Single(cluster.All("POST", "/registry-tasks/_bulk"));
        Assert.Empty(cluster.Delays);
    }

    [Fact]
    public async Task Nothing_is_sent_for_empty_batches()
    {
        var cluster = new FakeCluster();
        var index = cluster.Index();
        await index.UpsertAsync([]);
        await index.RemoveAsync([]);
        Assert.Empty(cluster.Calls);
    }
}
