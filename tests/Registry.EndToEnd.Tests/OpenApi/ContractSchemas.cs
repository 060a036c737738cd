using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Registry.EndToEnd.Tests.OpenApi;

/// <summary>
/// The response schemas of the served OpenAPI 3.0 document as JSON Schema 2020-12, checked by JsonSchema.Net (a
/// validator nobody here wrote). OpenAPI 3.0 schemas are a dialect: the only translation done here is the one the
/// OpenAPI specification defines — <c>nullable: true</c> adds <c>null</c> to the type, and component references
/// become <c>$defs</c> references. Formats are asserted.
/// </summary>
public sealed class ContractSchemas
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly JsonObject _document;
    private readonly JsonObject _defs;

    public ContractSchemas(string openApiJson)
    {
        _document = JsonNode.Parse(openApiJson)!.AsObject();
        _defs = new JsonObject();
        foreach (var (name, schema) in _document["components"]!["schemas"]!.AsObject())
        {
            _defs[name] = ToJsonSchema(schema!);
        }
    }

    public JsonObject Document => _document;

    /// <summary>Path and method of an operation, by its operationId.</summary>
    public (string Path, string Method, JsonObject Operation) Operation(string operationId)
    {
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject o && o["operationId"]?.GetValue<string>() == operationId) return (path, method, o);
            }
        }

        throw new KeyNotFoundException($"No operation {operationId} in the contract.");
    }

    /// <summary>The schema declared for (<paramref name="operationId"/>, status, media type), or why there is none.</summary>
    public (JsonSchema? Schema, string? Missing) ResponseSchema(string operationId, int status, string mediaType)
    {
        var (path, method, operation) = Operation(operationId);
        var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (response is null) return (null, $"{method.ToUpperInvariant()} {path} does not declare {status}");
        var content = response["content"]?[mediaType];
        if (content is null)
        {
            var declared = string.Join(", ", response["content"]?.AsObject().Select(c => c.Key) ?? []);
            return (null, $"{method.ToUpperInvariant()} {path} {status} does not declare {mediaType} (declares: {declared})");
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://contract.registry.test/{Guid.NewGuid():N}",
            ["$defs"] = _defs.DeepClone(),
            ["allOf"] = new JsonArray(ToJsonSchema(content["schema"]!)),
        };
        return (JsonSchema.FromText(root.ToJsonString()), null);
    }

    /// <summary>Validates <paramref name="instance"/>; the messages say where and why it does not fit, empty when it does.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, JsonElement instance)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no detail)")
            .ToList();
    }

    /// <summary>One OpenAPI 3.0 schema object as JSON Schema 2020-12, walked by keyword so property names are never taken for keywords.</summary>
    internal static JsonNode ToJsonSchema(JsonNode schema)
    {
        if (schema is not JsonObject source) return schema.DeepClone();
        var target = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (value is null) { target[key] = null; continue; }
            target[key] = key switch
            {
                "$ref" => RefOf(value.GetValue<string>()),
                "properties" or "patternProperties" => MapValues(value.AsObject()),
                "items" or "additionalProperties" or "not" => ToJsonSchema(value),
                "allOf" or "anyOf" or "oneOf" => new JsonArray(value.AsArray().Select(s => (JsonNode?)ToJsonSchema(s!)).ToArray()),
                "nullable" => null,
                _ => value.DeepClone(),
            };
        }

        target.Remove("nullable");
        if (source["nullable"]?.GetValue<bool>() != true) return target;
        if (target["type"] is JsonValue type)
        {
            target["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (target["enum"] is JsonArray values) values.Add(null);
            return target;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, target) };
    }

    private static JsonObject MapValues(JsonObject properties)
    {
        var mapped = new JsonObject();
        foreach (var (name, schema) in properties) mapped[name] = schema is null ? null : ToJsonSchema(schema);
        return mapped;
    }

    private static string RefOf(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? "#/$defs/" + reference[ComponentPrefix.Length..]
            : throw new InvalidOperationException($"Unexpected reference {reference}");
}
