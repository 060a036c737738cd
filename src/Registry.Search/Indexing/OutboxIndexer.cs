using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Search.Model;

namespace Registry.Search.Indexing;

/// <summary>
/// Drains the outbox into the search engine. Items are leased under a unique owner id (safe with several API
/// instances), the current published state of each task is read from the catalogue (so the latest state wins,
/// whatever the order of changes), present tasks are upserted and the others removed, the engine is flushed
/// (one durable commit for the whole batch), and only then are the items completed: a crash at any point leaves
/// them pending, and they are applied again after the restart. When the engine fails, the items are released for a retry with exponential back-off (capped at
/// 30 s): nothing is lost, the index catches up when the engine is back.
/// </summary>
public sealed class OutboxIndexer(
    IServiceScopeFactory scopes,
    ISearchIndex index,
    IOptions<SearchOptions> options,
    TimeProvider time,
    ILogger<OutboxIndexer> logger,
    SearchIndexState? state = null) : BackgroundService
{
    private readonly SearchIndexState _state = state ?? new SearchIndexState();

    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Unique per process and instance, so leases of a crashed instance are taken over after expiry.</summary>
    public string Owner { get; } = $"indexer:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int applied;
            try
            {
                applied = await DrainOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store itself failed (not the engine): wait and try again.
                logger.LogError(e, "Reading the search outbox failed; retrying.");
                applied = 0;
            }
            if (applied <= 0) await Delay(options.Value.IndexerPollInterval, stoppingToken);
        }
    }

    /// <summary>
    /// Leases and applies one batch. Returns the number of items applied, 0 when nothing was due, or -1 when the
    /// engine failed and the batch was released for a retry.
    /// </summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var catalog = scope.ServiceProvider.GetRequiredService<ITaskCatalog>();
        var items = await outbox.LeaseAsync(Owner, options.Value.IndexerBatchSize, LeaseFor, ct);
        if (items.Count == 0) return 0;
        var sequences = items.Select(i => i.Sequence).ToList();
        try
        {
            await ApplyAsync(catalog, items.Select(i => i.TaskId).Distinct().ToList(), ct);
            await index.FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = items.Max(i => i.Attempts) + 1;
            var retryAt = time.GetUtcNow() + Backoff(attempts);
            logger.LogWarning(e, "Indexing {Count} outbox items failed (attempt {Attempts}); retrying at {RetryAt}.", items.Count, attempts, retryAt);
            await outbox.FailAsync(Owner, sequences, Truncate(e.Message), retryAt, CancellationToken.None);
            return -1;
        }
        await outbox.CompleteAsync(Owner, sequences, ct);
        return items.Count;
    }

    private async Task ApplyAsync(ITaskCatalog catalog, List<string> ids, CancellationToken ct)
    {
        await _state.WriteTurn.WaitAsync(ct);
        try
        {
            var published = await catalog.GetPublishedAsync(ids, ct);
            var present = published.Select(r => r.Id).ToHashSet();
            var gone = ids.Where(id => !present.Contains(id)).ToList();
            if (published.Count > 0) await index.UpsertAsync(published, ct);
            if (gone.Count > 0) await index.RemoveAsync(gone, ct);
        }
        finally
        {
            _state.WriteTurn.Release();
        }
    }

    /// <summary>0.5 s, 1 s, 2 s, … capped at 30 s.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = 0.5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }

    private Task Delay(TimeSpan delay, CancellationToken ct) =>
        Task.Delay(delay, time, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static string Truncate(string message) => message.Length <= 1000 ? message : message[..1000];
}
