using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.EndToEnd.Tests.Search;
using Xunit.Abstractions;
using static Registry.EndToEnd.Tests.Search.SearchCatalogue;

namespace Registry.EndToEnd.Tests.OpenApi;

/// <summary>
/// Real answers of the running service, read by the contract: each JSON answer's status and media type must be
/// declared for its operation, and its body must validate against the declared schema (JsonSchema.Net).
/// </summary>
[Collection(SearchCatalogueCollection.Name)]
public sealed class ResponseSchemaTests(SearchCatalogue catalogue, ITestOutputHelper output)
{
    /// <summary>JSON operations not fetched here, each with its reason. Every other one must be.</summary>
    private static readonly Dictionary<string, string> NotFetched = new()
    {
        ["GetImport"] = "needs an import job, which is a write; ImportJobTests cover its body",
        ["ExportTasksJsonLines"] = "JSON Lines, not one JSON document; its lines are records v1, checked by ExportTests",
    };

    private sealed record Case(string OperationId, string Url, bool Admin = false, string? Accept = null);

    private async Task<IReadOnlyList<Case>> CasesAsync()
    {
        var ids = await catalogue.SeededAsync();
        var task = await (await catalogue.Anonymous().GetAsync($"/api/v1/tasks/{ids[0]}")).ReadJsonAsync();
        var organization = task.GetProperty("hostOrganization").GetProperty("id").GetString();
        var collection = await CollectionAsync(ids);
        var (webhook, delivery) = await WebhookAsync();
        var json = "application/json";
        return
        [
            new("ListTasks", "/api/v1/tasks"),
            new("ListTasks", "/api/v1/tasks?q=ch%C3%A8&facets=field,level,year,status,kind&highlight=true"),
            new("ListTasks", "/api/v1/tasks?select=code,title,budget"),
            new("ListTasks", "/api/v1/tasks?select=title&pageSize=1&sort=-budget"),
            new("ListTasks", "/api/v1/tasks?q=chuyen+doi+so&level=provincial"),
            new("ListTasks", "/api/v1/tasks?pageSize=abc"),
            new("ListTasks", "/api/v1/tasks?nope=1"),
            new("GetTask", $"/api/v1/tasks/{ids[1]}"),
            new("GetTask", $"/api/v1/tasks/{ids[1]}", Admin: true),
            new("GetTask", "/api/v1/tasks/t-no-such-task"),
            new("GetTask", $"/api/v1/tasks/{catalogue.WithdrawnId}"),
            new("GetTaskByCode", $"/api/v1/tasks/by-code/{Uri.EscapeDataString(Digital)}"),
            new("GetTaskByCode", $"/api/v1/tasks/by-code/{Uri.EscapeDataString(catalogue.WithdrawnCode)}"),
            new("RelatedTasks", $"/api/v1/tasks/{ids[1]}/related"),
            new("RelatedTasks", $"/api/v1/tasks/{catalogue.WithdrawnId}/related"),
            new("ListTaskOutputs", $"/api/v1/tasks/{ids[1]}/outputs"),
            new("ListTaskCoverage", $"/api/v1/tasks/{ids[1]}/coverage"),
            new("ListTaskCoverage", $"/api/v1/tasks/{ids[1]}/coverage", Admin: true),
            new("ListTaskCoverage", "/api/v1/tasks/t-no-such-task/coverage"),
            new("ListTaskCoverage", $"/api/v1/tasks/{catalogue.WithdrawnId}/coverage"),
            new("ListOrganizations", "/api/v1/organizations"),
            new("ListOrganizations", "/api/v1/organizations?q=so&pageSize=1"),
            new("GetOrganization", $"/api/v1/organizations/{organization}"),
            new("GetOrganization", "/api/v1/organizations/o-no-such"),
            new("ListOrganizationTasks", $"/api/v1/organizations/{organization}/tasks"),
            new("GetStatistics", "/api/v1/stats"),
            new("GetStatistics", "/api/v1/stats?groupBy=field&yearFrom=2019&yearTo=2025"),
            new("GetStatistics", "/api/v1/stats?groupBy=nonsense"),
            new("GetCoverage", "/api/v1/coverage"),
            new("GetCoverage", $"/api/v1/coverage?period={Registry.Data.Catalog.ReportingPeriod.Containing(DateTimeOffset.UtcNow)}"),
            new("GetCoverage", "/api/v1/coverage?period=2026-h1"),
            new("ListCoverageGaps", "/api/v1/coverage/gaps?kind=notCommunicated&pageSize=2"),
            new("ListCoverageGaps", "/api/v1/coverage/gaps?kind=noResults&period=2026-H1"),
            new("ListCoverageGaps", "/api/v1/coverage/gaps"),
            new("GetCoverageReport", $"/api/v1/coverage/reports/{Registry.Data.Catalog.ReportingPeriod.Containing(DateTimeOffset.UtcNow)}"),
            new("GetCoverageReport", "/api/v1/coverage/reports/2026-H1"),
            new("GetCoverageReport", "/api/v1/coverage/reports/2026-H3"),
            new("ListFields", "/api/v1/fields"),
            new("DescribeFilters", "/api/v1/filters"),
            new("Suggest", "/api/v1/suggest?q=che"),
            new("Suggest", "/api/v1/suggest"),
            new("ListChanges", "/api/v1/changes"),
            new("GetTaskFeedback", $"/api/v1/tasks/{ids[1]}/feedback"),
            new("GetTaskFeedback", "/api/v1/tasks/t-no-such-task/feedback"),
            new("GetTaskFeedback", $"/api/v1/tasks/{catalogue.WithdrawnId}/feedback"),
            new("ListFeedback", "/api/v1/feedback?status=pending", Admin: true),
            new("ListFeedback", "/api/v1/feedback?status=maybe", Admin: true),
            new("ListFeedback", "/api/v1/feedback"),
            new("GetFeedback", "/api/v1/feedback/f0000000000zz", Admin: true),
            new("GetFormToken", "/api/v1/forms/token?purpose=feedback"),
            new("GetFormToken", "/api/v1/forms/token?purpose=nope"),
            new("ListApiKeys", "/api/v1/apikeys", Admin: true),
            new("GetFormToken", "/api/v1/forms/token?purpose=inquiry"),
            new("GetFormToken", "/api/v1/forms/token?purpose=spam"),
            new("GetInquiryStatistics", "/api/v1/stats/inquiries"),
            new("ListInquiries", "/api/v1/inquiries", Admin: true),
            new("ListInquiries", "/api/v1/inquiries?status=nope", Admin: true),
            new("ListInquiries", "/api/v1/inquiries"),
            new("GetInquiry", "/api/v1/inquiries/q000000000000", Admin: true),
            new("GetOrganizationContact", $"/api/v1/organizations/{organization}/contact", Admin: true),
            new("GetOrganizationContact", "/api/v1/organizations/o-no-such/contact", Admin: true),
            new("ListApiKeys", "/api/v1/apikeys"),
            new("HealthLive", "/health/live"),
            new("HealthReady", "/health/ready"),
            new("EmbedTasksJson", "/embed/tasks.json?limit=3"),
            new("EmbedTasksJson", "/embed/tasks.json?level=galactic"),
            new("OEmbed", $"/oembed?url={Uri.EscapeDataString($"http://localhost/tasks/{ids[0]}")}"),
            new("OEmbed", $"/oembed?url={Uri.EscapeDataString("http://localhost/tasks?q=ch%C3%A8")}"),
            new("OEmbed", "/oembed?url=https%3A%2F%2Felsewhere.example%2Ftasks%2Fx"),
            new("SnapshotManifest", "/snapshots/manifest.json"),
            new("SnapshotFile", "/snapshots/tasks-1999-01.jsonl.gz"),
            new("GetTaskJsonLd", $"/api/v1/tasks/{ids[0]}.jsonld"),
            new("GetTaskJsonLd", $"/api/v1/tasks/{catalogue.WithdrawnId}.jsonld"),
            new("GetTaskCitationCslJson", $"/api/v1/tasks/{ids[0]}/citation.csl.json"),
            new("GetTaskCitationCslJson", $"/api/v1/tasks/{catalogue.WithdrawnId}/citation.csl.json"),
            new("DcatCatalog", "/catalog"),
            new("TasksJsonFeed", "/feeds/tasks.json?field=401"),
            new("TasksJsonFeed", "/feeds/tasks.json?budgetMin=many"),
            new("ListProblemTypes", "/problems", Accept: json),
            new("GetProblemType", "/problems/gone", Accept: json),
            new("GetProblemType", "/problems/state-secret", Accept: "application/problem+json"),
            new("GetProblemType", "/problems/no-such-kind", Accept: json),
            new("GetImportFileProblemType", "/problems/import-file/encoding", Accept: json),
            new("GetLicence", "/license", Accept: json),
            new("ListCollections", "/api/v1/collections"),
            new("ListCollections", "/api/v1/collections?pageSize=0"),
            new("GetCollection", $"/api/v1/collections/{collection}"),
            new("GetCollection", $"/api/v1/collections/{collection}", Admin: true),
            new("GetCollection", "/api/v1/collections/c0000000000aa"),
            new("GetFormToken", "/api/v1/forms/token?purpose=alert"),
            new("GetFormToken", "/api/v1/forms/token?purpose=nope"),
            new("CollectionJsonFeed", $"/feeds/collections/{collection}.json"),
            new("CollectionJsonFeed", "/feeds/collections/c0000000000aa.json"),
            new("ListWebhooks", "/api/v1/webhooks", Admin: true),
            new("ListWebhooks", "/api/v1/webhooks"),
            new("GetWebhook", $"/api/v1/webhooks/{webhook}", Admin: true),
            new("GetWebhook", "/api/v1/webhooks/w0000000000aa", Admin: true),
            new("ListWebhookDeliveries", $"/api/v1/webhooks/{webhook}/deliveries?pageSize=2", Admin: true),
            new("ListWebhookDeliveries", $"/api/v1/webhooks/{webhook}/deliveries?status=lost", Admin: true),
            new("GetWebhookDelivery", $"/api/v1/webhooks/{webhook}/deliveries/{delivery}", Admin: true),
            new("GetWebhookDelivery", $"/api/v1/webhooks/{webhook}/deliveries/0", Admin: true),
        ];
    }

    /// <summary>
    /// A paused webhook subscriber with a few replayed deliveries (made once). Paused, so nothing is sent from this host.
    /// </summary>
    private async Task<(string Webhook, long Delivery)> WebhookAsync()
    {
        var store = catalogue.Services.GetRequiredService<Registry.Data.Webhooks.IWebhookStore>();
        var id = (await store.ListAsync()).FirstOrDefault()?.Id;
        if (id is null)
        {
            var actor = Registry.Data.Abstractions.Actor.Seeder;
            var created = await store.CreateAsync(new Registry.Data.Webhooks.WebhookSubscriptionInput(
                "https://8.8.8.8/registry-events", "Cổng đối tác", Registry.Data.Webhooks.WebhookEventTypes.All, [], []), "whsec_dGVzdA==", actor);
            await store.SetPausedAsync(created.Id, true, "Chỉ để kiểm tra hợp đồng OpenAPI", actor);
            await store.ReplaySinceAsync(created.Id, 0, null, 3, actor);
            id = created.Id;
        }
        var page = await store.ListDeliveriesAsync(id, null, null, 1);
        return (id, page!.Deliveries[0].Id);
    }

    /// <summary>One collection of the shared catalogue's tasks (made once; collections change no task or search answer).</summary>
    private async Task<string> CollectionAsync(IReadOnlyList<string> ids)
    {
        var store = catalogue.Services.GetRequiredService<Registry.Data.Collections.ICollectionStore>();
        if ((await store.ListAsync(null, 1)).Results is [var existing]) return existing.Id;
        var created = await store.CreateAsync(new Registry.Data.Collections.CollectionInput
        {
            Title = "Ngày Khoa học và Công nghệ Việt Nam 18/5",
            Date = new DateOnly(2027, 5, 18),
            Items = ids.Take(3).Select(id => new Registry.Data.Collections.CollectionItemInput { Task = id, Note = "Ghi chú" }).ToList(),
        }, Registry.Data.Abstractions.Actor.Seeder);
        return created.Collection!.Id;
    }

    [Fact]
    public async Task Every_real_answer_is_declared_and_fits_its_schema()
    {
        var contract = await ContractAsync();
        var failures = new List<string>();
        foreach (var c in await CasesAsync())
        {
            var client = c.Admin ? catalogue.Admin() : catalogue.Anonymous();
            var request = new HttpRequestMessage(HttpMethod.Get, c.Url);
            if (c.Accept is not null) request.Headers.TryAddWithoutValidation("Accept", c.Accept);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var (schema, missing) = contract.ResponseSchema(c.OperationId, status, mediaType);
            if (schema is null)
            {
                failures.Add($"{c.Url}: {missing}");
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            var errors = ContractSchemas.Validate(schema, JsonDocument.Parse(body).RootElement);
            output.WriteLine($"{status} {mediaType} {c.Url}: {(errors.Count == 0 ? "valid" : "INVALID")}");
            if (errors.Count > 0) failures.Add($"{c.Url} ({status} {mediaType}):\n  {string.Join("\n  ", errors.Take(8))}\n  body: {Shorten(body)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_documented_json_read_is_fetched()
    {
        var contract = await ContractAsync();
        var fetched = (await CasesAsync()).Select(c => c.OperationId).ToHashSet();
        var reads = contract.Document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key == "get").Select(m => m.Value!.AsObject()))
            .Where(o => o["responses"]!.AsObject().Any(r => r.Key.StartsWith('2') &&
                (r.Value!["content"]?.AsObject().Any(c => c.Key.EndsWith("json", StringComparison.Ordinal)) ?? false)))
            .Select(o => o["operationId"]!.GetValue<string>())
            .ToList();
        var unchecked_ = reads.Where(id => !fetched.Contains(id) && !NotFetched.ContainsKey(id)).ToList();
        Assert.True(unchecked_.Count == 0, $"JSON operations no test fetches: {string.Join(", ", unchecked_)}");
        Assert.Contains("ListTasks", reads);
    }

    [Fact]
    public async Task A_304_is_declared_where_the_service_answers_it()
    {
        var contract = await ContractAsync();
        var ids = await catalogue.SeededAsync();
        foreach (var (operation, url) in new[] { ("GetTask", $"/api/v1/tasks/{ids[0]}"), ("ListTasks", "/api/v1/tasks?q=ch%C3%A8"), ("TasksAtomFeed", "/feeds/tasks.atom"), ("ListTaskCoverage", $"/api/v1/tasks/{ids[0]}/coverage") })
        {
            var client = catalogue.Anonymous();
            using var first = await client.GetAsync(url);
            var etag = first.Headers.ETag?.ToString();
            Assert.False(string.IsNullOrEmpty(etag), url);
            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var second = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            var responses = contract.Operation(operation).Operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("304"), $"{operation} answers 304 but does not declare it");
        }
    }

    /// <summary>The validator must be able to fail: real answers, each changed the way a wrong contract would miss.</summary>
    [Fact]
    public async Task Broken_answers_fail_their_schema()
    {
        var contract = await ContractAsync();
        var ids = await catalogue.SeededAsync();

        var task = JsonNode.Parse(await catalogue.Anonymous().GetStringAsync($"/api/v1/tasks/{ids[1]}"))!.AsObject();
        var (taskSchema, _) = contract.ResponseSchema("GetTask", 200, "application/json");
        Assert.Empty(ContractSchemas.Validate(taskSchema!, Element(task)));
        AssertInvalid(taskSchema!, task, t => t["budget"]!["totalVnd"] = "nhiều");
        AssertInvalid(taskSchema!, task, t => t["level"] = "galactic");
        AssertInvalid(taskSchema!, task, t => t["notInRecordV1"] = true);
        AssertInvalid(taskSchema!, task, t => t["startDate"] = "07/12/2026");

        var search = JsonNode.Parse(await catalogue.Anonymous().GetStringAsync("/api/v1/tasks?select=title"))!.AsObject();
        var (searchSchema, _) = contract.ResponseSchema("ListTasks", 200, "application/json");
        Assert.Empty(ContractSchemas.Validate(searchSchema!, Element(search)));
        AssertInvalid(searchSchema!, search, s => s["results"]![0]!["securityClassification"] = "secret");
        AssertInvalid(searchSchema!, search, s => s["results"]![0]!.AsObject().Remove("id"));
        AssertInvalid(searchSchema!, search, s => s["meta"]!["count"] = "5");
        AssertInvalid(searchSchema!, search, s => s["results"]![0]!["highlights"] = new JsonObject { ["title"] = 3 });
    }

    private static void AssertInvalid(Json.Schema.JsonSchema schema, JsonObject original, Action<JsonObject> breakIt)
    {
        var copy = original.DeepClone().AsObject();
        breakIt(copy);
        Assert.NotEmpty(ContractSchemas.Validate(schema, Element(copy)));
    }

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    private async Task<ContractSchemas> ContractAsync() =>
        new(await catalogue.Anonymous().GetStringAsync("/swagger/v1/swagger.json"));

    private static string Shorten(string body) => body.Length > 600 ? body[..600] + "…" : body;
}
