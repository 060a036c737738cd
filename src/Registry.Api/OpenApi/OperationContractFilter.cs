using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Registry.Api.Http;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.OpenApi;

/// <summary>
/// What every operation states beyond its handler's signature: <c>security: []</c> when it is public (curator
/// operations get the API-key requirement from <see cref="ApiKeyOperationFilter"/>), 304 with the
/// <c>If-None-Match</c> header where conditional GET applies, and <c>text/html</c> where a browser gets a page.
/// </summary>
internal sealed class OperationContractFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any()) operation.Security = [];

        if (ConditionalGet(description.HttpMethod, description.RelativePath, metadata) is { } conditional) DocumentConditionalGet(operation, conditional);
        DocumentUntypedBodies(operation, description);
        if (metadata.OfType<ServesHtml>().Any()) DocumentHtml(operation);
        DocumentEdgeProblems(operation, context, description.RelativePath);
    }

    /// <summary>
    /// Problems the HTTP edge answers before any handler: 400 for control characters in the path, query or form
    /// (<see cref="UnsafeTextGuard"/>, every request) and 429 from the rate limiter (all but /health and /swagger).
    /// </summary>
    private static void DocumentEdgeProblems(OpenApiOperation operation, OperationFilterContext context, string? path)
    {
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        if (!operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = ProblemResponse(problem,
                "Yêu cầu không hợp lệ, ví dụ có ký tự điều khiển trong địa chỉ hoặc tham số (bad request, e.g. control characters in the path or a parameter).");
        }

        var limited = path is null || !path.StartsWith("health/", StringComparison.OrdinalIgnoreCase);
        if (limited && !operation.Responses.ContainsKey("429"))
        {
            var tooMany = ProblemResponse(problem, "Quá nhiều yêu cầu; chờ theo Retry-After (too many requests; wait as Retry-After says).");
            tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Số giây cần chờ (seconds to wait).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
            operation.Responses["429"] = tooMany;
        }
    }

    private static OpenApiResponse ProblemResponse(IOpenApiSchema problem, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
    };

    /// <summary>
    /// Public GETs under /api get a strong ETag and 304 from the ETag middleware unless they stream
    /// (<see cref="ConditionalGetMiddleware"/>); other endpoints declare it with <see cref="AnswersConditionalGet"/>.
    /// </summary>
    private static AnswersConditionalGet? ConditionalGet(string? method, string? path, IList<object> metadata)
    {
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)) return null;
        if (metadata.OfType<AnswersConditionalGet>().FirstOrDefault() is { } declared) return declared;
        var underApi = path is not null && path.StartsWith("api/", StringComparison.OrdinalIgnoreCase);
        var isPublic = !metadata.OfType<IAuthorizeData>().Any();
        return underApi && isPublic && !metadata.OfType<StreamedResponse>().Any() && !metadata.OfType<NeverCachedResponse>().Any()
            ? new AnswersConditionalGet(false) : null;
    }

    private static void DocumentConditionalGet(OpenApiOperation operation, AnswersConditionalGet conditional)
    {
        operation.Parameters ??= [];
        AddHeader(operation, "If-None-Match", "ETag của lần đọc trước; khớp thì trả 304 không có nội dung (the ETag you read before; a match answers 304 with no body).", "\"42\"");
        if (conditional.ModifiedSince)
        {
            AddHeader(operation, "If-Modified-Since", "Thời điểm của lần đọc trước (HTTP date); không có gì mới thì trả 304 (the Last-Modified you read before; nothing newer answers 304).",
                "Mon, 07 Dec 2026 08:00:00 GMT");
        }

        operation.Responses ??= [];
        operation.Responses["304"] = new OpenApiResponse
        {
            Description = "Không thay đổi so với lần đọc trước (not modified since the ETag or date you sent); no body.",
        };
        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "Thẻ phiên bản mạnh; gửi lại trong If-None-Match (strong entity tag; send it back in If-None-Match).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description, string example)
    {
        if (operation.Parameters!.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return;
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = System.Text.Json.Nodes.JsonValue.Create(example),
        });
    }

    /// <summary>
    /// Bodies declared by media type only (feeds, XML, Turtle, CSV, gzip, JSON-LD), which the generator leaves without
    /// content: each gets its media type with a schema saying what kind of document it is.
    /// </summary>
    private static void DocumentUntypedBodies(OpenApiOperation operation, Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        if (operation.Responses is null) return;
        // The API explorer drops the media types of a declaration without a body type; the endpoint metadata keeps them.
        var declarations = description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>();
        foreach (var declared in declarations)
        {
            var key = declared.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var found) || found is not OpenApiResponse response) continue;
            foreach (var mediaType in declared.ContentTypes)
            {
                response.Content ??= new Dictionary<string, IOpenApiMediaType>();
                if (response.Content.ContainsKey(mediaType)) continue;
                response.Content[mediaType] = new OpenApiMediaType { Schema = UntypedSchema(mediaType) };
            }
        }
    }

    private static OpenApiSchema UntypedSchema(string mediaType) => mediaType switch
    {
        "application/gzip" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "gzip JSON Lines: one public record v1 per line." },
        "application/vnd.citationstyles.csl+json" => new OpenApiSchema
        {
            Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object },
            Description = "CSL-JSON: an array of CSL items, valid against https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json.",
        },
        _ when mediaType.Contains("ndjson", StringComparison.Ordinal) || mediaType.Contains("jsonl", StringComparison.Ordinal) =>
            new OpenApiSchema { Type = JsonSchemaType.String, Description = "JSON Lines: one public record v1 per line." },
        _ when mediaType.EndsWith("json", StringComparison.Ordinal) => new OpenApiSchema { Type = JsonSchemaType.Object, Description = $"A {mediaType} document." },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, Description = $"A {mediaType} document." },
    };

    private static void DocumentHtml(OpenApiOperation operation)
    {
        if (operation.Responses is null) return;
        foreach (var status in new[] { "200", "404" })
        {
            if (!operation.Responses.TryGetValue(status, out var found) || found is not OpenApiResponse response) continue;
            response.Content ??= new Dictionary<string, IOpenApiMediaType>();
            response.Content["text/html"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Trang HTML, tiếng Việt trước (an HTML page, Vietnamese unless lang=en)." },
            };
        }
    }
}
