using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Entities;

namespace Registry.Data.Configurations;

internal sealed class ScienceTaskConfiguration : IEntityTypeConfiguration<ScienceTask>
{
    public void Configure(EntityTypeBuilder<ScienceTask> b)
    {
        b.ToTable("Tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(t => t.PublicId).IsUnique();
        b.Property(t => t.Code).HasMaxLength(TextLimits.Code);
        b.HasIndex(t => t.Code).IsUnique();
        b.Property(t => t.Title).HasMaxLength(TextLimits.Title);
        b.Property(t => t.TitleEn).HasMaxLength(TextLimits.Title);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(t => t.Visibility).HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        b.Property(t => t.KeywordsJson);
        b.Property(t => t.ManagingAgency).HasMaxLength(TextLimits.ShortText);
        b.Property(t => t.WithdrawalReason).HasMaxLength(TextLimits.Title);
        foreach (var text in new[] { nameof(ScienceTask.Summary), nameof(ScienceTask.Objectives), nameof(ScienceTask.Methods),
                     nameof(ScienceTask.ExpectedResults), nameof(ScienceTask.Results), nameof(ScienceTask.ApplicationPotential) })
        {
            b.Property(text);
        }
        b.Property(t => t.PlainSummary).HasMaxLength(TextLimits.PlainSummary);
        b.Property(t => t.Version).IsConcurrencyToken();

        b.HasOne(t => t.HostOrganization).WithMany().HasForeignKey(t => t.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Fields).WithOne().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Investigators).WithOne().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Outputs).WithOne().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Coverage).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);

        b.OwnsOne(t => t.ApprovalDecision, o =>
        {
            o.Property(a => a.Number).HasColumnName("ApprovalDecisionNumber").HasMaxLength(TextLimits.DocumentNumber);
            o.Property(a => a.Date).HasColumnName("ApprovalDecisionDate");
        });
        b.OwnsOne(t => t.Funder, o =>
        {
            o.Property(f => f.Name).HasColumnName("FunderName").HasMaxLength(TextLimits.ShortText);
            o.Property(f => f.Identifier).HasColumnName("FunderIdentifier").HasMaxLength(TextLimits.PersistentId).IsUnicode(false);
        });
        b.OwnsOne(t => t.Budget, o =>
        {
            o.Property(a => a.TotalVnd).HasColumnName("BudgetTotalVnd");
            o.Property(a => a.StateBudgetVnd).HasColumnName("BudgetStateVnd");
        });
        b.OwnsOne(t => t.Acceptance, o =>
        {
            o.Property(a => a.Date).HasColumnName("AcceptanceDate");
            o.Property(a => a.Rating).HasColumnName("AcceptanceRating").HasConversion<string>().HasMaxLength(TextLimits.EnumName);
        });
        b.OwnsOne(t => t.ResultRegistration, o =>
        {
            o.Property(a => a.CertificateNumber).HasColumnName("ResultRegistrationNumber").HasMaxLength(TextLimits.DocumentNumber);
            o.Property(a => a.Date).HasColumnName("ResultRegistrationDate");
        });

        // Public listing and feeds: published, newest first; harvesters: changed since.
        b.HasIndex(t => new { t.Visibility, t.PublishedAt, t.Id });
        b.HasIndex(t => t.UpdatedAt);
        b.HasIndex(t => t.HostOrganizationId);
    }
}
