using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Telemetry;
using Registry.Search.Model;

namespace Registry.Search.Indexing;

/// <summary>
/// Drains the outbox into the search engine. Items are leased under a unique owner id (safe with several API
/// instances; a curator's single save ahead of any import backlog), the current published state of each task is
/// read from the catalogue in one batch (so the latest state wins, whatever the order of changes), present tasks
/// are upserted and the others removed in one engine batch, the engine is flushed (one durable commit for the
/// whole batch), and only then are the items completed: a crash at any point leaves them pending, and they are
/// applied again after the restart. While a backlog lasts the next batch is leased and read while the engine
/// writes and commits the current one (two stages, two cores). When the engine fails, the batch is released for a
/// retry with exponential back-off (capped at 30 s) and the batch read ahead is handed back untried: nothing is
/// lost, the index catches up when the engine is back.
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

    /// <summary>
    /// How long one pipelined run keeps <see cref="SearchIndexState.WriteTurn"/> before letting the reconciler in
    /// (it waits for the turn between two of its own batches).
    /// </summary>
    private static readonly TimeSpan TurnLength = TimeSpan.FromSeconds(2);

    /// <summary>Unique per process and instance, so leases of a crashed instance are taken over after expiry.</summary>
    public string Owner { get; } = $"indexer:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Where the drain's time went, by stage (the benchmarks print it).</summary>
    public OutboxIndexerStatistics Statistics { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int applied;
            try
            {
                applied = await DrainAsync(stoppingToken);
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
        await _state.WriteTurn.WaitAsync(ct);
        try
        {
            var batch = await PrepareAsync(ct);
            if (batch is null) return 0;
            return await ApplyAndCompleteAsync(batch, ahead: null, ct);
        }
        finally
        {
            _state.WriteTurn.Release();
        }
    }

    /// <summary>
    /// Applies batches until nothing is due, reading each next batch while the current one is written and
    /// committed. Returns the items applied, 0 when nothing was due, or -1 when the engine failed (the caller
    /// pauses before polling again).
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var applied = 0;
        while (true)
        {
            var run = await RunAsync(ct);
            if (run < 0) return -1;
            if (run == 0) return applied;
            applied += run;
        }
    }

    /// <summary>One pipelined run, holding the write turn (so the reconciler cannot interleave an older state
    /// between a read and its write) for at most <see cref="TurnLength"/>.</summary>
    private async Task<int> RunAsync(CancellationToken ct)
    {
        await _state.WriteTurn.WaitAsync(ct);
        try
        {
            var started = Stopwatch.StartNew();
            var applied = 0;
            var current = await PrepareAsync(ct);
            while (current is not null)
            {
                // The engine's work runs on the pool so that the next batch is leased and read meanwhile.
                var writing = Task.Run(() => WriteAsync(current, ct), CancellationToken.None);
                var full = current.Items.Count >= options.Value.IndexerBatchSize;
                Batch? next = null;
                ExceptionDispatchInfo? readFailure = null;
                try
                {
                    if (full && started.Elapsed < TurnLength) next = await PrepareAsync(ct);
                }
                catch (Exception e)
                {
                    readFailure = ExceptionDispatchInfo.Capture(e);
                }
                // Whatever happened to the read-ahead, the current batch is finished (or released) first.
                var done = await FinishAsync(current, writing, next, ct);
                readFailure?.Throw();
                if (done < 0) return -1;
                applied += done;
                current = next;
            }
            return applied;
        }
        finally
        {
            _state.WriteTurn.Release();
        }
    }

    /// <summary>A leased batch with the catalogue's current state of its tasks.</summary>
    private sealed record Batch(IReadOnlyList<OutboxItem> Items, IReadOnlyList<TaskRecord> Published, IReadOnlyList<string> Gone)
    {
        public List<long> Sequences => Items.Select(i => i.Sequence).ToList();
    }

    private async Task<Batch?> PrepareAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var catalog = scope.ServiceProvider.GetRequiredService<ITaskCatalog>();
        var watch = Stopwatch.StartNew();
        var items = await outbox.LeaseAsync(Owner, options.Value.IndexerBatchSize, LeaseFor, ct);
        Statistics.Add(OutboxStage.Lease, watch);
        if (items.Count == 0) return null;
        try
        {
            var ids = items.Select(i => i.TaskId).Distinct(StringComparer.Ordinal).ToList();
            var published = await catalog.GetPublishedAsync(ids, ct);
            Statistics.Add(OutboxStage.Read, watch);
            var present = published.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            return new Batch(items, published, ids.Where(id => !present.Contains(id)).ToList());
        }
        catch
        {
            // Leased but not read: hand the items back rather than let them wait for the lease to expire.
            await outbox.ReleaseAsync(Owner, items.Select(i => i.Sequence).ToList(), CancellationToken.None);
            throw;
        }
    }

    private async Task WriteAsync(Batch batch, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await index.ApplyAsync(batch.Published, batch.Gone, ct);
        Statistics.Add(OutboxStage.Write, watch);
        await index.FlushAsync(ct);
        Statistics.Add(OutboxStage.Commit, watch);
    }

    private Task<int> ApplyAndCompleteAsync(Batch batch, Batch? ahead, CancellationToken ct) =>
        FinishAsync(batch, Task.Run(() => WriteAsync(batch, ct), CancellationToken.None), ahead, ct);

    /// <summary>
    /// Waits for the batch's engine write and commit, then completes its items (never before the commit). When the
    /// engine failed, the batch is released for a retry after the back-off and <paramref name="ahead"/> is handed
    /// back untried.
    /// </summary>
    private async Task<int> FinishAsync(Batch batch, Task writing, Batch? ahead, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        try
        {
            await writing;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = batch.Items.Max(i => i.Attempts) + 1;
            var retryAt = time.GetUtcNow() + Backoff(attempts);
            logger.LogWarning(e, "Indexing {Count} outbox items failed (attempt {Attempts}); retrying at {RetryAt}.", batch.Items.Count, attempts, retryAt);
            await outbox.FailAsync(Owner, batch.Sequences, Truncate(e.Message), retryAt, CancellationToken.None);
            if (ahead is not null) await outbox.ReleaseAsync(Owner, ahead.Sequences, CancellationToken.None);
            return -1;
        }
        var watch = Stopwatch.StartNew();
        await outbox.CompleteAsync(Owner, batch.Sequences, ct);
        Statistics.Add(OutboxStage.Complete, watch);
        Statistics.Applied(batch.Items.Count);
        RegistryTelemetry.OutboxIndexed.Add(batch.Items.Count);
        return batch.Items.Count;
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
