using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Data.Mail;

/// <summary>
/// A queued e-mail: written in the transaction of the change that causes it, leased (owner + token + expiry, like the
/// outbox) by the sender, retried with back-off until <see cref="SentAt"/> or <see cref="GaveUpAt"/> is set.
/// Bodies carry personal data (a relayed inquiry, a subscriber's address), so a sent mail's content is erased after
/// the retention period while the row stays as a log line.
/// </summary>
internal sealed class MailEntry
{
    public long Id { get; set; }
    public string Purpose { get; set; } = "";
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string? ReplyTo { get; set; }
    public string? UnsubscribeUrl { get; set; }
    public string? RelatedId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Delivery attempts made, the successful one included (0 while none was tried).</summary>
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Set when the sender stopped retrying (permanent refusal or too many attempts).</summary>
    public DateTimeOffset? GaveUpAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The Message-ID header the mail was sent with.</summary>
    public string? MessageId { get; set; }
    /// <summary>When recipient, subject and bodies were erased (personal-data retention).</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

internal sealed class MailEntryConfiguration : IEntityTypeConfiguration<MailEntry>
{
    public void Configure(EntityTypeBuilder<MailEntry> b)
    {
        b.ToTable("MailQueue");
        b.HasKey(m => m.Id);
        b.Property(m => m.Purpose).HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        b.Property(m => m.To).HasMaxLength(TextLimits.Email);
        b.Property(m => m.ToName).HasMaxLength(TextLimits.PersonName);
        b.Property(m => m.Subject).HasMaxLength(TextLimits.Title);
        b.Property(m => m.ReplyTo).HasMaxLength(TextLimits.Email);
        b.Property(m => m.UnsubscribeUrl).HasMaxLength(TextLimits.Url);
        b.Property(m => m.RelatedId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.Property(m => m.LeaseOwner).HasMaxLength(TextLimits.ShortText);
        b.Property(m => m.LastError).HasMaxLength(TextLimits.LongText);
        b.Property(m => m.MessageId).HasMaxLength(TextLimits.ShortText);
        b.HasIndex(m => new { m.SentAt, m.GaveUpAt, m.DueAt });
        b.HasIndex(m => m.LeaseToken);
        b.HasIndex(m => m.RelatedId);
    }
}
