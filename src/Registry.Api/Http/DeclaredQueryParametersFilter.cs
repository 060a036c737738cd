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
                Example = Example(p),
            });
        }
    }

    /// <summary>The example in the parameter's own type: an integer or boolean example is not a string.</summary>
    private static JsonNode? Example(QueryParameter p) => p.Example switch
    {
        null => null,
        var text when p.Type == "integer" => long.TryParse(text, out var number) ? JsonValue.Create(number)
            : throw new InvalidOperationException($"Example '{text}' of integer parameter '{p.Name}' is not an integer."),
        var text when p.Type == "boolean" => bool.TryParse(text, out var flag) ? JsonValue.Create(flag)
            : throw new InvalidOperationException($"Example '{text}' of boolean parameter '{p.Name}' is not a boolean."),
        var text => JsonValue.Create(text),
    };
}
