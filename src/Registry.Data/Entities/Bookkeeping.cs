using Registry.Data.Abstractions;

namespace Registry.Data.Entities;

internal enum AuditAction
{
    Create,
    Update,
    Publish,
    Withdraw,
    /// <summary>An import changed an existing task: <see cref="AuditEntry.ChangesJson"/> is the full {field: {from, to}} diff.</summary>
    Import,
    /// <summary>
    /// An import created the task. Compact: <see cref="AuditEntry.ChangesJson"/> names the import and the row,
    /// <c>{"import": "j…", "line": 17}</c>, instead of every field from null; the values are the task's first version
    /// (docs/data.md, "The audit log").
    /// </summary>
    ImportCreate,
    /// <summary>
    /// An import committed. <see cref="AuditEntry.EntityId"/> is the import's id (a job's "j…", or "i…"); the changes
    /// hold the file (name, format, bytes, SHA-256), the options and the counts.
    /// </summary>
    ImportFile,
    /// <summary>A collection deleted (tasks are never deleted, only withdrawn).</summary>
    Delete,
    /// <summary>A curator moved a technology-transfer inquiry (q…) to another status, with a note.</summary>
    InquiryStatus,
    /// <summary>A curator relayed an inquiry (q…) that was awaiting a contact.</summary>
    InquiryRelay,
    /// <summary>A curator set or cleared a host organization's (o…) contact address for inquiries.</summary>
    InquiryOrganizationContact,
    /// <summary>Public feedback (f…) approved for publication.</summary>
    FeedbackApprove,
    /// <summary>Public feedback rejected (the reason stays curator-only).</summary>
    FeedbackReject,
    /// <summary>The Department's official reply to feedback written or changed.</summary>
    FeedbackReply,
    /// <summary>The sender's name and e-mail erased (on request or after the retention period), or the feedback deleted.</summary>
    FeedbackErase,
}

/// <summary>Who changed what and when. <see cref="ChangesJson"/> maps each changed field to {from, to}.</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>Public id of what changed: a task (t…), collection (c…), feedback (f…), inquiry (q…) or organization (o…).</summary>
    public string EntityId { get; set; } = "";
    public string ChangesJson { get; set; } = "{}";
}

/// <summary>A change waiting for the search engine; written in the same transaction as the change.</summary>
internal sealed class OutboxEntry
{
    /// <summary>Identity, monotonic: the order of changes and the cursor of the changes feed.</summary>
    public long Sequence { get; set; }
    public string TaskId { get; set; } = "";
    public OutboxKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    /// <summary>Set per lease call, so a caller reads back exactly the rows its own UPDATE took.</summary>
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// Written by one curator action (the API, GraphQL, the command line), not by an import batch. The indexer leases
    /// these ahead of any backlog, so a task saved while a large import drains is searchable in about a second,
    /// not after the whole import; among themselves and among the others, the oldest first.
    /// </summary>
    public bool Interactive { get; set; }
    /// <summary>
    /// The public events this write means to webhook subscribers (<c>task.published</c>, <c>task.updated</c>,
    /// <c>task.withdrawn</c>, <c>task.coverage_added</c>), space-separated; null for a draft edit. Decided in the write's
    /// transaction, so the webhook fan-out reads what the write meant, not what the task became later.
    /// </summary>
    public string? Events { get; set; }
}

/// <summary>An API key: only the SHA-256 of the key is kept, plus a short prefix to find it.</summary>
internal sealed class ApiKey
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public ApiRole Role { get; set; }
    /// <summary>Lowercase hex SHA-256 of the whole key.</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>The first characters of the key (e.g. "rk_AbC12"), to find candidates and to show in lists.</summary>
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A background import of a file, with its report.</summary>
internal sealed class ImportJob
{
    public long Id { get; set; }
    public string PublicId { get; set; } = "";
    public ImportJobStatus Status { get; set; }
    /// <summary>jsonl, csv or xlsx.</summary>
    public string Format { get; set; } = "";
    public string? FileName { get; set; }
    public bool DryRun { get; set; }
    public bool SkipInvalid { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public string? ReportJson { get; set; }
    public string? Error { get; set; }
    public string Actor { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The instance holding the job (its upload is in that instance's data directory) while queued or running.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>Renewed by the owner's heartbeat; once past, the owner is taken for dead and any instance fails the job.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
