using Registry.Data.Records;

namespace Registry.Data.Abstractions;

/// <summary>A task as stored: the full record (curator view, with contacts) and its concurrency version.</summary>
/// <param name="Version">Increments on every change; the REST ETag is derived from it.</param>
public sealed record StoredTask(TaskRecord Record, long Version, Visibility Visibility, string? WithdrawalReason = null)
{
    public string Id => Record.Id!;
}

public sealed record TaskPage(IReadOnlyList<StoredTask> Results, string? NextCursor, long? TotalCount);

/// <summary>A problem with one field of a record. <paramref name="Path"/> is the JSON path, e.g. "budget.stateBudgetVnd".</summary>
public sealed record FieldError(string Path, string Message);

public enum WriteStatus
{
    Ok,
    Created,
    Unchanged,
    NotFound,
    /// <summary>The If-Match version is stale: someone changed the record since it was read.</summary>
    VersionMismatch,
    Invalid,
    /// <summary>The record is classified (Mật, Tối mật, Tuyệt mật): refused and nothing kept.</summary>
    StateSecret,
    /// <summary>Another task already has this code.</summary>
    DuplicateCode,
}

public sealed record WriteResult(WriteStatus Status, StoredTask? Task = null, IReadOnlyList<FieldError>? Errors = null)
{
    public bool Succeeded => Status is WriteStatus.Ok or WriteStatus.Created or WriteStatus.Unchanged;
}

/// <summary>
/// The store of tasks. Every successful write commits the change, an audit entry and an outbox entry in one
/// transaction (invariant 4). State secrets are refused before anything is written (invariant 1).
/// </summary>
public interface ITaskStore
{
    Task<StoredTask?> FindByIdAsync(string id, CancellationToken ct = default);
    Task<StoredTask?> FindByCodeAsync(string code, CancellationToken ct = default);
    Task<IReadOnlyList<StoredTask>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>Published tasks, newest first (published time, then id), by opaque cursor.</summary>
    Task<TaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>Creates a draft (or the visibility the record asks for when the actor may set it).</summary>
    Task<WriteResult> CreateAsync(TaskRecord record, Actor actor, CancellationToken ct = default);

    /// <summary>Replaces the record's content. <paramref name="expectedVersion"/> null skips the concurrency check.</summary>
    Task<WriteResult> UpdateAsync(string id, TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct = default);

    Task<WriteResult> SetVisibilityAsync(string id, Visibility visibility, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// Upserts a batch by code in one transaction. With <see cref="ImportOptions.SkipInvalid"/> false, any invalid
    /// row rejects the whole batch; with <see cref="ImportOptions.DryRun"/> nothing is written either way.
    /// </summary>
    Task<BatchOutcome> UpsertBatchAsync(IReadOnlyList<ImportCandidate> rows, ImportOptions options, Actor actor, CancellationToken ct = default);
}

/// <param name="KeepTimestamps">Take createdAt/updatedAt/publishedAt from the records (demo seeding and snapshot
/// restore only; never exposed over HTTP).</param>
public sealed record ImportOptions(bool DryRun = false, bool SkipInvalid = false, bool KeepTimestamps = false);

/// <summary>One parsed row of an import. <paramref name="Errors"/> holds parse problems found before validation.</summary>
/// <param name="Line">1-based line (JSON Lines), or row number as the spreadsheet shows it (CSV, Excel).</param>
public sealed record ImportCandidate(int Line, string? Code, TaskRecord? Record, IReadOnlyList<string> Errors, bool StateSecret = false);

public enum RowOutcome
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>What happened to one row. A state-secret row keeps only its line and the reason, not even its code.</summary>
public sealed record RowResult(int Line, string? Code, RowOutcome Outcome, string? Id, IReadOnlyList<string> Reasons);

public sealed record BatchOutcome(IReadOnlyList<RowResult> Rows, bool Committed);
