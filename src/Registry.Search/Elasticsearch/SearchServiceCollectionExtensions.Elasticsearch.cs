using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Search.Elasticsearch;

namespace Registry.Search;

public static partial class SearchServiceCollectionExtensions
{
    /// <summary>Selected by <c>Registry:Search:Provider=Elasticsearch</c> in <see cref="AddRegistrySearch"/>.</summary>
    static partial void AddElasticsearchEngine(IServiceCollection services, IConfiguration configuration, ref bool added)
    {
        services.AddRegistryElasticsearch(configuration);
        added = true;
    }
}
