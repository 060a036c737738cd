using Microsoft.AspNetCore.OutputCaching;
using Registry.Api.Http;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>
/// Evicts the public output cache whenever the index changes (the outbox indexer, a rebuild), so a search cached
/// just before the indexer caught up with a write does not outlive the change.
/// </summary>
internal sealed class CacheEvictingSearchIndex(ISearchIndex inner, IOutputCacheStore cache) : ISearchIndex
{
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);

    public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);

    public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);

    public async Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default)
    {
        await inner.UpsertAsync(records, ct);
        await Evict();
    }

    public async Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        await inner.RemoveAsync(ids, ct);
        await Evict();
    }

    public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);

    public async Task ResetAsync(CancellationToken ct = default)
    {
        await inner.ResetAsync(ct);
        await Evict();
    }

    public async Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) =>
        new EvictingBuild(await inner.BeginRebuildAsync(ct), Evict);

    private ValueTask Evict() => cache.EvictByTagAsync(HttpCaching.PublicTag, CancellationToken.None);

    private sealed class EvictingBuild(ISearchIndexBuild inner, Func<ValueTask> evict) : ISearchIndexBuild
    {
        public Task AddAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.AddAsync(records, ct);

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            await inner.CompleteAsync(ct);
            await evict();
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

internal static class SearchIndexCacheEviction
{
    /// <summary>Wraps the registered engine; call after <c>AddRegistrySearch</c>.</summary>
    public static IServiceCollection AddSearchIndexCacheEviction(this IServiceCollection services)
    {
        var engine = services.LastOrDefault(d => d.ServiceType == typeof(ISearchIndex));
        if (engine is null) return services;

        services.Remove(engine);
        services.Add(new ServiceDescriptor(typeof(ISearchIndex), sp =>
            new CacheEvictingSearchIndex(Resolve(sp, engine), sp.GetRequiredService<IOutputCacheStore>()), engine.Lifetime));
        return services;
    }

    private static ISearchIndex Resolve(IServiceProvider sp, ServiceDescriptor engine) => (ISearchIndex)(
        engine.ImplementationInstance
        ?? engine.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, engine.ImplementationType!));
}
