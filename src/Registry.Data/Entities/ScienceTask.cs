using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Entities;

/// <summary>
/// Nhiệm vụ khoa học và công nghệ as stored. Separate from <see cref="TaskRecord"/>: the record is the public
/// contract, this is the row layout (internal key, concurrency version, visibility bookkeeping).
/// </summary>
internal sealed class ScienceTask
{
    /// <summary>Internal key: never leaves the store.</summary>
    public long Id { get; set; }
    /// <summary>Stable opaque public id ("t" + 12 Crockford base32 chars), never reused.</summary>
    public string PublicId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public TaskKind Kind { get; set; }
    public TaskLevel Level { get; set; }
    public TaskStatus Status { get; set; }
    /// <summary>Keywords as a JSON array (order kept); they are searched through the engine, not SQL.</summary>
    public string KeywordsJson { get; set; } = "[]";
    public string? ManagingAgency { get; set; }
    public Funder? Funder { get; set; }

    public long HostOrganizationId { get; set; }
    public HostOrganization HostOrganization { get; set; } = null!;

    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public ApprovalDecision? ApprovalDecision { get; set; }
    public Budget? Budget { get; set; }
    public string? Summary { get; set; }
    /// <summary>Tóm tắt phổ thông (optional).</summary>
    public string? PlainSummary { get; set; }
    public string? Objectives { get; set; }
    public string? Methods { get; set; }
    public string? ExpectedResults { get; set; }
    public Acceptance? Acceptance { get; set; }
    public ResultRegistration? ResultRegistration { get; set; }
    public string? Results { get; set; }
    public string? ApplicationPotential { get; set; }

    public List<TaskField> Fields { get; set; } = [];
    public List<Investigator> Investigators { get; set; } = [];
    public List<TaskOutput> Outputs { get; set; } = [];
    public List<TaskCoverage> Coverage { get; set; } = [];

    /// <summary>Incremented on every change; the REST ETag.</summary>
    public long Version { get; set; }
    public Visibility Visibility { get; set; }
    public string? WithdrawalReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>First publication; kept when a task is withdrawn or re-published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>Quyết định phê duyệt (owned).</summary>
internal sealed class ApprovalDecision
{
    public string? Number { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>Kinh phí in VND (owned).</summary>
internal sealed class Budget
{
    public long? TotalVnd { get; set; }
    public long? StateBudgetVnd { get; set; }
}

/// <summary>Nghiệm thu: the formal acceptance of a finished task (owned).</summary>
internal sealed class Acceptance
{
    public DateOnly? Date { get; set; }
    public AcceptanceRating? Rating { get; set; }
}

/// <summary>Đăng ký kết quả (owned).</summary>
internal sealed class ResultRegistration
{
    public string? CertificateNumber { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>Đơn vị cấp kinh phí (owned); the identifier in its canonical URL form.</summary>
internal sealed class Funder
{
    public string? Name { get; set; }
    public string? Identifier { get; set; }
}
