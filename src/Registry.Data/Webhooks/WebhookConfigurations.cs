using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Data.Webhooks;

/// <summary>Longest texts the webhook rows hold.</summary>
public static class WebhookLimits
{
    public const int Url = 2000;
    public const int Description = 300;
    public const int Secret = 100;
    public const int EventId = 64;
    public const int Filter = 600;
    public const int Error = 500;
}

internal sealed class WebhookSubscriberConfiguration : IEntityTypeConfiguration<WebhookSubscriber>
{
    public void Configure(EntityTypeBuilder<WebhookSubscriber> b)
    {
        b.ToTable("WebhookSubscribers");
        b.HasKey(s => s.Id);
        b.Property(s => s.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(s => s.PublicId).IsUnique();
        b.Property(s => s.Url).HasMaxLength(WebhookLimits.Url);
        b.Property(s => s.Description).HasMaxLength(WebhookLimits.Description);
        b.Property(s => s.Events).HasMaxLength(TextLimits.ShortText).IsUnicode(false);
        b.Property(s => s.FieldFilter).HasMaxLength(WebhookLimits.Filter).IsUnicode(false);
        b.Property(s => s.LevelFilter).HasMaxLength(TextLimits.ShortText).IsUnicode(false);
        b.Property(s => s.Secret).HasMaxLength(WebhookLimits.Secret).IsUnicode(false);
        b.Property(s => s.PreviousSecret).HasMaxLength(WebhookLimits.Secret).IsUnicode(false);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(s => s.PausedReason).HasMaxLength(WebhookLimits.Error);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.HasKey(d => d.Id);
        b.HasOne<WebhookSubscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.EventId).HasMaxLength(WebhookLimits.EventId).IsUnicode(false);
        b.HasIndex(d => new { d.SubscriberId, d.EventId }).IsUnique();
        b.Property(d => d.EventType).HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        b.Property(d => d.TaskId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(d => d.LeaseOwner).HasMaxLength(TextLimits.ShortText);
        b.Property(d => d.LastError).HasMaxLength(WebhookLimits.Error);
        b.HasIndex(d => new { d.Status, d.DueAt });
        b.HasIndex(d => d.LeaseToken);
        b.HasIndex(d => new { d.SubscriberId, d.Status, d.Id });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("WebhookAttempts");
        b.HasKey(a => a.Id);
        b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Error).HasMaxLength(WebhookLimits.Error);
        b.HasIndex(a => new { a.DeliveryId, a.Id });
    }
}

internal sealed class WebhookCursorConfiguration : IEntityTypeConfiguration<WebhookCursor>
{
    public void Configure(EntityTypeBuilder<WebhookCursor> b)
    {
        b.ToTable("WebhookCursors");
        b.HasKey(c => c.Name);
        b.Property(c => c.Name).HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        // The one row exists from the migration on, so advancing it is always a conditional UPDATE, never a racing INSERT.
        b.HasData(new WebhookCursor { Name = WebhookCursor.FanOut, LastSequence = 0 });
    }
}
