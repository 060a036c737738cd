using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Entities;

namespace Registry.Data.Configurations;

internal sealed class TaskFieldConfiguration : IEntityTypeConfiguration<TaskField>
{
    public void Configure(EntityTypeBuilder<TaskField> b)
    {
        b.ToTable("TaskFields");
        b.HasKey(f => new { f.TaskId, f.FieldCode });
        b.Property(f => f.FieldCode).HasMaxLength(TextLimits.FieldCode).IsUnicode(false);
        b.HasIndex(f => f.FieldCode);
    }
}

internal sealed class InvestigatorConfiguration : IEntityTypeConfiguration<Investigator>
{
    public void Configure(EntityTypeBuilder<Investigator> b)
    {
        b.ToTable("Investigators");
        b.HasKey(i => i.Id);
        b.Property(i => i.Name).HasMaxLength(TextLimits.PersonName);
        b.Property(i => i.AcademicTitle).HasMaxLength(TextLimits.AcademicTitle);
        b.Property(i => i.Role).HasMaxLength(TextLimits.Role);
        b.Property(i => i.Orcid).HasMaxLength(TextLimits.PersistentId).IsUnicode(false);
        b.Property(i => i.Email).HasMaxLength(TextLimits.Email);
        b.Property(i => i.Phone).HasMaxLength(TextLimits.Phone);
        b.HasIndex(i => new { i.TaskId, i.Ordinal });
    }
}

internal sealed class TaskOutputConfiguration : IEntityTypeConfiguration<TaskOutput>
{
    public void Configure(EntityTypeBuilder<TaskOutput> b)
    {
        b.ToTable("TaskOutputs");
        b.HasKey(o => o.Id);
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(o => o.Title).HasMaxLength(TextLimits.Title);
        b.Property(o => o.Description).HasMaxLength(TextLimits.LongText);
        b.Property(o => o.Identifier).HasMaxLength(TextLimits.Identifier);
        b.Property(o => o.IdentifierType).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(o => o.Url).HasMaxLength(TextLimits.Url);
        b.HasIndex(o => new { o.TaskId, o.Ordinal });
    }
}

internal sealed class TaskCoverageConfiguration : IEntityTypeConfiguration<TaskCoverage>
{
    public void Configure(EntityTypeBuilder<TaskCoverage> b)
    {
        b.ToTable("TaskCoverage");
        b.HasKey(c => c.Id);
        b.Property(c => c.Url).HasMaxLength(TextLimits.Url);
        b.Property(c => c.Outlet).HasMaxLength(TextLimits.ShortText);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(c => c.Title).HasMaxLength(TextLimits.Title);
        b.HasIndex(c => new { c.TaskId, c.Ordinal });
        // The KPI counts tasks communicated by a date: (date, task) answers it from the index.
        b.HasIndex(c => new { c.Date, c.TaskId });
    }
}

internal sealed class HostOrganizationConfiguration : IEntityTypeConfiguration<HostOrganization>
{
    public void Configure(EntityTypeBuilder<HostOrganization> b)
    {
        b.ToTable("Organizations");
        b.HasKey(o => o.Id);
        b.Property(o => o.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(o => o.PublicId).IsUnique();
        b.Property(o => o.Name).HasMaxLength(TextLimits.ShortText);
        b.Property(o => o.NormalizedName).HasMaxLength(TextLimits.ShortText);
        b.HasIndex(o => o.NormalizedName).IsUnique();
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(o => o.Province).HasMaxLength(TextLimits.Place);
        b.Property(o => o.Commune).HasMaxLength(TextLimits.Place);
        b.Property(o => o.Ror).HasMaxLength(TextLimits.PersistentId).IsUnicode(false);
    }
}
