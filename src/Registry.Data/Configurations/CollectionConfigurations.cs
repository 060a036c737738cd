using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Collections;

namespace Registry.Data.Configurations;

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> b)
    {
        b.ToTable("Collections");
        b.HasKey(c => c.Id);
        b.Property(c => c.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(c => c.PublicId).IsUnique();
        b.Property(c => c.Title).HasMaxLength(CollectionLimits.Title);
        b.Property(c => c.TitleEn).HasMaxLength(CollectionLimits.Title);
        b.Property(c => c.Description).HasMaxLength(CollectionLimits.Description);
        b.Property(c => c.DescriptionEn).HasMaxLength(CollectionLimits.Description);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
        // The public list (newest day first) and "which collection is current" both read by date.
        b.HasIndex(c => new { c.Date, c.Id });
    }
}

internal sealed class CollectionItemConfiguration : IEntityTypeConfiguration<CollectionItem>
{
    public void Configure(EntityTypeBuilder<CollectionItem> b)
    {
        b.ToTable("CollectionItems");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.CollectionId, i.Position }).IsUnique();
        // Tasks are never deleted (they are withdrawn), so a collection can always name what it holds.
        b.HasOne(i => i.Task).WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.TaskId);
        b.Property(i => i.Note).HasMaxLength(CollectionLimits.Note);
    }
}
