using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Data.Records;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Response bodies as Elasticsearch writes them (typed_keys aggregation names included).</summary>
public static class EsJson
{
    public const string Acknowledged = """{"acknowledged":true,"shards_acknowledged":true,"index":"x"}""";
    public const string Refreshed = """{"_shards":{"total":1,"successful":1,"failed":0}}""";

    public static string Alias(params string[] indexes) =>
        new JsonObject(indexes.Select(i => KeyValuePair.Create(i, (JsonNode?)JsonNode.Parse("""{"aliases":{"registry-tasks":{}}}""")))).ToJsonString();

    /// <summary>The text layout the engine writes (the mapping's <c>_meta</c>).</summary>
    public const string CurrentLayout = "7";

    /// <summary>A <c>GET /{index}/_mapping</c> answer recording a text layout (none when null).</summary>
    public static string Mapping(string? layout, string index = "registry-tasks-v20250101000000") =>
        new JsonObject
        {
            [index] = new JsonObject
            {
                ["mappings"] = layout is null
                    ? new JsonObject { ["properties"] = new JsonObject() }
                    : new JsonObject { ["_meta"] = new JsonObject { ["registry.layout"] = layout }, ["properties"] = new JsonObject() },
            },
        }.ToJsonString();

    /// <summary>A statistics answer: the number of tasks and one count per term filter, in order.</summary>
    public static string Statistics(long tasks, params long[] counts) =>
        new JsonObject
        {
            ["took"] = 1,
            ["timed_out"] = false,
            ["_shards"] = JsonNode.Parse("""{"total":1,"successful":1,"skipped":0,"failed":0}"""),
            ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = tasks, ["relation"] = "eq" }, ["max_score"] = null, ["hits"] = new JsonArray() },
            ["aggregations"] = new JsonObject
            {
                ["filters#counts"] = new JsonObject
                {
                    ["buckets"] = new JsonArray(counts.Select(c => (JsonNode?)new JsonObject { ["doc_count"] = c }).ToArray()),
                },
            },
        }.ToJsonString();

    public const string AliasMissing = """{"error":"alias [registry-tasks] missing","status":404}""";

    public static string Count(long n) => "{\"count\":" + n + ",\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}}";

    public static string Error(string type, string reason, int status) =>
        JsonSerializer.Serialize(new { error = new { type, reason, root_cause = new[] { new { type, reason } } }, status });

    /// <summary>A hit carrying the stored record, its sort values and optional highlights.</summary>
    public static JsonObject Hit(TaskRecord record, double score, object[] sort, Dictionary<string, string[]>? highlight = null)
    {
        var hit = new JsonObject
        {
            ["_index"] = "registry-tasks-v20250101000000",
            ["_id"] = record.Id,
            ["_score"] = score,
            ["_source"] = new JsonObject { ["source"] = JsonSerializer.SerializeToNode(record, RegistryJson.Options) },
            ["sort"] = JsonSerializer.SerializeToNode(sort),
        };
        if (highlight is not null) hit["highlight"] = JsonSerializer.SerializeToNode(highlight);
        return hit;
    }

    public static string Search(long total, IEnumerable<JsonObject> hits, JsonObject? aggregations = null)
    {
        var body = new JsonObject
        {
            ["took"] = 1,
            ["timed_out"] = false,
            ["_shards"] = JsonNode.Parse("""{"total":1,"successful":1,"skipped":0,"failed":0}"""),
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = total, ["relation"] = "eq" },
                ["max_score"] = null,
                ["hits"] = new JsonArray(hits.Select(h => (JsonNode?)h).ToArray()),
            },
        };
        if (aggregations is not null) body["aggregations"] = aggregations;
        return body.ToJsonString();
    }

    /// <summary>A terms aggregation result: "sterms" for keyword fields, "lterms" for numbers.</summary>
    public static KeyValuePair<string, JsonNode?> Terms(string name, params (object Key, long Count)[] buckets) =>
        KeyValuePair.Create((buckets.Length > 0 && buckets[0].Key is long or int ? "lterms#" : "sterms#") + name, (JsonNode?)new JsonObject
        {
            ["doc_count_error_upper_bound"] = 0,
            ["sum_other_doc_count"] = 0,
            ["buckets"] = new JsonArray(buckets.Select(b => (JsonNode?)new JsonObject
            {
                ["key"] = JsonSerializer.SerializeToNode(b.Key),
                ["doc_count"] = b.Count,
            }).ToArray()),
        });

    /// <summary>A bulk answer: one item per (operation, id, status).</summary>
    public static string Bulk(params (string Op, string Id, int Status)[] items) =>
        new JsonObject
        {
            ["took"] = 3,
            ["errors"] = items.Any(i => i.Status >= 300),
            ["items"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject
            {
                [i.Op] = i.Status < 300 || (i.Op == "delete" && i.Status == 404)
                    ? new JsonObject { ["_index"] = "registry-tasks-v1", ["_id"] = i.Id, ["status"] = i.Status, ["result"] = i.Status == 404 ? "not_found" : "created" }
                    : new JsonObject
                    {
                        ["_index"] = "registry-tasks-v1", ["_id"] = i.Id, ["status"] = i.Status,
                        ["error"] = new JsonObject { ["type"] = i.Status == 429 ? "es_rejected_execution_exception" : "document_parsing_exception", ["reason"] = "rejected in test" },
                    },
            }).ToArray()),
        }.ToJsonString();
}
