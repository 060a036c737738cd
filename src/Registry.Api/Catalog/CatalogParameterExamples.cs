using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.Catalog;

/// <summary>Puts an example on every query parameter of the catalogue operations, so Swagger UI is fillable at a glance.</summary>
internal sealed class CatalogParameterExamples : IOperationFilter
{
    private static readonly Dictionary<string, Dictionary<string, JsonNode>> Examples = new()
    {
        ["ListOrganizations"] = new() { ["q"] = "hung vuong", ["pageSize"] = 25 },
        ["GetOrganization"] = new() { ["id"] = "o0123456789ab" },
        ["ListOrganizationTasks"] = new() { ["id"] = "o0123456789ab", ["pageSize"] = 25 },
        ["GetStatistics"] = new() { ["groupBy"] = "field", ["yearFrom"] = 2020, ["yearTo"] = 2025, ["field"] = "4" },
        ["GetCoverage"] = new() { ["year"] = 2024 },
        ["ListChanges"] = new() { ["pageSize"] = 1000 },
        ["ListTaskOutputs"] = new() { ["id"] = "t0123456789ab" },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is not { } id || !Examples.TryGetValue(id, out var examples) || operation.Parameters is null) return;
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && examples.TryGetValue(name, out var example)) parameter.Example = example.DeepClone();
        }
    }
}
