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
/// are upserted and the others removed. While a backlog lasts the next batch is leased and read while the engine
/// writes the current one (two stages, two cores), and consecutive batches share the engine's costs: one durable
/// commit per group (<see cref="GroupCommitItems"/>, <see cref="GroupCommitEvery"/>, or when nothing more is due), one
/// reader reopen per <see cref="BulkRefreshEvery"/>, except that curator saves are written first and made searchable
/// at once. Items are completed only after the commit that holds their change: a crash at any point leaves them
/// pending, and they are applied again after the restart. When the engine fails, everything not yet committed is
/// handed back for a retry with exponential back-off (capped at 30 s) and the batch read ahead is handed back
/// untried: nothing is lost, the index catches up when the engine is back.
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

    /// <summary>
    /// A group of written batches is committed (and only then completed) when it holds this many items, when it is
    /// this old, or when nothing more is due. Fewer commits flush fewer, larger segments; the lease (2 min) outlasts
    /// a group by far.
    /// </summary>
    internal const int GroupCommitItems = 20_000;
    internal static readonly TimeSpan GroupCommitEvery = TimeSpan.FromSeconds(5);

    /// <summary>Batches written since the last commit, still leased; touched only under the write turn.</summary>
    private readonly List<OutboxBatch> _group = [];
    private long _groupStartedAt;

    /// <summary>How often an import backlog becomes searchable while it drains (curator saves: at once).</summary>
    internal static readonly TimeSpan BulkRefreshEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The engine time one batch should take, so that a save arriving meanwhile waits for about two such batches
    /// (the one being written and the one read ahead). The batch size follows the measured write cost per item,
    /// between <see cref="MinBatch"/> and <see cref="SearchOptions.IndexerBatchSize"/>.
    /// </summary>
    private static readonly TimeSpan BatchBudget = TimeSpan.FromMilliseconds(250);
    private const int MinBatch = 250;

    /// <summary>Engine write ticks per item, smoothed over batches; 0 until the first batch.</summary>
    private double _writeTicksPerItem;
    private long _refreshedAt = Stopwatch.GetTimestamp();

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
    /// Leases and applies one batch, committed and searchable. Returns the number of items applied, 0 when nothing
    /// was due, or -1 when the engine failed and the batch was released for a retry.
    /// </summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct = default)
    {
        await _state.WriteTurn.WaitAsync(ct);
        try
        {
            var batch = await PrepareAsync(options.Value.IndexerBatchSize, ct);
            if (batch is null) return 0;
            var writing = Task.Run(() => WriteAsync(batch, commit: true, ct), CancellationToken.None);
            // The commit holds the group a previous drain left uncommitted as well: it is completed with the batch.
            _group.Add(batch);
            return await FinishAsync(_group, writing, committed: true, ahead: null, ct);
        }
        finally
        {
            _state.WriteTurn.Release();
        }
    }

    /// <summary>
    /// Applies batches until nothing is due, reading each next batch while the current one is written. Returns the
    /// items applied (committed and searchable), 0 when nothing was due, or -1 when the engine failed (the caller
    /// pauses before polling again).
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var applied = 0;
        while (true)
        {
            var (completed, drained) = await RunAsync(ct);
            if (completed < 0) return -1;
            applied += completed;
            if (drained) return applied;
        }
    }

    /// <summary>
    /// One pipelined run, holding the write turn (so the reconciler cannot interleave an older state between a read
    /// and its write) for at most <see cref="TurnLength"/>. Batches written but not yet committed stay in
    /// <see cref="_group"/> across runs (still leased), until the group is due for its commit or nothing more is due.
    /// </summary>
    private async Task<(int Completed, bool Drained)> RunAsync(CancellationToken ct)
    {
        await _state.WriteTurn.WaitAsync(ct);
        try
        {
            var started = Stopwatch.StartNew();
            var applied = 0;
            var current = await PrepareAsync(NextBatchSize(), ct);
            if (current is null)
                return (_group.Count == 0 ? 0 : await FinishAsync(_group, CommitAsync(ct), committed: true, ahead: null, ct), true);
            var readAhead = false;
            while (current is not null)
            {
                // A batch read ahead was leased before the last write ended: curator saves made since then join it
                // and are written first, rather than waiting for the batch after it.
                if (readAhead) current = await WithSavesAsync(current, ct);
                readAhead = true;
                var more = !current.Drained && started.Elapsed < TurnLength;
                if (_group.Count == 0) _groupStartedAt = Stopwatch.GetTimestamp();
                var commit = current.Drained || GroupDue(current.Items.Count);
                var batch = current;
                // The engine's work runs on the pool so that the next batch is leased and read meanwhile.
                var writing = Task.Run(() => WriteAsync(batch, commit, ct), CancellationToken.None);
                OutboxBatch? next = null;
                ExceptionDispatchInfo? readFailure = null;
                try
                {
                    if (more) next = await PrepareAsync(NextBatchSize(), ct);
                }
                catch (Exception e)
                {
                    readFailure = ExceptionDispatchInfo.Capture(e);
                }
                _group.Add(batch);
                // Nothing more is due, or the read failed: the group is committed now rather than left leased.
                if (!commit && (readFailure is not null || (more && next is null)))
                {
                    writing = ThenCommitAsync(writing, ct);
                    commit = true;
                }
                var done = await FinishAsync(_group, writing, commit, next, ct);
                readFailure?.Throw();
                if (done < 0) return (-1, true);
                applied += done;
                if (!more && !current.Drained) return (applied, false);   // the turn is over, the backlog is not
                current = next;
            }
            return (applied, true);
        }
        finally
        {
            _state.WriteTurn.Release();
        }
    }

    /// <summary>The group, with <paramref name="adding"/> more items, is due for its commit.</summary>
    private bool GroupDue(int adding) =>
        _group.Sum(b => b.Items.Count) + adding >= GroupCommitItems || Stopwatch.GetElapsedTime(_groupStartedAt) >= GroupCommitEvery;

    private async Task<OutboxBatch?> PrepareAsync(int size, CancellationToken ct) =>
        await LeaseAndReadAsync(size, savesOnly: false, ct) is { } leased ? OutboxBatch.Of(leased.Items, size, leased.Published) : null;

    /// <summary>Leases the curator saves due now (none while no curator writes) and adds them to
    /// <paramref name="batch"/> (<see cref="OutboxBatch.With"/>).</summary>
    private async Task<OutboxBatch> WithSavesAsync(OutboxBatch batch, CancellationToken ct) =>
        await LeaseAndReadAsync(SavesPerBatch, savesOnly: true, ct) is { } saves ? batch.With(saves.Items, saves.Published) : batch;

    /// <summary>Leases up to <paramref name="size"/> due items (curator saves only, or saves first then the oldest)
    /// and reads their tasks' current published state; null when nothing is due.</summary>
    private async Task<(IReadOnlyList<OutboxItem> Items, IReadOnlyList<TaskRecord> Published)?> LeaseAndReadAsync(int size, bool savesOnly, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var catalog = scope.ServiceProvider.GetRequiredService<ITaskCatalog>();
        var watch = Stopwatch.StartNew();
        var items = savesOnly
            ? await outbox.LeaseInteractiveAsync(Owner, size, LeaseFor, ct)
            : await outbox.LeaseAsync(Owner, size, LeaseFor, ct);
        Statistics.Add(OutboxStage.Lease, watch);
        if (items.Count == 0) return null;
        try
        {
            var ids = items.Select(i => i.TaskId).Distinct(StringComparer.Ordinal).ToList();
            var published = await catalog.GetPublishedAsync(ids, ct);
            Statistics.Add(OutboxStage.Read, watch);
            return (items, published);
        }
        catch
        {
            // Leased but not read: hand the items back rather than let them wait for the lease to expire.
            await outbox.ReleaseAsync(Owner, items.Select(i => i.Sequence).ToList(), CancellationToken.None);
            throw;
        }
    }

    /// <summary>At most this many saves join a batch read ahead (curators save one task at a time).</summary>
    private const int SavesPerBatch = 100;

    /// <summary>
    /// Writes the batch: curator saves first and searchable at once, then the rest, searchable at the next paced
    /// refresh; with <paramref name="commit"/> the whole group is then committed and made searchable.
    /// </summary>
    private async Task WriteAsync(OutboxBatch batch, bool commit, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (!batch.Urgent.IsEmpty)
        {
            await index.WriteAsync(batch.Urgent.Published, batch.Urgent.Gone, ct);
            await RefreshAsync(watch, ct);
        }
        if (!batch.Bulk.IsEmpty) await index.WriteAsync(batch.Bulk.Published, batch.Bulk.Gone, ct);
        Learn(batch.Items.Count, watch.Elapsed);
        Statistics.Add(OutboxStage.Write, watch);
        if (commit) await CommitAsync(ct);
        else if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _refreshedAt)) >= BulkRefreshEvery) await RefreshAsync(watch, ct);
    }

    /// <summary>Commits everything written so far and makes it searchable.</summary>
    private async Task CommitAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await index.FlushAsync(ct);
        Statistics.Add(OutboxStage.Commit, watch);
        await RefreshAsync(watch, ct);
    }

    private async Task ThenCommitAsync(Task writing, CancellationToken ct)
    {
        await writing;
        await CommitAsync(ct);
    }

    private async Task RefreshAsync(Stopwatch watch, CancellationToken ct)
    {
        watch.Restart();
        await index.RefreshAsync(ct);
        Interlocked.Exchange(ref _refreshedAt, Stopwatch.GetTimestamp());
        Statistics.Add(OutboxStage.Refresh, watch);
    }

    /// <summary>Items per batch for about <see cref="BatchBudget"/> of engine time, from the last batches' cost.</summary>
    private int NextBatchSize()
    {
        var max = options.Value.IndexerBatchSize;
        var perItem = Volatile.Read(ref _writeTicksPerItem);
        if (perItem <= 0) return Math.Min(max, MinBatch);
        return (int)Math.Clamp(BatchBudget.Ticks / perItem, Math.Min(max, MinBatch), max);
    }

    private void Learn(int items, TimeSpan elapsed)
    {
        if (items < 10) return;   // a save or two says little about the cost per item of a backlog
        var perItem = (double)elapsed.Ticks / items;
        var old = Volatile.Read(ref _writeTicksPerItem);
        Volatile.Write(ref _writeTicksPerItem, old <= 0 ? perItem : 0.7 * old + 0.3 * perItem);
    }

    /// <summary>
    /// Waits for the batch's engine write (and, when <paramref name="committed"/>, the group's commit), then
    /// completes every item of the group (never before the commit). When the engine failed, everything not yet
    /// committed is handed back for a retry after the back-off and <paramref name="ahead"/> is handed back untried.
    /// Returns the items completed (0 while the group waits for its commit), or -1 after a failure.
    /// </summary>
    private async Task<int> FinishAsync(List<OutboxBatch> group, Task writing, bool committed, OutboxBatch? ahead, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var items = group.SelectMany(b => b.Items).ToList();
        try
        {
            await writing;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            group.Clear();   // shutting down: the leases run out or the next start releases them
            throw;
        }
        catch (Exception e)
        {
            var attempts = items.Max(i => i.Attempts) + 1;
            var retryAt = time.GetUtcNow() + Backoff(attempts);
            logger.LogWarning(e, "Indexing {Count} outbox items failed (attempt {Attempts}); retrying at {RetryAt}.", items.Count, attempts, retryAt);
            await outbox.FailAsync(Owner, items.Select(i => i.Sequence).ToList(), Truncate(e.Message), retryAt, CancellationToken.None);
            if (ahead is not null) await outbox.ReleaseAsync(Owner, ahead.Sequences, CancellationToken.None);
            group.Clear();
            return -1;
        }
        if (!committed) return 0;
        // Whatever happens to the completion, these items are no longer this drain's to commit (a failed completion
        // leaves them leased: they are applied again after the lease or the process ends).
        var batches = group.Select(b => b.Items.Count).ToList();
        group.Clear();
        var watch = Stopwatch.StartNew();
        await outbox.CompleteAsync(Owner, items.Select(i => i.Sequence).ToList(), ct);
        Statistics.Add(OutboxStage.Complete, watch);
        foreach (var count in batches) Statistics.Applied(count);
        RegistryTelemetry.OutboxIndexed.Add(items.Count);
        return items.Count;
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
