namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// Every public GET entrance that takes input, with the parameters it declares (openapi/registry.v1.json and
/// the routes excluded from it in src/Registry.Api). "{id}" and "{code}" are filled from a published task or,
/// half the time, a hostile path segment.
/// </summary>
public static class Surfaces
{
    private static readonly string[] Filters =
        ["q", "field", "level", "kind", "status", "yearFrom", "yearTo", "organization", "budgetMin", "budgetMax", "transferable", "updatedSince", "sort"];

    private static readonly string[] FeedParameters = ["q", "limit", "lang", .. Filters[1..^1]];

    public static readonly Dictionary<string, (string Path, string[] Parameters, int Cases)> Get = new()
    {
        ["rest.tasks"] = ("/api/v1/tasks", [.. Filters, "facets", "cursor", "pageSize", "select", "highlight"], 200),
        ["rest.export.csv"] = ("/api/v1/tasks/export.csv", Filters, 50),
        ["rest.export.jsonl"] = ("/api/v1/tasks/export.jsonl", Filters, 50),
        ["rest.suggest"] = ("/api/v1/suggest", ["q"], 60),
        ["rest.organizations"] = ("/api/v1/organizations", ["q", "cursor", "pageSize"], 60),
        ["rest.organization"] = ("/api/v1/organizations/{id}", [], 30),
        ["rest.organization.tasks"] = ("/api/v1/organizations/{id}/tasks", ["cursor", "pageSize"], 40),
        ["rest.stats"] = ("/api/v1/stats", ["groupBy", "yearFrom", "yearTo", "field"], 60),
        ["rest.coverage"] = ("/api/v1/coverage", ["year", "period"], 40),
        ["rest.coverage.gaps"] = ("/api/v1/coverage/gaps", ["kind", "agency", "year", "period", "cursor", "pageSize"], 60),
        ["rest.coverage.report"] = ("/api/v1/coverage/reports/2026-H1", [], 20),
        ["rest.coverage.report.xlsx"] = ("/api/v1/coverage/reports/2026-H1.xlsx", [], 20),
        ["web.stats.report"] = ("/stats/report/2026-H1", [], 20),
        ["rest.changes"] = ("/api/v1/changes", ["since", "pageSize"], 60),
        ["rest.task"] = ("/api/v1/tasks/{id}", [], 30),
        ["rest.task.by-code"] = ("/api/v1/tasks/by-code/{code}", [], 30),
        ["rest.task.related"] = ("/api/v1/tasks/{id}/related", [], 30),
        ["rest.task.jsonld"] = ("/api/v1/tasks/{id}.jsonld", [], 20),
        ["rest.task.outputs"] = ("/api/v1/tasks/{id}/outputs", [], 20),
        ["feeds.atom"] = ("/feeds/tasks.atom", FeedParameters, 60),
        ["feeds.rss"] = ("/feeds/tasks.rss", FeedParameters, 60),
        ["feeds.json"] = ("/feeds/tasks.json", FeedParameters, 60),
        ["oai.get"] = ("/oai", ["verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken"], 200),
        ["catalog"] = ("/catalog", [], 20),
        ["embed.html"] = ("/embed/tasks", FeedParameters, 40),
        ["embed.task"] = ("/embed/tasks/{id}", [], 20),
        ["embed.json"] = ("/embed/tasks.json", FeedParameters, 40),
        ["oembed"] = ("/oembed", ["url", "format", "maxwidth", "maxheight"], 60),
        ["sitemap"] = ("/sitemap.xml", [], 10),
        ["snapshots"] = ("/snapshots/{code}", [], 20),
        ["web.results"] = ("/tasks", [.. Filters, "facets", "cursor", "pageSize"], 80),
        ["web.task"] = ("/tasks/{id}", [], 20),
        ["web.organization"] = ("/organizations/{id}", [], 20),
        ["web.home"] = ("/", [], 10),
        ["web.stats"] = ("/stats", ["groupBy", "yearFrom", "yearTo", "field"], 30),
        ["rest.collections"] = ("/api/v1/collections", ["cursor", "pageSize"], 40),
        ["rest.collection"] = ("/api/v1/collections/{id}", [], 20),
        ["feeds.collection.atom"] = ("/feeds/collections/{id}.atom", [], 20),
        ["feeds.collection.json"] = ("/feeds/collections/{id}.json", [], 20),
        ["embed.collection"] = ("/embed/collections/{id}", [], 20),
        ["web.collections"] = ("/collections", ["cursor"], 20),
        ["web.collection"] = ("/collections/{id}", [], 20),
        ["rest.stats.inquiries"] = ("/api/v1/stats/inquiries", [], 10),
        ["web.inquiry"] = ("/tasks/{id}/inquiry", ["output", "lang"], 30),
    };

    public static TheoryData<string> GetNames() => new(Get.Keys);
}
