using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Data.Alerts;

/// <summary>How often a subscriber hears about new matches.</summary>
public enum AlertFrequency
{
    /// <summary>Within about a minute of the change.</summary>
    Immediate,
    /// <summary>One digest a day at the configured Vietnam hour.</summary>
    Daily,
    /// <summary>One digest a week, on Monday at the configured Vietnam hour.</summary>
    Weekly,
}

public enum AlertStatus
{
    /// <summary>Waiting for the address's owner to confirm (double opt-in); deleted when not confirmed in time.</summary>
    PendingConfirmation,
    Active,
    /// <summary>The subscriber left; the address is erased, the row stays so old links answer sensibly.</summary>
    Unsubscribed,
}

/// <summary>
/// An e-mail alert: a saved search (the REST search's <c>q</c> and filters, as a query string) sent to one address.
/// Only a hash of the confirmation token is kept; unsubscribe links are signed with the server's key and
/// <see cref="TokenSalt"/>, so nothing in the database lets anyone confirm or unsubscribe for someone else.
/// </summary>
internal sealed class AlertSubscription
{
    public long Id { get; set; }
    public string PublicId { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>The saved search as a query string without '?' (<c>q=chè&amp;level=provincial</c>).</summary>
    public string Search { get; set; } = "";
    public AlertFrequency Frequency { get; set; }
    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "vi";
    public AlertStatus Status { get; set; }
    /// <summary>SHA-256 (hex) of the confirmation token; the token itself only travels in the confirmation mail.</summary>
    public string? ConfirmTokenHash { get; set; }
    /// <summary>Random per subscription; part of what the unsubscribe signature covers.</summary>
    public string TokenSalt { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    /// <summary>The last change-log sequence this subscription has been matched against (its cursor).</summary>
    public long LastSequence { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public DateTimeOffset? LastSentAt { get; set; }
}

internal sealed class AlertSubscriptionConfiguration : IEntityTypeConfiguration<AlertSubscription>
{
    public void Configure(EntityTypeBuilder<AlertSubscription> b)
    {
        b.ToTable("AlertSubscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(s => s.PublicId).IsUnique();
        b.Property(s => s.Email).HasMaxLength(TextLimits.Email);
        b.Property(s => s.Search).HasMaxLength(TextLimits.Url);
        b.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(s => s.Language).HasMaxLength(8).IsUnicode(false);
        b.Property(s => s.ConfirmTokenHash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(s => s.ConfirmTokenHash);
        b.Property(s => s.TokenSalt).HasMaxLength(64).IsUnicode(false);
        // The runner advances the cursor only from the value it read: two instances never both send one digest.
        b.Property(s => s.LastSequence).IsConcurrencyToken();
        b.HasIndex(s => new { s.Status, s.CreatedAt });
    }
}
