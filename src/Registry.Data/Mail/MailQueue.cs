using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Mail;

/// <summary>Adds mail to the queue inside a caller's unit of work, so the mail commits (or not) with the change.</summary>
internal static class MailQueue
{
    /// <summary>Tracks a queue row for <paramref name="mail"/> on <paramref name="db"/>; the caller's SaveChanges commits it.</summary>
    /// <exception cref="ArgumentException">The recipient or reply-to is not a single valid address.</exception>
    public static MailEntry Add(RegistryDbContext db, OutgoingMail mail, DateTimeOffset now)
    {
        var entry = ToEntry(mail, now);
        db.Set<MailEntry>().Add(entry);
        return entry;
    }

    public static MailEntry ToEntry(OutgoingMail mail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!MailAddresses.IsValid(mail.To)) throw new ArgumentException($"Not a single valid e-mail address: '{mail.To}'", nameof(mail));
        if (mail.ReplyTo is not null && !MailAddresses.IsValid(mail.ReplyTo))
            throw new ArgumentException($"Not a single valid reply-to address: '{mail.ReplyTo}'", nameof(mail));
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Purpose);
        return new MailEntry
        {
            Purpose = mail.Purpose,
            To = mail.To.Trim(),
            ToName = mail.ToName,
            Subject = OneLine(mail.Subject),
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            ReplyTo = mail.ReplyTo?.Trim(),
            UnsubscribeUrl = mail.UnsubscribeUrl,
            RelatedId = mail.RelatedId,
            CreatedAt = now,
            DueAt = now,
        };
    }

    /// <summary>A header value on one line: CR, LF and other controls become spaces (no header injection).</summary>
    private static string OneLine(string text)
    {
        var chars = text.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var line = new string(chars);
        return line.Length > TextLimits.Title ? line[..TextLimits.Title] : line;
    }
}

/// <summary>EF implementation of <see cref="IMailOutbox"/>.</summary>
internal sealed class MailOutbox(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IMailOutbox
{
    public async Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = MailQueue.Add(db, mail, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }
}
