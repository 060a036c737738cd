using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Search.Elasticsearch;
using Registry.Search.Indexing;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine chosen by <c>Registry:Search:Provider</c> as the singleton <see cref="ISearchIndex"/>,
    /// the outbox indexer as a hosted service and <see cref="SearchReindexer"/>. Options are validated on start.
    /// The host must also register <c>IOutboxStore</c> and <c>ITaskCatalog</c> (Registry.Data) and should set
    /// <c>Registry:Search:IndexDirectory</c> to <c>&lt;DataDirectory&gt;/index</c> when none is configured.
    /// </summary>
    public static IServiceCollection AddRegistrySearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var provider = configuration.GetSection(SearchOptions.Section).GetValue(nameof(SearchOptions.Provider), SearchProvider.Lucene);
        if (provider == SearchProvider.Elasticsearch)
        {
            services.AddRegistryElasticsearch(configuration);
        }
        else
        {
            services.AddSingleton<LuceneSearchIndex>();
            services.AddSingleton(sp => NotifyingSearchIndex.Wrap(sp.GetRequiredService<LuceneSearchIndex>(), sp));
            services.AddSingleton<ISearchIndexInventory>(sp => sp.GetRequiredService<LuceneSearchIndex>());
            services.AddScoped<SearchIndexReconciler>();
        }
        services.AddScoped<SearchReindexer>();
        services.AddSingleton<SearchIndexState>();
        services.AddHostedService<OutboxIndexer>();
        return services;
    }

    /// <summary>
    /// For a server host: brings the index in line with the store after each start (<see cref="SearchIndexBootstrap"/>).
    /// Call after <see cref="AddRegistrySearch"/>.
    /// </summary>
    public static IServiceCollection AddSearchIndexBootstrap(this IServiceCollection services) =>
        services.AddHostedService<SearchIndexBootstrap>();

    /// <summary>Tells <typeparamref name="TListener"/> after every change of the index's content.</summary>
    public static IServiceCollection AddSearchIndexChangeListener<TListener>(this IServiceCollection services)
        where TListener : class, ISearchIndexChangeListener =>
        services.AddSingleton<ISearchIndexChangeListener, TListener>();
}
