namespace Registry.Data.Leases;

/// <summary>A lease held: renew and release with it.</summary>
public sealed record WorkerLeaseGrant(string Name, string Owner, Guid Token, DateTimeOffset Until);

/// <summary>Who holds a lease now, for status pages and tests.</summary>
public sealed record WorkerLeaseHolder(string Name, string Owner, DateTimeOffset AcquiredAt, DateTimeOffset Until);

/// <summary>
/// Named singleton leases over the shared database (table <c>WorkerLeases</c>): for background jobs that must run
/// on one instance at a time. Acquiring is one conditional UPDATE (the row is free: it ran out, or this owner holds
/// it already), or one INSERT when the name was never used; of two instances racing, the database lets one win.
/// </summary>
public interface IWorkerLeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/> until now + <paramref name="leaseFor"/>, when nobody
    /// holds it, its holder's lease ran out, or <paramref name="owner"/> holds it already (then it is extended).
    /// Null when another owner holds it.
    /// </summary>
    Task<WorkerLeaseGrant?> TryAcquireAsync(string name, string owner, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>Extends a lease still held with <paramref name="grant"/>'s token; null when it was lost (taken over after running out).</summary>
    Task<WorkerLeaseGrant?> RenewAsync(WorkerLeaseGrant grant, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>Gives the lease up at once (a clean stop), so another instance need not wait for it to run out.</summary>
    Task<bool> ReleaseAsync(WorkerLeaseGrant grant, CancellationToken ct = default);

    /// <summary>
    /// Frees every lease whose owner starts with <paramref name="ownerPrefix"/>. Only for a prefix that names one
    /// instance, once the caller knows that instance's previous process is dead (it holds the instance's data directory).
    /// </summary>
    Task<int> ReleaseAllOwnedAsync(string ownerPrefix, CancellationToken ct = default);

    Task<WorkerLeaseHolder?> FindAsync(string name, CancellationToken ct = default);
}
