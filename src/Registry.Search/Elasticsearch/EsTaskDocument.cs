using System.Text.Json;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Registry.Data.Records;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// The JSON sent to Elasticsearch for one task, written from the declaration (<see cref="IndexFields"/>) so it
/// always fits the mapping of <see cref="EsIndexDefinition"/>: text already NFC and tone-canonical, keywords and
/// numbers as declared (a field of many values as an array, an absent value left out), and the public record
/// itself under <see cref="F.Source"/>, stored but not indexed.
/// </summary>
internal static class EsTaskDocument
{
    /// <summary>The bulk line pair that indexes one published record under its id.</summary>
    public static IBulkOperation IndexOperation(TaskRecord record)
    {
        var document = SearchDocument.From(record);
        return new BulkIndexOperation<JsonObject>(From(document)) { Id = document.Id };
    }

    public static JsonObject From(SearchDocument d)
    {
        var doc = new JsonObject();
        foreach (var field in IndexFields.All)
        {
            if (field.MultiValued) Append(doc, field.ElasticsearchName, field.Strings(d));
            else if (Value(field, d) is { } value) doc[field.ElasticsearchName] = value;
        }
        return doc;
    }

    private static JsonNode? Value(IndexField field, SearchDocument d)
    {
        if (field.IsNumeric) return field.Number(d) is { } n ? JsonValue.Create(n) : null;
        if (field.Kind == IndexFieldKind.Boolean) return JsonValue.Create(field.Flag(d));
        var values = field.Strings(d);
        if (values.Count == 0) return null;
        return field.Kind == IndexFieldKind.Source ? JsonNode.Parse(values[0]) : JsonValue.Create(values[0]);
    }

    /// <summary>A field of many values is always an array, empty included. A Lucene-only split of a field
    /// (<see cref="IndexField.ElasticsearchName"/>) shares its array, in declaration order.</summary>
    private static void Append(JsonObject doc, string name, IReadOnlyList<string> values)
    {
        if (doc[name] is not JsonArray array) doc[name] = array = [];
        foreach (var v in values) array.Add(JsonValue.Create(v));
    }
}

/// <summary>What a search reads back from a hit: only the stored public record.</summary>
internal sealed record EsStoredRecord
{
    [JsonPropertyName(F.Source)] public JsonElement Source { get; init; }
}
