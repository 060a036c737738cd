using System.Text.Json.Serialization;

namespace Registry.Data.Records;

/// <summary>
/// The open-data record v1 of a task: the REST representation, the export line and the import line.
/// Read-only fields (<see cref="Id"/>, <c>hostOrganization.id</c>, timestamps) are accepted and ignored on input;
/// <see cref="Visibility"/> may publish or return to draft but not withdraw (that needs a reason:
/// <see cref="Validation.WithdrawalRule"/>). Input is read by <see cref="RecordJsonReader"/>.
/// </summary>
public sealed record TaskRecord
{
    /// <summary>Stable opaque public id, never reused. Read-only.</summary>
    public string? Id { get; init; }
    /// <summary>Mã số nhiệm vụ, unique; the key for upserts.</summary>
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? TitleEn { get; init; }
    public TaskKind? Kind { get; init; }
    public TaskLevel? Level { get; init; }
    /// <summary>Codes from the field-of-science classification (Circular 24/2025/TT-BKHCN).</summary>
    public IReadOnlyList<string>? Fields { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public TaskStatus? Status { get; init; }
    /// <summary>Input only: anything but <c>none</c> is refused and never stored.</summary>
    public SecurityClassification? SecurityClassification { get; init; }
    public string? ManagingAgency { get; init; }
    /// <summary>Đơn vị cấp kinh phí: who funds the task, with a persistent identifier when it has one.</summary>
    public FunderRecord? Funder { get; init; }
    public OrganizationRef? HostOrganization { get; init; }
    public PersonRecord? PrincipalInvestigator { get; init; }
    public IReadOnlyList<PersonRecord>? Members { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public ApprovalDecisionRecord? ApprovalDecision { get; init; }
    public BudgetRecord? Budget { get; init; }
    public string? Summary { get; init; }
    /// <summary>
    /// Tóm tắt phổ thông: a few sentences a reader without the field's vocabulary understands. Optional; shown first on
    /// pages, cards, feeds and embeds when present.
    /// </summary>
    public string? PlainSummary { get; init; }
    public string? Objectives { get; init; }
    public string? Methods { get; init; }
    public string? ExpectedResults { get; init; }
    public AcceptanceRecord? Acceptance { get; init; }
    public ResultRegistrationRecord? ResultRegistration { get; init; }
    public string? Results { get; init; }
    public string? ApplicationPotential { get; init; }
    public IReadOnlyList<OutputRecord>? Outputs { get; init; }
    /// <summary>Media coverage: where the task was communicated (press, television, radio, portals, social networks, events).</summary>
    public IReadOnlyList<CoverageRecord>? Coverage { get; init; }
    public Visibility? Visibility { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>Tổ chức chủ trì as written on a task; the store resolves it to an organization with its own id.</summary>
public sealed record OrganizationRef
{
    /// <summary>The organization's public id. Read-only.</summary>
    public string? Id { get; init; }
    public string? Name { get; init; }
    public OrganizationType? Type { get; init; }
    public string? Province { get; init; }
    public string? Commune { get; init; }
    /// <summary>ROR id, stored as https://ror.org/0xxxxxxNN; the bare id is accepted on input.</summary>
    public string? Ror { get; init; }
}

/// <summary>Đơn vị cấp kinh phí: the funder of a task.</summary>
public sealed record FunderRecord
{
    public string? Name { get; init; }
    /// <summary>
    /// A ROR id (stored https://ror.org/…) or a Crossref Funder Registry DOI (stored https://doi.org/10.13039/…).
    /// </summary>
    public string? Identifier { get; init; }
}

/// <summary>An investigator. Name and academic title are public; e-mail and phone are for curators only.</summary>
public sealed record PersonRecord
{
    public string? Name { get; init; }
    /// <summary>Học hàm, học vị: GS.TS., PGS.TS., TS., ThS., KS., CN., BS., …</summary>
    public string? AcademicTitle { get; init; }
    public string? Role { get; init; }
    /// <summary>ORCID iD, stored as https://orcid.org/0000-0000-0000-000X; the bare iD is accepted on input. Public.</summary>
    public string? Orcid { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }
}

/// <summary>Quyết định phê duyệt.</summary>
public sealed record ApprovalDecisionRecord
{
    public string? Number { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>Kinh phí, in VND.</summary>
public sealed record BudgetRecord
{
    public long? TotalVnd { get; init; }
    /// <summary>Ngân sách nhà nước; never more than <see cref="TotalVnd"/>.</summary>
    public long? StateBudgetVnd { get; init; }
}

/// <summary>Nghiệm thu: the formal acceptance of a finished task.</summary>
public sealed record AcceptanceRecord
{
    public DateOnly? Date { get; init; }
    public AcceptanceRating? Rating { get; init; }
}

/// <summary>Đăng ký kết quả thực hiện nhiệm vụ.</summary>
public sealed record ResultRegistrationRecord
{
    public string? CertificateNumber { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>A result of a task: a publication, patent, plant variety, process, prototype, …</summary>
public sealed record OutputRecord
{
    public OutputType? Type { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>
    /// DOI, patent number, variety certificate, …; with <see cref="IdentifierType"/> it is checked and stored in that
    /// scheme's canonical form (<see cref="Identifiers"/>), without it it is free text (records written before v1.1).
    /// </summary>
    public string? Identifier { get; init; }
    /// <summary>The scheme of <see cref="Identifier"/>.</summary>
    public OutputIdentifierType? IdentifierType { get; init; }
    public string? Url { get; init; }
    /// <summary>Whether a business can take this output up (chuyển giao).</summary>
    public bool? Transferable { get; init; }
}

/// <summary>One item of media coverage of a task: an article, broadcast, post or event that communicated it.</summary>
public sealed record CoverageRecord
{
    /// <summary>Link to the item (http or https only).</summary>
    public string? Url { get; init; }
    /// <summary>Cơ quan báo chí / kênh: the outlet, e.g. "Báo Phú Thọ", "Đài PT-TH Phú Thọ", "Fanpage Sở KH&amp;CN".</summary>
    public string? Outlet { get; init; }
    public CoverageKind? Kind { get; init; }
    /// <summary>Date of publication or broadcast; never in the future.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Headline or title of the item.</summary>
    public string? Title { get; init; }
}
