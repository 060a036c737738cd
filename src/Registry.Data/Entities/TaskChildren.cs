using Registry.Data.Records;

namespace Registry.Data.Entities;

/// <summary>One field-of-science code of a task (Circular 24/2025/TT-BKHCN); a row so facets and filters are SQL.</summary>
internal sealed class TaskField
{
    public long TaskId { get; set; }
    public string FieldCode { get; set; } = "";
    /// <summary>Position in the record's list, so the record reads back as written.</summary>
    public int Ordinal { get; set; }
}

/// <summary>Chủ nhiệm (principal) or thành viên (member). Email and phone are curator-only (Decree 13/2023).</summary>
internal sealed class Investigator
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public bool IsPrincipal { get; set; }
    public int Ordinal { get; set; }
    public string? Name { get; set; }
    public string? AcademicTitle { get; set; }
    public string? Role { get; set; }
    /// <summary>https://orcid.org/… (public, unlike the contacts).</summary>
    public string? Orcid { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>A result of a task: publication, patent, plant variety, process, prototype, …</summary>
internal sealed class TaskOutput
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public int Ordinal { get; set; }
    public OutputType? Type { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Identifier { get; set; }
    public OutputIdentifierType? IdentifierType { get; set; }
    public string? Url { get; set; }
    public bool? Transferable { get; set; }
}

/// <summary>One item of media coverage of a task (link, outlet, kind, date, title).</summary>
internal sealed class TaskCoverage
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public int Ordinal { get; set; }
    public string Url { get; set; } = "";
    public string? Outlet { get; set; }
    public CoverageKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string? Title { get; set; }
}

/// <summary>Tổ chức chủ trì, de-duplicated by <see cref="NormalizedName"/>.</summary>
internal sealed class HostOrganization
{
    public long Id { get; set; }
    /// <summary>Stable opaque public id ("o" + 12 Crockford base32 chars).</summary>
    public string PublicId { get; set; } = "";
    /// <summary>The name as first written.</summary>
    public string Name { get; set; } = "";
    /// <summary>NFC, trimmed, whitespace collapsed, case-folded: see <c>OrganizationNames.Normalize</c>.</summary>
    public string NormalizedName { get; set; } = "";
    public OrganizationType? Type { get; set; }
    public string? Province { get; set; }
    public string? Commune { get; set; }
    /// <summary>https://ror.org/0xxxxxxNN.</summary>
    public string? Ror { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
