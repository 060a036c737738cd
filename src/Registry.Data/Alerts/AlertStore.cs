using Microsoft.EntityFrameworkCore;
using Registry.Data.Catalog;
using Registry.Data.Mail;

namespace Registry.Data.Alerts;

/// <summary>EF implementation of <see cref="IAlertStore"/>; each operation is one short context and one transaction.</summary>
internal sealed class AlertStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IAlertStore
{
    public async Task<SubscribeOutcome> SubscribeAsync(AlertSubscriptionDraft draft, OutgoingMail confirmation, int maxConfirmationsPerDay,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var sentToday = await db.MailQueue.CountAsync(m => m.Purpose == MailPurposes.AlertConfirmation && m.To == confirmation.To && m.CreatedAt > dayAgo, ct);
        if (sentToday >= maxConfirmationsPerDay) return SubscribeOutcome.TooManyConfirmations;
        db.Set<AlertSubscription>().Add(new AlertSubscription
        {
            PublicId = draft.PublicId,
            Email = draft.Email,
            Search = draft.Search,
            Frequency = draft.Frequency,
            Language = draft.Language,
            Status = AlertStatus.PendingConfirmation,
            ConfirmTokenHash = draft.ConfirmTokenHash,
            TokenSalt = draft.TokenSalt,
            CreatedAt = now,
        });
        MailQueue.Add(db, confirmation, now);
        await db.SaveChangesAsync(ct);
        return SubscribeOutcome.Queued;
    }

    public async Task<AlertSubscriptionView?> FindByConfirmTokenAsync(string tokenHash, TimeSpan maxAge, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await ByConfirmToken(db, tokenHash, clock.GetUtcNow() - maxAge).AsNoTracking().SingleOrDefaultAsync(ct);
        return row is null ? null : View(row);
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string tokenHash, TimeSpan maxAge, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var row = await ByConfirmToken(db, tokenHash, now - maxAge).SingleOrDefaultAsync(ct);
        if (row is null) return ConfirmOutcome.NotFound;
        if (row.Status == AlertStatus.Active) return ConfirmOutcome.AlreadyConfirmed;
        row.Status = AlertStatus.Active;
        row.ConfirmedAt = now;
        // Matching starts after everything already logged: a new subscriber hears about what changes from now on.
        row.LastSequence = await db.Set<PublicChangeEntry>().MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        row.LastRunAt = now;
        await db.SaveChangesAsync(ct);
        return ConfirmOutcome.Confirmed;
    }

    public async Task<AlertSubscriptionView?> GetAsync(string publicId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Set<AlertSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.PublicId == publicId, ct);
        return row is null ? null : View(row);
    }

    public async Task<bool> UnsubscribeAsync(string publicId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await db.Set<AlertSubscription>()
            .Where(s => s.PublicId == publicId && s.Status != AlertStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AlertStatus.Unsubscribed)
                .SetProperty(a => a.UnsubscribedAt, now)
                .SetProperty(a => a.Email, "")
                .SetProperty(a => a.ConfirmTokenHash, (string?)null), ct);
        return changed > 0;
    }

    public async Task<int> DeletePendingBeforeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AlertSubscription>()
            .Where(s => s.Status == AlertStatus.PendingConfirmation && s.CreatedAt < before)
            .ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlyList<AlertSubscriptionView>> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<AlertSubscription>().AsNoTracking().Where(s => s.Status == AlertStatus.Active).OrderBy(s => s.Id).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    public async Task<long> IndexedHorizonAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var changes = db.Set<PublicChangeEntry>();
        DateTimeOffset? cutoff = await db.Outbox.Where(o => o.ProcessedAt == null)
            .OrderBy(o => o.Sequence).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(ct);
        if (!db.Database.IsSqlite())
        {
            var settled = clock.GetUtcNow() - ChangeFeed.SettleWindow;
            if (cutoff is null || settled < cutoff) cutoff = settled;
        }
        // A change and its outbox row carry the same instant: changes strictly older than the oldest unprocessed
        // outbox row are in the index.
        return cutoff is { } before
            ? await changes.Where(c => c.At < before).MaxAsync(c => (long?)c.Sequence, ct) ?? 0
            : await changes.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
    }

    public async Task<IReadOnlyList<AlertChange>> ChangesAsync(long after, long upTo, int max, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<PublicChangeEntry>().AsNoTracking()
            .Where(c => c.Sequence > after && c.Sequence <= upTo)
            .OrderBy(c => c.Sequence).Take(Math.Max(1, max)).ToListAsync(ct);
        return rows.Select(c => new AlertChange(c.Sequence, c.TaskId, c.Change, c.At)).ToList();
    }

    public async Task<bool> AdvanceAsync(string publicId, long expected, long next, OutgoingMail? mail, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var row = await db.Set<AlertSubscription>().SingleOrDefaultAsync(s => s.PublicId == publicId, ct);
        if (row is null || row.Status != AlertStatus.Active || row.LastSequence != expected) return false;
        row.LastSequence = Math.Max(expected, next);
        row.LastRunAt = now;
        if (mail is not null)
        {
            row.LastSentAt = now;
            MailQueue.Add(db, mail, now);
        }
        try
        {
            // One SaveChanges is one transaction; LastSequence is a concurrency token, so the UPDATE only applies to
            // the cursor this runner read and another instance's advance makes this one write nothing at all.
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static IQueryable<AlertSubscription> ByConfirmToken(RegistryDbContext db, string tokenHash, DateTimeOffset notBefore) =>
        db.Set<AlertSubscription>().Where(s => s.ConfirmTokenHash == tokenHash && s.Status != AlertStatus.Unsubscribed && s.CreatedAt >= notBefore);

    private static AlertSubscriptionView View(AlertSubscription s) =>
        new(s.PublicId, s.Email, s.Search, s.Frequency, s.Language, s.Status, s.TokenSalt, s.LastSequence, s.CreatedAt, s.LastRunAt);
}
