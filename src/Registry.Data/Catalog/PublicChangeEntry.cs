using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>What a change meant to the public catalogue.</summary>
public enum PublicChangeKind
{
    /// <summary>First publication: the task enters the public catalogue.</summary>
    Created,
    /// <summary>A published task changed, or was published again after a withdrawal.</summary>
    Updated,
    /// <summary>The task left the public catalogue (withdrawn, or returned to draft).</summary>
    Withdrawn,
}

/// <summary>
/// A row of the durable change log behind <c>GET /api/v1/changes</c>, written in the same transaction as the task
/// change. Kept apart from the outbox because the outbox also records draft edits and its rows are bookkeeping for
/// the indexer, while this log must keep public-relevant changes forever, in commit order.
/// </summary>
internal sealed class PublicChangeEntry
{
    public long Sequence { get; set; }
    public string TaskId { get; set; } = "";
    public PublicChangeKind Change { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>
    /// The public change a write makes, read from the tracked task before it is saved (original vs current
    /// visibility), or null when the public never saw the task before nor sees it after (drafts never appear).
    /// </summary>
    public static PublicChangeKind? Classify(EntityEntry<ScienceTask> entry)
    {
        var isNew = entry.State is EntityState.Added or EntityState.Detached;
        var wasPublic = !isNew && entry.Property(t => t.Visibility).OriginalValue == Visibility.Published;
        var isPublic = entry.Entity.Visibility == Visibility.Published;
        if (wasPublic) return isPublic ? PublicChangeKind.Updated : PublicChangeKind.Withdrawn;
        if (!isPublic) return null;
        var publishedBefore = !isNew && entry.Property(t => t.PublishedAt).OriginalValue is not null;
        return publishedBefore ? PublicChangeKind.Updated : PublicChangeKind.Created;
    }

    /// <summary>
    /// The log row for a write to <paramref name="task"/> (tracked, or new and not yet tracked), or null when the
    /// write means nothing to the public. Call before saving, while the original values are still there.
    /// </summary>
    public static PublicChangeEntry? For(RegistryDbContext db, ScienceTask task, DateTimeOffset now) =>
        Classify(db.Entry(task)) is { } change ? new PublicChangeEntry { TaskId = task.PublicId, Change = change, At = now } : null;
}

internal sealed class PublicChangeEntryConfiguration : IEntityTypeConfiguration<PublicChangeEntry>
{
    public void Configure(EntityTypeBuilder<PublicChangeEntry> b)
    {
        b.ToTable("ChangeLog");
        b.HasKey(c => c.Sequence);
        b.Property(c => c.Sequence).ValueGeneratedOnAdd();
        b.Property(c => c.TaskId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.Property(c => c.Change).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
    }
}
