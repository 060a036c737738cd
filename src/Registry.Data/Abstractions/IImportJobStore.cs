namespace Registry.Data.Abstractions;

public enum ImportJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>A background import as requested: the file's format (jsonl, csv or xlsx) and name, its options, who asked.</summary>
public sealed record ImportJobRequest(string Format, string? FileName, bool DryRun, bool SkipInvalid, Actor Actor);

/// <summary>A background import as it stands. The report and the error are JSON written by the host.</summary>
/// <param name="TotalRows">0 until the reader knows the row count.</param>
public sealed record ImportJobState(
    string Id, ImportJobStatus Status, string Format, string? FileName, bool DryRun, bool SkipInvalid,
    int ProcessedRows, int TotalRows, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? ReportJson, string? ErrorJson);

/// <summary>
/// An instance's hold on the jobs it received: its unique <paramref name="Owner"/> name and how long a stamp lasts
/// without renewal. The upload lives in that instance's data directory, so only it can run the job.
/// </summary>
public sealed record JobLease(string Owner, TimeSpan Duration);

/// <summary>
/// Persisted import jobs (table ImportJobs), so their state survives the request that started them. Safe with several
/// API instances over one database: each unfinished job carries its owner and a lease expiry that the owner renews
/// while it lives; only a job whose lease ran out (its owner died) is failed as interrupted, by whichever instance
/// sweeps first.
/// </summary>
public interface IImportJobStore
{
    /// <summary>Records a queued job with a fresh public id, held by <paramref name="lease"/>'s owner.</summary>
    Task<ImportJobState> CreateAsync(ImportJobRequest request, JobLease lease, CancellationToken ct = default);

    Task<ImportJobState?> FindAsync(string id, CancellationToken ct = default);

    Task MarkRunningAsync(string id, JobLease lease, CancellationToken ct = default);

    /// <summary>Progress, which also renews the job's lease (the heartbeat carries the numbers).</summary>
    Task ReportProgressAsync(string id, int processed, int total, JobLease lease, CancellationToken ct = default);

    /// <summary>Extends the lease of every unfinished job <paramref name="lease"/>'s owner holds; returns how many.</summary>
    Task<int> RenewAsync(JobLease lease, CancellationToken ct = default);

    /// <summary>Succeeded, with every row processed and the report.</summary>
    Task CompleteAsync(string id, int rows, string reportJson, CancellationToken ct = default);

    Task FailAsync(string id, string errorJson, CancellationToken ct = default);

    /// <summary>
    /// Marks failed, with <paramref name="errorJson"/>, every queued or running job whose lease has expired (or that
    /// never had one: written before leases); jobs with a live lease, whoever holds them, are left alone, and so are
    /// the jobs of <paramref name="exceptOwner"/> (the sweeping instance knows its own jobs are alive, even when a long
    /// SQLite import kept it from renewing). Returns how many.
    /// </summary>
    Task<int> FailExpiredAsync(string errorJson, string? exceptOwner = null, CancellationToken ct = default);
}
