using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Data.Abstractions;
using Registry.Search.Model;

namespace Registry.Search.Indexing;

/// <summary>
/// Brings the index in line with the store after every start, in the background (the server answers meanwhile;
/// <c>/health/ready</c> says 503 until it is done). An empty index (a fresh clone with a seeded database, a deleted
/// index directory, a damaged index the engine set aside) is rebuilt; then the embedded index is reconciled:
/// whatever a crash lost, the store's published set at its current versions is put back and nothing else is kept.
/// A server host adds it with <see cref="SearchServiceCollectionExtensions.AddSearchIndexBootstrap"/>; the
/// command-line verbs, which rebuild on request, do not.
/// </summary>
internal sealed class SearchIndexBootstrap(IServiceProvider services, SearchIndexState state, ILogger<SearchIndexBootstrap> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = services.CreateAsyncScope();
            await RebuildIfEmptyAsync(scope.ServiceProvider, stoppingToken);
            if (scope.ServiceProvider.GetService<SearchIndexReconciler>() is { } reconciler)
            {
                state.Enter(SearchIndexPhase.Reconciling);
                await reconciler.ReconcileAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The outbox indexer keeps serving new writes; the next start tries again, or an operator runs `reindex`.
            logger.LogError(ex, "Bringing the search index in line with the store failed; it is retried at the next start, or run `reindex`.");
        }
        state.Enter(SearchIndexPhase.Ready);
    }

    private async Task RebuildIfEmptyAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var index = scoped.GetRequiredService<ISearchIndex>();
        if (await index.CountAsync(ct) > 0) return;
        var published = await scoped.GetRequiredService<ITaskCatalog>().CountPublishedAsync(ct);
        if (published == 0) return;

        state.Enter(SearchIndexPhase.Rebuilding);
        logger.LogInformation("Chỉ mục tìm kiếm trống; đang dựng lại từ {Count} nhiệm vụ (search index empty; rebuilding from {Count} published tasks)", published, published);
        var indexed = await scoped.GetRequiredService<SearchReindexer>().RebuildAsync(null, ct);
        logger.LogInformation("Đã dựng lại chỉ mục với {Count} nhiệm vụ (search index rebuilt with {Count} tasks)", indexed, indexed);
    }
}
