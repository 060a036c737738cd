using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.Http;

/// <summary>Documents the query parameters declared with <c>WithQueryParameters</c> (read by hand, so invisible to the API explorer).</summary>
internal sealed class DeclaredQueryParametersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DeclaredQueryParameters>().SelectMany(d => d.Parameters).ToList();
        if (declared.Count == 0) return;

        operation.Parameters ??= [];
        foreach (var p in declared)
        {
            if (operation.Parameters.Any(existing => existing.Name == p.Name)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = p.Name,
                In = ParameterLocation.Query,
                Description = p.Description,
                Required = false,
                Schema = new OpenApiSchema { Type = p.Type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String } },
                Example = p.Example is null ? null : JsonValue.Create(p.Example),
            });
        }
    }
}
