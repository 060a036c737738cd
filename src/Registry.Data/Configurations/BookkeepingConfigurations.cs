using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Entities;

namespace Registry.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(a => a.Id);
        b.Property(a => a.Actor).HasMaxLength(TextLimits.PersonName);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(a => a.EntityId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(a => new { a.EntityId, a.At });
    }
}

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> b)
    {
        b.ToTable("Outbox");
        b.HasKey(o => o.Sequence);
        b.Property(o => o.Sequence).ValueGeneratedOnAdd();
        b.Property(o => o.TaskId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(o => o.LeaseOwner).HasMaxLength(TextLimits.ShortText);
        b.Property(o => o.LastError).HasMaxLength(TextLimits.LongText);
        b.Property(o => o.Events).HasMaxLength(TextLimits.ShortText).IsUnicode(false);
        // The lease order (pending, interactive first, then by sequence) is this index's order, so a lease reads only
        // the rows it takes however large the backlog and however many processed rows precede it.
        b.HasIndex(o => new { o.ProcessedAt, o.Interactive, o.Sequence }).IsDescending(false, true, false);
        b.HasIndex(o => o.LeaseToken);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Name).HasMaxLength(TextLimits.PersonName);
        b.HasIndex(k => k.Name).IsUnique();
        b.Property(k => k.Role).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(k => k.KeyHash).HasMaxLength(64).IsUnicode(false);
        b.Property(k => k.Prefix).HasMaxLength(16).IsUnicode(false);
        b.HasIndex(k => k.Prefix);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("ImportJobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(j => j.PublicId).IsUnique();
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(j => j.Format).HasMaxLength(TextLimits.EnumName);
        b.Property(j => j.FileName).HasMaxLength(TextLimits.ShortText);
        b.Property(j => j.Error).HasMaxLength(TextLimits.LongText);
        b.Property(j => j.Actor).HasMaxLength(TextLimits.PersonName);
        b.HasIndex(j => j.CreatedAt);
        b.Property(j => j.LeaseOwner).HasMaxLength(TextLimits.ShortText);
        b.HasIndex(j => new { j.Status, j.LeaseUntil });
    }
}
