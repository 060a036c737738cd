using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Entities;

namespace Registry.Data.Feedback;

/// <summary>
/// Góp ý: what a member of the public wrote about one task or about the registry as a whole, and what curators
/// decided. The row layout, not the contract (<see cref="FeedbackRecord"/>, <see cref="PublicFeedback"/>).
/// </summary>
internal sealed class FeedbackEntry
{
    /// <summary>Internal key: never leaves the store.</summary>
    public long Id { get; set; }
    /// <summary>Stable opaque public id ("f" + 12 Crockford base32 chars); the sender quotes it to ask for deletion.</summary>
    public string PublicId { get; set; } = "";
    /// <summary>The task the feedback is about; null for feedback on the registry as a whole.</summary>
    public long? TaskId { get; set; }
    public ScienceTask? Task { get; set; }
    public string Message { get; set; } = "";
    /// <summary>"vi" or "en": the language of the form the sender used.</summary>
    public string Language { get; set; } = "vi";
    /// <summary>Personal data, optional, curator-only; erased after the retention period.</summary>
    public string? SenderName { get; set; }
    /// <summary>Personal data, optional, curator-only; erased after the retention period.</summary>
    public string? SenderEmail { get; set; }
    /// <summary>The consent text version the sender agreed to (<see cref="FeedbackConsent.Version"/>) when giving a name or e-mail.</summary>
    public string? ConsentVersion { get; set; }
    public DateTimeOffset? ConsentAt { get; set; }
    public FeedbackStatus Status { get; set; }
    /// <summary>Why curators rejected it; curator-only.</summary>
    public string? RejectReason { get; set; }
    /// <summary>The Department's official reply; public once the feedback is approved.</summary>
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the sender's name and e-mail were erased (on request or after the retention period).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; set; }
    /// <summary>Incremented on every decision; the REST ETag.</summary>
    public long Version { get; set; }
}

internal sealed class FeedbackEntryConfiguration : IEntityTypeConfiguration<FeedbackEntry>
{
    public void Configure(EntityTypeBuilder<FeedbackEntry> b)
    {
        b.ToTable("Feedback");
        b.HasKey(f => f.Id);
        b.Property(f => f.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(f => f.PublicId).IsUnique();
        // Tasks are never deleted (they are withdrawn), so feedback can always name its task.
        b.HasOne(f => f.Task).WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Message).HasMaxLength(FeedbackLimits.Message);
        b.Property(f => f.Language).HasMaxLength(2).IsUnicode(false);
        b.Property(f => f.SenderName).HasMaxLength(FeedbackLimits.Name);
        b.Property(f => f.SenderEmail).HasMaxLength(TextLimits.Email);
        b.Property(f => f.ConsentVersion).HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(f => f.RejectReason).HasMaxLength(FeedbackLimits.Reason);
        b.Property(f => f.Reply).HasMaxLength(FeedbackLimits.Reply);
        b.Property(f => f.RepliedBy).HasMaxLength(TextLimits.ShortText);
        b.Property(f => f.ModeratedBy).HasMaxLength(TextLimits.ShortText);
        b.Property(f => f.Version).IsConcurrencyToken();
        // The moderation queue and the public list of a task read by status; the retention sweep by age.
        b.HasIndex(f => new { f.Status, f.Id });
        b.HasIndex(f => new { f.TaskId, f.Status, f.Id });
        b.HasIndex(f => f.CreatedAt);
    }
}
