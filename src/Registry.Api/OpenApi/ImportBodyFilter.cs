using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.OpenApi;

/// <summary>The import endpoint reads its body itself; this documents the file body it accepts.</summary>
internal sealed class ImportBodyFilter : IOperationFilter
{
    private static readonly string[] RawTypes =
    [
        "application/x-ndjson", "application/jsonl", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != ImportsApi.StartImportName) return;

        var content = new Dictionary<string, IOpenApiMediaType>();
        foreach (var type in RawTypes)
        {
            content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        }

        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The .jsonl, .csv or .xlsx file." },
                },
            },
        };
        operation.RequestBody = new OpenApiRequestBody { Required = true, Description = "The file to import.", Content = content };
    }
}
