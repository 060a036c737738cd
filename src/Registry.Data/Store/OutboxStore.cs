using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;

namespace Registry.Data.Store;

/// <summary>
/// The outbox, safe with several instances: a lease is ONE conditional UPDATE (free or expired, due, unprocessed;
/// interactive writes ahead of import backlogs, see <see cref="OutboxEntry.Interactive"/>)
/// that stamps owner, a fresh token and an expiry; the caller then reads back only rows carrying its token. Two
/// instances racing for a row both run the UPDATE, but the database applies the condition per row, so only one wins.
/// </summary>
internal sealed class OutboxStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxItem>> LeaseAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default) =>
        LeaseAsync(owner, max, leaseFor, interactiveOnly: false, ct);

    public Task<IReadOnlyList<OutboxItem>> LeaseInteractiveAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default) =>
        LeaseAsync(owner, max, leaseFor, interactiveOnly: true, ct);

    private async Task<IReadOnlyList<OutboxItem>> LeaseAsync(string owner, int max, TimeSpan leaseFor, bool interactiveOnly, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (max <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var until = now + leaseFor;
        var token = Guid.NewGuid();
        await OutboxQueries.LeaseBatch(db, now, max, interactiveOnly)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LeaseOwner, owner)
                .SetProperty(o => o.LeaseToken, token)
                .SetProperty(o => o.LeaseUntil, until), ct);
        var leased = await OutboxQueries.LeasedWith(db, token).ToListAsync(ct);
        return leased.Select(o => new OutboxItem(o.Sequence, o.TaskId, o.Kind, o.Attempts, o.CreatedAt, o.Interactive)).ToList();
    }

    public async Task CompleteAsync(string owner, IReadOnlyCollection<long> sequences, CancellationToken ct = default)
    {
        if (sequences.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await OutboxQueries.HeldBy(db, owner, sequences)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.ProcessedAt, now)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseToken, (Guid?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, (string?)null), ct);
    }

    public async Task FailAsync(string owner, IReadOnlyCollection<long> sequences, string error, DateTimeOffset retryAt,
        CancellationToken ct = default)
    {
        if (sequences.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var message = error.Length > TextLimits.LongText ? error[..TextLimits.LongText] : error;
        await OutboxQueries.HeldBy(db, owner, sequences)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.DueAt, retryAt)
                .SetProperty(o => o.LastError, message)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseToken, (Guid?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task ReleaseAsync(string owner, IReadOnlyCollection<long> sequences, CancellationToken ct = default)
    {
        if (sequences.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        await OutboxQueries.HeldBy(db, owner, sequences)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseToken, (Guid?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<int> ReleaseAllLeasesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OutboxQueries.Pending(db).Where(o => o.LeaseOwner != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseToken, (Guid?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OutboxQueries.Pending(db).CountAsync(ct);
    }

    public async Task<DateTimeOffset?> OldestPendingAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // The oldest pending row is the one with the lowest sequence (appended first), found through the key.
        var oldest = await OutboxQueries.Pending(db).OrderBy(o => o.Sequence).Select(o => new { o.CreatedAt }).FirstOrDefaultAsync(ct);
        return oldest?.CreatedAt;
    }

    public async Task<long> CurrentSequenceAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OutboxQueries.MaxSequence(db).MaxAsync(ct) ?? 0;
    }
}

/// <summary>The outbox's queries, by name (see <see cref="TaskQueries"/> for why).</summary>
internal static class OutboxQueries
{
    /// <summary>Unprocessed, due, and not leased by anyone (or the lease ran out: its holder is presumed dead).</summary>
    public static IQueryable<OutboxEntry> Leasable(RegistryDbContext db, DateTimeOffset now) =>
        db.Outbox.Where(o => o.ProcessedAt == null && o.DueAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now));

    /// <summary>
    /// The rows one lease call takes: <paramref name="max"/> leasable rows, interactive writes first, then the oldest
    /// (the order of the pending index, so the database reads only these rows), with the leasable condition repeated
    /// on the updated rows so that, of two racing UPDATEs, the second finds the row no longer free.
    /// </summary>
    /// <param name="interactiveOnly">Only curator saves (the pending index's second column: a seek, not a scan).</param>
    public static IQueryable<OutboxEntry> LeaseBatch(RegistryDbContext db, DateTimeOffset now, int max, bool interactiveOnly = false)
    {
        var leasable = interactiveOnly ? Leasable(db, now).Where(o => o.Interactive) : Leasable(db, now);
        var candidates = leasable.OrderByDescending(o => o.Interactive).ThenBy(o => o.Sequence).Select(o => o.Sequence).Take(max);
        return Leasable(db, now).Where(o => candidates.Contains(o.Sequence));
    }

    public static IQueryable<OutboxEntry> LeasedWith(RegistryDbContext db, Guid token) =>
        db.Outbox.AsNoTracking().Where(o => o.LeaseToken == token).OrderBy(o => o.Sequence);

    /// <summary>Rows this owner still holds: a lease that expired and was taken over carries the new owner's name.</summary>
    public static IQueryable<OutboxEntry> HeldBy(RegistryDbContext db, string owner, IReadOnlyCollection<long> sequences) =>
        db.Outbox.Where(o => sequences.Contains(o.Sequence) && o.LeaseOwner == owner && o.ProcessedAt == null);

    public static IQueryable<OutboxEntry> Pending(RegistryDbContext db) => db.Outbox.Where(o => o.ProcessedAt == null);

    public static IQueryable<long?> MaxSequence(RegistryDbContext db) => db.Outbox.Select(o => (long?)o.Sequence);
}
