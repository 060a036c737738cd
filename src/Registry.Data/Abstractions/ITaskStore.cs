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

    /// <summary>
    /// Runs one import of a whole file in ONE transaction: <paramref name="pass"/> hands the file's batches to the
    /// session, which checks each one and writes it into the open transaction, and returns the totals to commit
    /// with, or null to write nothing. Nothing is visible to other readers, nor survives a crash, before the commit,
    /// which also writes the import's own audit entry. When the database asks for a retry (a transient SQL Server
    /// failure, a lost race creating an organization) the whole pass runs again from the start, so
    /// <paramref name="pass"/> must be repeatable. A dry run opens no write transaction. True when committed.
    /// </summary>
    Task<bool> ImportAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
        CancellationToken ct = default);
}

/// <summary>One import as the audit log records it.</summary>
/// <param name="Id">The job's id ("j…") for a background job, else a fresh id ("i…") for this one run.</param>
/// <param name="Format">jsonl, csv or xlsx.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file as uploaded: with the line numbers on each created task's
/// entry, it ties every created task to the bytes it came from.</param>
public sealed record ImportRun(string Id, Actor Actor, string Format, string? FileName = null, string? Sha256 = null, long Bytes = 0);

/// <summary>What an import committed, recorded on its own audit entry.</summary>
public sealed record ImportTotals(int Rows, int Created, int Updated, int Unchanged, int Rejected)
{
    public static ImportTotals Of(IReadOnlyCollection<RowResult> rows) => new(rows.Count,
        rows.Count(r => r.Outcome == RowOutcome.Created), rows.Count(r => r.Outcome == RowOutcome.Updated),
        rows.Count(r => r.Outcome == RowOutcome.Unchanged), rows.Count(r => r.Outcome == RowOutcome.Rejected));
}

/// <summary>The store's side of a running import (<see cref="ITaskStore.ImportAsync"/>).</summary>
public interface IImportSession
{
    /// <summary>
    /// Checks a batch against the store as it stands inside the import (earlier batches included) and, while
    /// <see cref="Writing"/>, writes it. Without skipInvalid a batch with a rejected row is not written and the
    /// session stops writing: later batches are only checked, so the report still names every bad row.
    /// <see cref="BatchOutcome.Committed"/> says whether this batch was written into the open transaction.
    /// </summary>
    Task<BatchOutcome> AddAsync(IReadOnlyList<ImportCandidate> rows, CancellationToken ct = default);

    /// <summary>
    /// The checks of a batch that need nothing from the store (the state-secret guard, the record's validation), run
    /// by the caller on the parsing thread before <see cref="AddAsync"/>, so the two threads share the work. Safe to
    /// call from another thread than <see cref="AddAsync"/>; skipping it changes nothing but speed.
    /// </summary>
    IReadOnlyList<ImportCandidate> Prepare(IReadOnlyList<ImportCandidate> rows) => rows;

    /// <summary>False on a dry run, and once an all-or-nothing import has met a rejected row.</summary>
    bool Writing { get; }
}

/// <param name="KeepTimestamps">Take createdAt/updatedAt/publishedAt from the records (demo seeding and snapshot
/// restore only; never exposed over HTTP).</param>
public sealed record ImportOptions(bool DryRun = false, bool SkipInvalid = false, bool KeepTimestamps = false);

/// <summary>One parsed row of an import. <paramref name="Errors"/> holds parse problems found before validation.</summary>
/// <param name="Line">1-based line (JSON Lines), or row number as the spreadsheet shows it (CSV, Excel).</param>
public sealed record ImportCandidate(int Line, string? Code, TaskRecord? Record, IReadOnlyList<string> Errors, bool StateSecret = false)
{
    /// <summary>Characters of the row as read (a JSON line, the cells of a CSV or Excel row), to size batches; 0 when unknown.</summary>
    public int Chars { get; init; }

    /// <summary>The store's own checks of <see cref="Record"/>, made ahead on the parsing thread (<see cref="IImportSession.Prepare"/>); null when not made.</summary>
    internal RecordCheck? Check { get; init; }
}

/// <summary>What the store's checks said of a record before it is planned: a state secret, or the validation problems.</summary>
internal sealed record RecordCheck(bool StateSecret, IReadOnlyList<string> Problems);

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
