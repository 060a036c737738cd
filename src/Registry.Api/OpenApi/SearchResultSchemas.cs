using Microsoft.OpenApi;
using Registry.Api.Search;
using Registry.Data.Records;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.OpenApi;

/// <summary>
/// Search and related results are written as JSON objects (a record restricted by <c>select</c>, plus
/// <c>highlights</c>), which the generator would describe as a .NET <c>JsonNode</c>. They are the public record v1:
/// this points them at <see cref="SchemaId"/>, built from the TaskRecord schema with every property optional.
/// </summary>
internal sealed class SearchResultSchemaFilter : ISchemaFilter
{
    public const string SchemaId = "TaskSearchResult";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(TaskSearchResponse) && context.Type != typeof(RelatedResponse)) return;
        if (schema is not OpenApiSchema concrete || concrete.Properties is null) return;
        if (!concrete.Properties.TryGetValue("results", out var results) || results is not OpenApiSchema array) return;
        context.SchemaGenerator.GenerateSchema(typeof(TaskRecord), context.SchemaRepository);
        array.Items = new OpenApiSchemaReference(SchemaId, null);
        array.Type = JsonSchemaType.Array;
    }
}

/// <summary>
/// Completes the document: <see cref="SearchResultSchemaFilter.SchemaId"/> (the TaskRecord properties, all optional,
/// without the input-only classification, plus highlights), no leftover JsonNode schemas, and a description per tag.
/// </summary>
internal sealed class ContractDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Tasks"] = "Tìm kiếm, đọc và cập nhật nhiệm vụ (search, read and curate tasks; writes need a curator key).",
        ["Organizations"] = "Tổ chức chủ trì và nhiệm vụ của họ (host organizations and their tasks).",
        ["Search"] = "Gợi ý và mô tả bộ lọc (suggestions and the description of every filter and sort).",
        ["Statistics"] = "Danh mục lĩnh vực, thống kê và mức độ công bố (fields of science, statistics, publication coverage).",
        ["Changes"] = "Đồng bộ tăng dần và kết quả của nhiệm vụ (incremental sync and task outputs).",
        ["Imports"] = "Nhập tệp JSON Lines, CSV hoặc Excel (imports; curator key).",
        ["API keys"] = "Quản lý khóa API (API key management; admin key).",
        ["Health"] = "Tình trạng dịch vụ (liveness and readiness).",
        ["Open data"] = "Feed, OAI-PMH, DCAT-AP, JSON-LD, bản sao toàn bộ, nhúng và oEmbed (feeds, harvesting, catalogue, snapshots, embeds).",
        ["Reference"] = "Các trang mà tài liệu này trỏ đến: loại lỗi và giấy phép (the pages this document points to: problem types and the licence).",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = context.SchemaRepository.Schemas;
        if (schemas.TryGetValue(nameof(TaskRecord), out var record) && record is OpenApiSchema taskRecord)
        {
            schemas[SearchResultSchemaFilter.SchemaId] = SearchResult(taskRecord);
        }

        foreach (var leaked in new[] { "JsonNode", "JsonNodeOptions" }) schemas.Remove(leaked);

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text)) tag.Description = text;
        }
    }

    private static OpenApiSchema SearchResult(OpenApiSchema record)
    {
        var properties = record.Properties!
            .Where(p => p.Key != "securityClassification")
            .ToDictionary(p => p.Key, p => p.Value);
        properties["highlights"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Với highlight=true: đoạn trích có <mark> của title và summary khớp từ tìm (with highlight=true: <mark> snippets of the matching title and summary).",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Bản ghi công khai v1 trong kết quả tìm kiếm: chỉ các trường select (luôn có id), mọi trường đều có thể vắng " +
                "(a public record v1 as a search result: only the select fields, id always; every property may be absent).",
            Properties = properties,
            Required = new HashSet<string> { "id" },
            AdditionalPropertiesAllowed = false,
        };
    }
}
