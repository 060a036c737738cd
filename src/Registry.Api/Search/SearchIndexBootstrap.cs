using Registry.Data.Abstractions;
using Registry.Search.Indexing;
using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>
/// On start, rebuilds an empty (or missing) index in the background when the store already holds published tasks,
/// e.g. a fresh clone whose database was seeded before, or an index directory that was deleted. The server answers
/// meanwhile; searches fill up when the rebuild completes.
/// </summary>
internal sealed class SearchIndexBootstrap(IServiceProvider services, ILogger<SearchIndexBootstrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
            var catalog = scope.ServiceProvider.GetRequiredService<ITaskCatalog>();
            if (await index.CountAsync(stoppingToken) > 0) return;
            var published = await catalog.CountPublishedAsync(stoppingToken);
            if (published == 0) return;

            logger.LogInformation("Chỉ mục tìm kiếm trống; đang dựng lại từ {Count} nhiệm vụ (search index empty; rebuilding from {Count} published tasks)", published, published);
            var indexed = await scope.ServiceProvider.GetRequiredService<SearchReindexer>().RebuildAsync(null, stoppingToken);
            logger.LogInformation("Đã dựng lại chỉ mục với {Count} nhiệm vụ (search index rebuilt with {Count} tasks)", indexed, indexed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The outbox indexer keeps serving new writes; an operator can run `reindex` by hand.
            logger.LogError(ex, "Background rebuild of the search index failed; run `reindex`.");
        }
    }
}
