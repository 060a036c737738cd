using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Search.Lucene;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// The JSON sent to Elasticsearch for one task: the engine-neutral <see cref="SearchDocument"/> under the shared
/// <see cref="SearchFields"/> names (text already NFC and tone-canonical, see <see cref="EsIndexDefinition"/>),
/// plus the public record itself under <see cref="F.Source"/>, stored but not indexed.
/// </summary>
internal sealed record EsTaskDocument
{
    [JsonPropertyName(F.Id)] public required string Id { get; init; }
    [JsonPropertyName(F.Code)] public required string Code { get; init; }
    [JsonPropertyName(F.CodeKey)] public required string CodeKey { get; init; }
    [JsonPropertyName(F.Title)] public required string Title { get; init; }
    [JsonPropertyName(F.Keywords)] public required IReadOnlyList<string> Keywords { get; init; }
    [JsonPropertyName(F.Summary)] public required string Summary { get; init; }
    [JsonPropertyName(F.Body)] public required IReadOnlyList<string> Body { get; init; }
    [JsonPropertyName(F.OrganizationId)] public string? OrganizationId { get; init; }
    [JsonPropertyName(F.OrganizationName)] public string? OrganizationName { get; init; }
    [JsonPropertyName(TextLayout.Places)] public required IReadOnlyList<string> Places { get; init; }
    [JsonPropertyName(F.OrganizationFacet)] public string? OrganizationFacet { get; init; }
    [JsonPropertyName(F.FieldPrefix)] public required IReadOnlyList<string> FieldPrefixes { get; init; }
    [JsonPropertyName(F.FieldLevel1)] public required IReadOnlyList<string> FieldsLevel1 { get; init; }
    [JsonPropertyName(F.Sector)] public required IReadOnlyList<string> Sectors { get; init; }
    [JsonPropertyName(F.Level)] public string? Level { get; init; }
    [JsonPropertyName(F.Kind)] public string? Kind { get; init; }
    [JsonPropertyName(F.Status)] public string? Status { get; init; }
    [JsonPropertyName(F.StartYear)] public int? StartYear { get; init; }
    [JsonPropertyName(F.StartDay)] public int? StartDay { get; init; }
    [JsonPropertyName(F.EndDay)] public int? EndDay { get; init; }
    [JsonPropertyName(F.BudgetTotal)] public long? BudgetTotal { get; init; }
    [JsonPropertyName(F.Transferable)] public bool Transferable { get; init; }
    [JsonPropertyName(F.UpdatedAt)] public long UpdatedAtMs { get; init; }
    [JsonPropertyName(F.Suggest)] public required IReadOnlyList<string> Suggest { get; init; }
    [JsonPropertyName(F.Source)] public required JsonElement Source { get; init; }

    public static EsTaskDocument From(SearchDocument d) => new()
    {
        Id = d.Id,
        Code = d.Code,
        CodeKey = d.CodeKey,
        Title = d.Title,
        Keywords = d.Keywords,
        Summary = d.Summary,
        Body = d.Body,
        OrganizationId = d.OrganizationId,
        OrganizationName = d.OrganizationName,
        Places = d.Places,
        OrganizationFacet = d.OrganizationFacet,
        FieldPrefixes = d.FieldPrefixes,
        FieldsLevel1 = d.FieldsLevel1,
        Sectors = d.Sectors,
        Level = d.Level,
        Kind = d.Kind,
        Status = d.Status,
        StartYear = d.StartYear,
        StartDay = d.StartDay,
        EndDay = d.EndDay,
        BudgetTotal = d.BudgetTotal,
        Transferable = d.Transferable,
        UpdatedAtMs = d.UpdatedAtMs,
        // The same "folded words␟display␟source" terms as the Lucene engine, so suggestions behave alike. The title
        // term shares the one keyword field here: Lucene keeps it apart only for its in-memory phrase structure,
        // and one field keeps the strict mapping of existing indexes valid.
        Suggest = LuceneDocumentMapper.SuggestTerms(d).Select(t => t.Term).ToList(),
        Source = JsonDocument.Parse(d.SourceJson).RootElement.Clone(),
    };
}

/// <summary>What a search reads back from a hit: only the stored public record.</summary>
internal sealed record EsStoredRecord
{
    [JsonPropertyName(F.Source)] public JsonElement Source { get; init; }
}
