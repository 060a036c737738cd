using Registry.Data.Leases;

namespace Registry.Api.Hosting;

/// <summary>
/// One named singleton lease as a worker sees it: <see cref="HoldAsync"/> before (and during) each round says whether
/// this instance may run the job now. The holder renews when a third of the lease has passed, so a round costs no
/// database write most of the time; an instance that does not hold it asks again only every third of a lease. When
/// the holder stops renewing (it crashed, or hangs), another instance takes over once the lease ran out.
/// </summary>
public sealed class SingletonLease(string name, IWorkerLeaseStore store, string owner, TimeProvider clock, TimeSpan leaseFor)
{
    /// <summary>Long enough to outlast a stall of the database, short enough that a crashed holder is replaced within a minute.</summary>
    public static readonly TimeSpan DefaultLeaseFor = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkerLeaseGrant? _grant;
    private DateTimeOffset _nextTry = DateTimeOffset.MinValue;

    public string Name { get; } = name;

    public string Owner { get; } = owner;

    /// <summary>Whether this instance holds the lease now, acquiring or renewing it when due.</summary>
    public async Task<bool> HoldAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (_grant is { } held)
            {
                if (held.Until - now > leaseFor * 2 / 3) return true;
                _grant = held.Until > now ? await store.RenewAsync(held, leaseFor, ct) : null;
                if (_grant is not null) return true;
            }
            if (now < _nextTry) return false;
            _grant = await store.TryAcquireAsync(Name, Owner, leaseFor, ct);
            if (_grant is null) _nextTry = now + leaseFor / 3;
            return _grant is not null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives the lease up (a clean stop), so another instance takes the job over without waiting.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_grant is { } held) await store.ReleaseAsync(held, ct);
            _grant = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Hands each worker its <see cref="SingletonLease"/>, owned by this process of this instance.</summary>
public sealed class SingletonLeases(IWorkerLeaseStore store, InstanceIdentity identity, TimeProvider clock)
{
    public SingletonLease For(string name, TimeSpan? leaseFor = null) =>
        new(name, store, identity.Owner(name), clock, leaseFor ?? SingletonLease.DefaultLeaseFor);
}
