namespace Registry.Data.Abstractions;

public enum OutboxKind
{
    /// <summary>The task is published (or changed while published): put it in the index.</summary>
    Upsert,
    /// <summary>The task is a draft or withdrawn: take it out of the index.</summary>
    Remove,
}

/// <summary>One change waiting for the search engine.</summary>
/// <param name="Sequence">Monotonic; also the cursor of the changes feed.</param>
/// <param name="Interactive">A curator's single save (not an import row): the indexer makes it searchable first.</param>
public sealed record OutboxItem(long Sequence, string TaskId, OutboxKind Kind, int Attempts, DateTimeOffset CreatedAt, bool Interactive = false);

/// <summary>
/// The outbox of index changes. Rows are leased (owner + expiry) so several API instances never apply the same
/// change twice; a lease that expires (crashed instance) is taken over.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Leases up to <paramref name="max"/> due items, oldest first, for <paramref name="leaseFor"/>.</summary>
    Task<IReadOnlyList<OutboxItem>> LeaseAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> due curator saves (<see cref="OutboxItem.Interactive"/>) only, leaving
    /// import rows where they are: the indexer asks between two bulk batches, so a save made while a backlog drains
    /// waits for the batch being written, not also for the one already leased ahead of it.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> LeaseInteractiveAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>Marks leased items done (only those still leased by <paramref name="owner"/>).</summary>
    Task CompleteAsync(string owner, IReadOnlyCollection<long> sequences, CancellationToken ct = default);

    /// <summary>Releases leased items for a retry no earlier than <paramref name="retryAt"/>, recording the error.</summary>
    Task FailAsync(string owner, IReadOnlyCollection<long> sequences, string error, DateTimeOffset retryAt, CancellationToken ct = default);

    /// <summary>
    /// Hands leased items back untouched (no attempt counted, due at once): the indexer leased them ahead while the
    /// batch before was being applied, and that batch failed, so they were never tried.
    /// </summary>
    Task ReleaseAsync(string owner, IReadOnlyCollection<long> sequences, CancellationToken ct = default);

    /// <summary>
    /// Frees every lease, returning how many were held. Only for a process that knows no other instance is alive
    /// (the embedded database behind its data-directory lock): leases of a killed process would otherwise hold
    /// their items back until they expire.
    /// </summary>
    Task<int> ReleaseAllLeasesAsync(CancellationToken ct = default);

    /// <summary>Items not yet applied (for readiness and tests).</summary>
    Task<int> PendingCountAsync(CancellationToken ct = default);

    /// <summary>When the oldest item not yet applied was appended (null when none is pending): how far search lags.</summary>
    Task<DateTimeOffset?> OldestPendingAsync(CancellationToken ct = default);

    /// <summary>The highest sequence appended so far (0 when empty); reindex records it to replay later changes.</summary>
    Task<long> CurrentSequenceAsync(CancellationToken ct = default);
}
