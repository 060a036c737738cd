using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Data.Entities;

namespace Registry.Data.Inquiries;

/// <summary>
/// A technology-transfer inquiry (yêu cầu chuyển giao công nghệ): the log line curators keep. The business's contact
/// (name, e-mail, phone) is erased after the retention period; task, organisation, need, status and dates stay.
/// </summary>
internal sealed class Inquiry
{
    public long Id { get; set; }
    /// <summary>"q" + 12 Crockford base32 characters.</summary>
    public string PublicId { get; set; } = "";
    public long TaskId { get; set; }
    public ScienceTask Task { get; set; } = null!;
    /// <summary>Index in the task's outputs of the output asked about.</summary>
    public int? OutputIndex { get; set; }
    public string Organization { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    /// <summary>Null once erased: a need written in the business's own words may name people.</summary>
    public string? Need { get; set; }
    public string ConsentVersion { get; set; } = "";
    public DateTimeOffset ConsentedAt { get; set; }
    public InquiryStatus Status { get; set; }
    public InquiryRoute Route { get; set; }
    public string? StatusNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RelayedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PersonalDataErasedAt { get; set; }
}

/// <summary>
/// A host organization's contact address for inquiries. Its own table, read only by the inquiry store, so no public
/// read of organizations can ever select it.
/// </summary>
internal sealed class OrganizationContact
{
    public long OrganizationId { get; set; }
    public HostOrganization Organization { get; set; } = null!;
    public string Email { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> b)
    {
        b.ToTable("Inquiries");
        b.HasKey(i => i.Id);
        b.Property(i => i.PublicId).HasMaxLength(TextLimits.PublicId).IsUnicode(false);
        b.HasIndex(i => i.PublicId).IsUnique();
        b.HasOne(i => i.Task).WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.TaskId, i.Id });
        b.HasIndex(i => new { i.Status, i.Id });
        b.HasIndex(i => new { i.PersonalDataErasedAt, i.CreatedAt });
        b.Property(i => i.Organization).HasMaxLength(InquiryLimits.OrganizationName);
        b.Property(i => i.ContactName).HasMaxLength(InquiryLimits.ContactName);
        b.Property(i => i.ContactEmail).HasMaxLength(TextLimits.Email);
        b.Property(i => i.Phone).HasMaxLength(InquiryLimits.Phone);
        b.Property(i => i.Need).HasMaxLength(InquiryLimits.Need);
        b.Property(i => i.ConsentVersion).HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        b.Property(i => i.Route).HasConversion<string>().HasMaxLength(TextLimits.EnumName).IsUnicode(false);
        b.Property(i => i.StatusNote).HasMaxLength(InquiryLimits.StatusNote);
    }
}

internal sealed class OrganizationContactConfiguration : IEntityTypeConfiguration<OrganizationContact>
{
    public void Configure(EntityTypeBuilder<OrganizationContact> b)
    {
        b.ToTable("OrganizationContacts");
        b.HasKey(c => c.OrganizationId);
        b.HasOne(c => c.Organization).WithOne().HasForeignKey<OrganizationContact>(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Email).HasMaxLength(TextLimits.Email);
        b.Property(c => c.UpdatedBy).HasMaxLength(TextLimits.ShortText);
    }
}
