using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Mail;

/// <summary>EF implementation of <see cref="IMailQueueStore"/> (see <see cref="Store.OutboxStore"/> for the leasing rule).</summary>
internal sealed class MailQueueStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IMailQueueStore
{
    public async Task<IReadOnlyList<QueuedMail>> LeaseAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (max <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var until = now + leaseFor;
        var token = Guid.NewGuid();
        var candidates = Leasable(db, now).OrderBy(m => m.DueAt).ThenBy(m => m.Id).Select(m => m.Id).Take(max);
        await Leasable(db, now).Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.LeaseToken, token)
                .SetProperty(m => m.LeaseUntil, until), ct);
        var leased = await db.MailQueue.AsNoTracking().Where(m => m.LeaseToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        return leased.Select(m => new QueuedMail(m.Id, ToMail(m), m.Attempts, m.CreatedAt)).ToList();
    }

    public async Task CompleteAsync(string owner, long id, string messageId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var shortId = Limit(messageId, TextLimits.ShortText);
        await HeldBy(db, owner, id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.MessageId, shortId)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task FailAsync(string owner, long id, string error, DateTimeOffset retryAt, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = Limit(error, TextLimits.LongText);
        await HeldBy(db, owner, id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.DueAt, retryAt)
            .SetProperty(m => m.LastError, message)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task GiveUpAsync(string owner, long id, string error, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var message = Limit(error, TextLimits.LongText);
        await HeldBy(db, owner, id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.GaveUpAt, now)
            .SetProperty(m => m.LastError, message)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<int> ReleaseLeasesOwnedAsync(string ownerPrefix, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerPrefix);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Unsent(db).Where(m => m.LeaseOwner != null && m.LeaseOwner.StartsWith(ownerPrefix)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseToken, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<int> EraseBeforeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.MailQueue
            .Where(m => m.ErasedAt == null && ((m.SentAt != null && m.SentAt < before) || (m.GaveUpAt != null && m.GaveUpAt < before)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.To, "")
                .SetProperty(m => m.ToName, (string?)null)
                .SetProperty(m => m.Subject, "")
                .SetProperty(m => m.TextBody, "")
                .SetProperty(m => m.HtmlBody, (string?)null)
                .SetProperty(m => m.ReplyTo, (string?)null)
                .SetProperty(m => m.UnsubscribeUrl, (string?)null)
                .SetProperty(m => m.ErasedAt, now), ct);
    }

    public async Task<MailQueueStatus> StatusAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var unsent = await Unsent(db).CountAsync(ct);
        var oldest = await Unsent(db).OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var givenUp = await db.MailQueue.CountAsync(m => m.GaveUpAt != null, ct);
        return new MailQueueStatus(unsent, oldest, givenUp);
    }

    public async Task<IReadOnlyList<MailLogEntry>> FindByRelatedIdAsync(string relatedId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.MailQueue.AsNoTracking().Where(m => m.RelatedId == relatedId).OrderBy(m => m.Id).ToListAsync(ct);
        return rows.Select(m => new MailLogEntry(m.Id, m.Purpose, m.To, m.Subject, m.ReplyTo, m.RelatedId, m.Attempts, m.SentAt,
            m.GaveUpAt, m.LastError, m.MessageId, m.ErasedAt)).ToList();
    }

    private static IQueryable<MailEntry> Unsent(RegistryDbContext db) => db.MailQueue.Where(m => m.SentAt == null && m.GaveUpAt == null);

    /// <summary>Unsent, due, and not leased by anyone (or the lease ran out: its holder is presumed dead).</summary>
    private static IQueryable<MailEntry> Leasable(RegistryDbContext db, DateTimeOffset now) =>
        Unsent(db).Where(m => m.DueAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    private static IQueryable<MailEntry> HeldBy(RegistryDbContext db, string owner, long id) =>
        Unsent(db).Where(m => m.Id == id && m.LeaseOwner == owner);

    private static OutgoingMail ToMail(MailEntry m) => new()
    {
        To = m.To,
        ToName = m.ToName,
        Subject = m.Subject,
        TextBody = m.TextBody,
        HtmlBody = m.HtmlBody,
        ReplyTo = m.ReplyTo,
        Purpose = m.Purpose,
        UnsubscribeUrl = m.UnsubscribeUrl,
        RelatedId = m.RelatedId,
    };

    private static string Limit(string text, int max) => text.Length > max ? text[..max] : text;
}
