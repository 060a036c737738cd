using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Indexing;

/// <summary>The engine, with every <see cref="ISearchIndexChangeListener"/> told after each change it writes.</summary>
internal sealed class NotifyingSearchIndex(ISearchIndex inner, IReadOnlyList<ISearchIndexChangeListener> listeners) : ISearchIndex
{
    /// <summary>The engine as registered: wrapped when the host listens for changes, else the engine itself.</summary>
    public static ISearchIndex Wrap(ISearchIndex engine, IServiceProvider services) =>
        services.GetServices<ISearchIndexChangeListener>().ToList() is { Count: > 0 } listeners
            ? new NotifyingSearchIndex(engine, listeners)
            : engine;

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);

    public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);

    public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);

    public async Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default)
    {
        await inner.UpsertAsync(records, ct);
        await Changed();
    }

    public async Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        await inner.RemoveAsync(ids, ct);
        await Changed();
    }

    public async Task ApplyAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default)
    {
        await inner.ApplyAsync(upserts, removals, ct);
        await Changed();
    }

    /// <summary>Not searchable yet, so listeners hear of it at the refresh (a cache evicted now could be filled
    /// again with the old results before the reopen).</summary>
    public Task WriteAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
        inner.WriteAsync(upserts, removals, ct);

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await inner.RefreshAsync(ct);
        await Changed();
    }

    public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);

    public async Task ResetAsync(CancellationToken ct = default)
    {
        await inner.ResetAsync(ct);
        await Changed();
    }

    public async Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) =>
        new NotifyingBuild(await inner.BeginRebuildAsync(ct), Changed);

    private async ValueTask Changed()
    {
        foreach (var listener in listeners) await listener.IndexChangedAsync();
    }

    private sealed class NotifyingBuild(ISearchIndexBuild inner, Func<ValueTask> changed) : ISearchIndexBuild
    {
        public Task AddAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.AddAsync(records, ct);

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            await inner.CompleteAsync(ct);
            await changed();
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
