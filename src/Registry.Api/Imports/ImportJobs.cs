using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Api.Imports;

/// <summary>A queued import: the persisted job's id and what the worker needs to run it.</summary>
public sealed record ImportWork(string JobId, UploadedFile File, ImportOptions Options, Actor Actor);

/// <summary>
/// The import jobs of <see cref="IImportJobStore"/>, with their report and error as the API writes them, and the
/// in-process queue that feeds <see cref="ImportWorker"/>. Every job this instance accepts is held under its
/// <see cref="Lease"/> (owner unique per process), because its upload is in this instance's data directory.
/// </summary>
public sealed class ImportJobs(IImportJobStore store, IOptions<RegistryApiOptions> options)
{
    /// <summary>This instance's hold on its jobs; renewed by the worker's heartbeat every <see cref="ImportLimits.JobHeartbeat"/>.</summary>
    public JobLease Lease { get; } = new($"imports:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
        options.Value.Imports.JobLease);

    private readonly Channel<ImportWork> _queue = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportWork> Reader => _queue.Reader;

    public async Task<ImportJobState> EnqueueAsync(UploadedFile file, ImportOptions options, Actor actor, CancellationToken ct)
    {
        var job = await store.CreateAsync(new ImportJobRequest(FormatName(file.Format), file.FileName, options.DryRun, options.SkipInvalid, actor), Lease, ct);
        await _queue.Writer.WriteAsync(new ImportWork(job.Id, file, options, actor), ct);
        return job;
    }

    /// <summary>Rows done of the jobs this instance is running, as the worker last reported them.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// The stored job, with the rows done so far when this instance runs it: on SQLite the import's transaction holds
    /// the write lock, so progress reaches the row only when the import ends.
    /// </summary>
    public async Task<ImportJobState?> FindAsync(string id, CancellationToken ct)
    {
        var job = await store.FindAsync(id, ct);
        return job is { Status: ImportJobStatus.Running } && _running.TryGetValue(id, out var done) && done > job.ProcessedRows
            ? job with { ProcessedRows = done }
            : job;
    }

    /// <summary>Progress of a job this instance runs, seen by <see cref="FindAsync"/> before the database has it; null ends it.</summary>
    public void Track(string id, int? processed)
    {
        if (processed is { } n) _running[id] = n;
        else _running.TryRemove(id, out _);
    }

    public Task MarkRunningAsync(string id, CancellationToken ct) => store.MarkRunningAsync(id, Lease, ct);

    public Task ReportProgressAsync(string id, int processed, int total, CancellationToken ct) => store.ReportProgressAsync(id, processed, total, Lease, ct);

    /// <summary>The heartbeat: extends the lease of every job this instance holds, queued or running.</summary>
    public Task<int> RenewAsync(CancellationToken ct) => store.RenewAsync(Lease, ct);

    public Task CompleteAsync(string id, ImportReport report, CancellationToken ct) =>
        store.CompleteAsync(id, report.Rows, JsonSerializer.Serialize(ImportReportResponse.From(report), RegistryJson.Options), ct);

    public Task FailAsync(string id, ImportJobError error, CancellationToken ct) =>
        store.FailAsync(id, JsonSerializer.Serialize(error, RegistryJson.Options), ct);

    /// <summary>
    /// Jobs whose owner stopped renewing its lease (that instance died, and its in-memory queue with it) are failed
    /// as interrupted; live jobs of other instances are left alone.
    /// </summary>
    public Task<int> FailInterruptedAsync(CancellationToken ct) => store.FailExpiredAsync(JsonSerializer.Serialize(new ImportJobError("interrupted",
        "Máy chủ nhận tệp đã dừng khi đang nhập; hãy gửi lại tệp (the instance holding the import stopped; upload the file again)."), RegistryJson.Options),
        exceptOwner: Lease.Owner, ct);

    public static ImportJobResponse ToResponse(ImportJobState job) => new(
        job.Id,
        job.Status.ToString().ToLowerInvariant(),
        job.Format,
        job.FileName,
        job.DryRun,
        job.SkipInvalid,
        job.ProcessedRows,
        job.TotalRows > 0 ? job.TotalRows : null,
        job.CreatedAt,
        job.FinishedAt,
        job.ReportJson is null ? null : JsonSerializer.Deserialize<ImportReportResponse>(job.ReportJson, RegistryJson.Options),
        job.ErrorJson is null ? null : JsonSerializer.Deserialize<ImportJobError>(job.ErrorJson, RegistryJson.Options));

    public static string FormatName(ImportFormat format) => format.Name();
}
