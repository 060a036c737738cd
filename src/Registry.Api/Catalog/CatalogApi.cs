using Registry.Api.Catalog;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The catalogue resources: organizations, fields, statistics, coverage, changes, task outputs.</summary>
public static class CatalogApi
{
    /// <summary>Maps the catalogue endpoints under <paramref name="v1"/> (<c>/api/v{version}</c>).</summary>
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder v1)
    {
        v1.MapOrganizationsApi();
        v1.MapStatisticsApi();
        Registry.Api.Coverage.CoverageApi.MapCoverageApi(v1);
        v1.MapChangesApi();
        return v1;
    }

    /// <summary>The catalogue's OpenAPI additions (parameter examples). The read services come with AddRegistryData.</summary>
    public static IServiceCollection AddRegistryCatalogApi(this IServiceCollection services)
    {
        services.Configure<SwaggerGenOptions>(o => o.OperationFilter<CatalogParameterExamples>());
        return services;
    }
}
