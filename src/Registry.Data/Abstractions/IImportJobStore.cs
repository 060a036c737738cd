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

/// <summary>Persisted import jobs (table ImportJobs), so their state survives the request that started them.</summary>
public interface IImportJobStore
{
    /// <summary>Records a queued job with a fresh public id.</summary>
    Task<ImportJobState> CreateAsync(ImportJobRequest request, CancellationToken ct = default);

    Task<ImportJobState?> FindAsync(string id, CancellationToken ct = default);

    Task MarkRunningAsync(string id, CancellationToken ct = default);

    Task ReportProgressAsync(string id, int processed, int total, CancellationToken ct = default);

    /// <summary>Succeeded, with every row processed and the report.</summary>
    Task CompleteAsync(string id, int rows, string reportJson, CancellationToken ct = default);

    Task FailAsync(string id, string errorJson, CancellationToken ct = default);

    /// <summary>Marks every queued or running job failed with <paramref name="errorJson"/>; returns how many.</summary>
    Task<int> FailUnfinishedAsync(string errorJson, CancellationToken ct = default);
}
