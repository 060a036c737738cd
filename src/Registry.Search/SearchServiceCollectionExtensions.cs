using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Search.Indexing;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Search;

public static partial class SearchServiceCollectionExtensions
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
        switch (provider)
        {
            case SearchProvider.Lucene:
                services.AddSingleton<LuceneSearchIndex>();
                services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
                services.AddSingleton<ISearchIndexInventory>(sp => sp.GetRequiredService<LuceneSearchIndex>());
                services.AddScoped<SearchIndexReconciler>();
                break;
            case SearchProvider.Elasticsearch:
                var added = false;
                AddElasticsearchEngine(services, configuration, ref added);
                if (!added)
                    throw new InvalidOperationException("Registry:Search:Provider is Elasticsearch, but this build has no Elasticsearch engine.");
                break;
        }
        services.AddScoped<SearchReindexer>();
        services.AddSingleton<SearchIndexState>();
        services.AddHostedService<OutboxIndexer>();
        return services;
    }

    /// <summary>
    /// The Elasticsearch engine registers itself here (implement this partial method in the Elasticsearch folder:
    /// register <see cref="ISearchIndex"/> from <c>Registry:Search:Elasticsearch:Url</c> and <c>IndexPrefix</c>, set
    /// <paramref name="added"/>).
    /// </summary>
    static partial void AddElasticsearchEngine(IServiceCollection services, IConfiguration configuration, ref bool added);
}
