using Microsoft.AspNetCore.OutputCaching;
using Registry.Search.Indexing;

namespace Registry.Api.Http;

/// <summary>
/// Evicts the public output cache whenever the index changes (the outbox indexer, a rebuild, the start-up
/// reconciliation): those writes happen outside a request, so <see cref="WriteEviction"/> never sees them.
/// </summary>
internal sealed class SearchIndexCacheEviction(IOutputCacheStore cache) : ISearchIndexChangeListener
{
    public ValueTask IndexChangedAsync() => cache.EvictByTagAsync(HttpCaching.PublicTag, CancellationToken.None);
}
