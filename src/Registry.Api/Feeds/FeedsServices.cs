using Registry.Api.Feeds;
using Registry.Api.Feeds.Dcat;
using Registry.Api.Feeds.Oai;
using Registry.Api.Feeds.Snapshots;
using Registry.Search.Indexing;

namespace Microsoft.Extensions.DependencyInjection;

public static class FeedsServices
{
    /// <summary>Feeds, OAI-PMH, catalogue, snapshots (with their background job) and embeds.</summary>
    public static IServiceCollection AddRegistryFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedsOptions>().BindConfiguration(FeedsOptions.Section)
            .PostConfigure(o => o.PublicBaseUrl ??= configuration["Registry:PublicBaseUrl"])
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<CatalogFactsCache>();
        services.AddSingleton<ISearchIndexChangeListener>(sp => sp.GetRequiredService<CatalogFactsCache>());
        services.AddSingleton<OaiEntities>();
        services.AddSingleton<OaiHandler>();
        services.AddSingleton<SnapshotWriter>();
        services.AddHostedService<SnapshotJob>();
        return services;
    }
}
