using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Leases;

/// <summary>EF implementation of <see cref="IWorkerLeaseStore"/>; every decision is one statement the database applies atomically.</summary>
internal sealed class WorkerLeaseStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IWorkerLeaseStore
{
    public async Task<WorkerLeaseGrant?> TryAcquireAsync(string name, string owner, TimeSpan leaseFor, CancellationToken ct = default)
    {
        Check(name, owner, leaseFor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var grant = new WorkerLeaseGrant(name, owner, Guid.NewGuid(), now + leaseFor);
        var taken = await WorkerLeaseQueries.Free(db, name, owner, now).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Owner, owner)
            .SetProperty(l => l.Token, grant.Token)
            .SetProperty(l => l.AcquiredAt, l => l.Owner == owner ? l.AcquiredAt : now)
            .SetProperty(l => l.Until, grant.Until), ct);
        if (taken == 1) return grant;
        if (await db.Set<WorkerLease>().AnyAsync(l => l.Name == name, ct)) return null;

        db.Set<WorkerLease>().Add(new WorkerLease { Name = name, Owner = owner, Token = grant.Token, AcquiredAt = now, Until = grant.Until });
        try
        {
            await db.SaveChangesAsync(ct);
            return grant;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the first row between our read and our insert (the key refused ours): it holds
            // the lease. Anything else (the database is down) is not a lost race and propagates.
            await using var again = await factory.CreateDbContextAsync(ct);
            if (await again.Set<WorkerLease>().AnyAsync(l => l.Name == name, ct)) return null;
            throw;
        }
    }

    public async Task<WorkerLeaseGrant?> RenewAsync(WorkerLeaseGrant grant, TimeSpan leaseFor, CancellationToken ct = default)
    {
        Check(grant.Name, grant.Owner, leaseFor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var until = clock.GetUtcNow() + leaseFor;
        var renewed = await WorkerLeaseQueries.HeldWith(db, grant).ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, until), ct);
        return renewed == 1 ? grant with { Until = until } : null;
    }

    public async Task<bool> ReleaseAsync(WorkerLeaseGrant grant, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await WorkerLeaseQueries.HeldWith(db, grant).ExecuteDeleteAsync(ct) == 1;
    }

    public async Task<int> ReleaseAllOwnedAsync(string ownerPrefix, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerPrefix);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<WorkerLease>().Where(l => l.Owner.StartsWith(ownerPrefix)).ExecuteDeleteAsync(ct);
    }

    public async Task<WorkerLeaseHolder?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<WorkerLease>().AsNoTracking().Where(l => l.Name == name)
            .Select(l => new WorkerLeaseHolder(l.Name, l.Owner, l.AcquiredAt, l.Until)).SingleOrDefaultAsync(ct);
    }

    private static void Check(string name, string owner, TimeSpan leaseFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, WorkerLeaseLimits.Name, nameof(name));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(owner.Length, WorkerLeaseLimits.Owner, nameof(owner));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseFor, TimeSpan.Zero, nameof(leaseFor));
    }
}

/// <summary>The lease conditions, by name, so the statement tests can check their SQL.</summary>
internal static class WorkerLeaseQueries
{
    /// <summary>The row <paramref name="owner"/> may take: its lease ran out, or it is <paramref name="owner"/>'s already.</summary>
    public static IQueryable<WorkerLease> Free(RegistryDbContext db, string name, string owner, DateTimeOffset now) =>
        db.Set<WorkerLease>().Where(l => l.Name == name && (l.Until < now || l.Owner == owner));

    public static IQueryable<WorkerLease> HeldWith(RegistryDbContext db, WorkerLeaseGrant grant) =>
        db.Set<WorkerLease>().Where(l => l.Name == grant.Name && l.Owner == grant.Owner && l.Token == grant.Token);
}
