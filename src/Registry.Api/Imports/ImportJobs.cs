using System.Text.Json;
using System.Threading.Channels;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Api.Imports;

/// <summary>A queued import: the persisted job's id and what the worker needs to run it.</summary>
public sealed record ImportWork(string JobId, UploadedFile File, ImportOptions Options, Actor Actor);

/// <summary>The import jobs of <see cref="IImportJobStore"/>, with their report and error as the API writes them, and
/// the in-process queue that feeds <see cref="ImportWorker"/>.</summary>
public sealed class ImportJobs(IImportJobStore store)
{
    private readonly Channel<ImportWork> _queue = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportWork> Reader => _queue.Reader;

    public async Task<ImportJobState> EnqueueAsync(UploadedFile file, ImportOptions options, Actor actor, CancellationToken ct)
    {
        var job = await store.CreateAsync(new ImportJobRequest(FormatName(file.Format), file.FileName, options.DryRun, options.SkipInvalid, actor), ct);
        await _queue.Writer.WriteAsync(new ImportWork(job.Id, file, options, actor), ct);
        return job;
    }

    public Task<ImportJobState?> FindAsync(string id, CancellationToken ct) => store.FindAsync(id, ct);

    public Task MarkRunningAsync(string id, CancellationToken ct) => store.MarkRunningAsync(id, ct);

    public Task ReportProgressAsync(string id, int processed, int total, CancellationToken ct) => store.ReportProgressAsync(id, processed, total, ct);

    public Task CompleteAsync(string id, ImportReport report, CancellationToken ct) =>
        store.CompleteAsync(id, report.Rows, JsonSerializer.Serialize(ImportReportResponse.From(report), RegistryJson.Options), ct);

    public Task FailAsync(string id, ImportJobError error, CancellationToken ct) =>
        store.FailAsync(id, JsonSerializer.Serialize(error, RegistryJson.Options), ct);

    /// <summary>Jobs queued or running when the process stopped lost their in-memory work: mark them failed.</summary>
    public Task<int> FailInterruptedAsync(CancellationToken ct) => store.FailUnfinishedAsync(JsonSerializer.Serialize(new ImportJobError("interrupted",
        "Dịch vụ khởi động lại khi đang nhập; hãy gửi lại tệp (the service restarted during the import; upload the file again)."), RegistryJson.Options), ct);

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
