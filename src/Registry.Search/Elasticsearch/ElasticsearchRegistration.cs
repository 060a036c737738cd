using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Search.Indexing;
using Registry.Search.Model;

namespace Registry.Search.Elasticsearch;

public static class ElasticsearchRegistration
{
    /// <summary>
    /// Registers the Elasticsearch engine as <see cref="ISearchIndex"/>: options bound from
    /// <c>Registry:Search:Elasticsearch</c> and validated at start (a missing Url stops the host with a message
    /// saying which key to set), one shared client, and a start-up step that creates the first index and alias.
    /// <see cref="SearchServiceCollectionExtensions.AddRegistrySearch"/> calls it when <c>Registry:Search:Provider</c> is
    /// <c>Elasticsearch</c>.
    /// </summary>
    public static IServiceCollection AddRegistryElasticsearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ElasticsearchOptions>()
            .Bind(configuration.GetSection(ElasticsearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value));
        services.AddSingleton(sp => new ElasticsearchSearchIndex(
            sp.GetRequiredService<ElasticsearchClient>(),
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<ElasticsearchSearchIndex>>()));
        services.AddSingleton(sp => NotifyingSearchIndex.Wrap(sp.GetRequiredService<ElasticsearchSearchIndex>(), sp));
        services.AddHostedService<ElasticsearchStartup>();
        return services;
    }

    /// <summary>The client for the configured cluster; tests pass an in-memory <paramref name="invoker"/>.</summary>
    public static ElasticsearchClient CreateClient(ElasticsearchOptions options, IRequestInvoker? invoker = null,
        Action<ElasticsearchClientSettings>? configure = null)
    {
        var url = options.ClusterUrl
            ?? throw new OptionsValidationException(ElasticsearchOptions.Section, typeof(ElasticsearchOptions), [ElasticsearchOptions.UrlMessage]);
        var pool = new SingleNodePool(url);
        var settings = invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker);
        settings.RequestTimeout(options.RequestTimeout);
        if (!string.IsNullOrEmpty(options.ApiKey)) settings.Authentication(new ApiKey(options.ApiKey));
        else if (!string.IsNullOrEmpty(options.Username)) settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        configure?.Invoke(settings);
        return new ElasticsearchClient(settings);
    }
}

/// <summary>
/// Creates the first index and alias at start. An unreachable cluster does not stop the host: searches fail
/// until it is back, and the indexer keeps the outbox until writes succeed, so nothing is lost.
/// </summary>
internal sealed class ElasticsearchStartup(ElasticsearchSearchIndex index, ILogger<ElasticsearchStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await index.EnsureIndexAsync(cancellationToken); }
        catch (ElasticsearchIndexException e)
        {
            logger.LogWarning(e, "Elasticsearch is not reachable at start; the alias {Alias} is checked again on first use.", index.Alias);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
