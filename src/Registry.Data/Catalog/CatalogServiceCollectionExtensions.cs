using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registry.Data.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// The public read services over the store (catalogue, organizations, statistics, coverage, change feed). Called by
    /// <c>AddRegistryData</c>; each operation opens its own short-lived context, so they are singletons.
    /// </summary>
    public static IServiceCollection AddRegistryCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPublicCatalog, PublicCatalog>();
        services.TryAddSingleton<IOrganizationDirectory, OrganizationDirectory>();
        services.TryAddSingleton<ITaskStatistics, TaskStatistics>();
        services.TryAddSingleton<ICoverageReport, CoverageReportService>();
        services.TryAddSingleton<IChangeFeed, ChangeFeed>();
        return services;
    }
}
