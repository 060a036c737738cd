using Registry.Data.Catalog;
using Registry.Search.Indexing;

namespace Registry.Api.Feeds.Dcat;

/// <summary>
/// <see cref="CatalogFacts"/> read once and shared by the catalogue and the home page, which are not output-cached
/// (only <c>/api</c> is) and would otherwise read every public record on each request (1.5 s for 2,286 demo tasks on
/// a loaded machine). Forgotten when the index changes (a task published, changed or withdrawn), and after
/// <see cref="Lifetime"/> in any case, since with several instances on one Elasticsearch cluster this instance is
/// not told about changes another instance indexes.
/// </summary>
public sealed class CatalogFactsCache(IServiceScopeFactory scopes, TimeProvider clock) : ISearchIndexChangeListener
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private Task<CatalogFacts>? _facts;
    private DateTimeOffset _readAt;
    private long _generation;
    private long _factsGeneration = -1;

    public Task<CatalogFacts> GetAsync()
    {
        lock (_gate)
        {
            if (_facts is { IsFaulted: false, IsCanceled: false } facts && _factsGeneration == _generation && clock.GetUtcNow() - _readAt < Lifetime)
                return facts;
            // A read started before a change may miss it: it keeps the generation it started in, so the next
            // request after the change reads again.
            _readAt = clock.GetUtcNow();
            _factsGeneration = _generation;
            return _facts = ReadAsync();
        }
    }

    public ValueTask IndexChangedAsync()
    {
        lock (_gate) _generation++;
        return ValueTask.CompletedTask;
    }

    /// <summary>One read for every request waiting on it, so no request's cancellation may end it.</summary>
    private async Task<CatalogFacts> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CatalogFacts.ReadAsync(scope.ServiceProvider.GetRequiredService<IPublicCatalog>(), CancellationToken.None);
    }
}
