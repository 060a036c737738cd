using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Api.Imports;

/// <summary>A queued import: the persisted job's id and what the worker needs to run it.</summary>
public sealed record ImportWork(string JobId, UploadedFile File, ImportOptions Options, Actor Actor);

/// <summary>Persisted import jobs (table ImportJobs) and the in-process queue that feeds <see cref="ImportWorker"/>.</summary>
public sealed class ImportJobs(IDbContextFactory<RegistryDbContext> contexts, TimeProvider clock)
{
    private readonly Channel<ImportWork> _queue = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportWork> Reader => _queue.Reader;

    public async Task<ImportJob> EnqueueAsync(UploadedFile file, ImportOptions options, Actor actor, CancellationToken ct)
    {
        var job = new ImportJob
        {
            PublicId = PublicIds.NewImportJobId(),
            Status = ImportJobStatus.Queued,
            Format = FormatName(file.Format),
            FileName = file.FileName,
            DryRun = options.DryRun,
            SkipInvalid = options.SkipInvalid,
            Actor = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(ct);
        }

        await _queue.Writer.WriteAsync(new ImportWork(job.PublicId, file, options, actor), ct);
        return job;
    }

    public async Task<ImportJob?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.PublicId == id, ct);
    }

    public Task MarkRunningAsync(string id, CancellationToken ct) => UpdateAsync(id, j => j.Status = ImportJobStatus.Running, ct);

    public Task ReportProgressAsync(string id, int processed, int total, CancellationToken ct) =>
        UpdateAsync(id, j => (j.ProcessedRows, j.TotalRows) = (processed, total), ct);

    public Task CompleteAsync(string id, ImportReport report, CancellationToken ct) => UpdateAsync(id, j =>
    {
        j.Status = ImportJobStatus.Succeeded;
        j.ProcessedRows = report.Rows;
        j.TotalRows = report.Rows;
        j.ReportJson = JsonSerializer.Serialize(ImportReportResponse.From(report), RegistryJson.Options);
        j.FinishedAt = clock.GetUtcNow();
    }, ct);

    public Task FailAsync(string id, ImportJobError error, CancellationToken ct) => UpdateAsync(id, j =>
    {
        j.Status = ImportJobStatus.Failed;
        j.Error = JsonSerializer.Serialize(error, RegistryJson.Options);
        j.FinishedAt = clock.GetUtcNow();
    }, ct);

    /// <summary>Jobs queued or running when the process stopped lost their in-memory work: mark them failed.</summary>
    public async Task<int> FailInterruptedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stale = await db.ImportJobs.Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running).ToListAsync(ct);
        var error = JsonSerializer.Serialize(new ImportJobError("interrupted",
            "Dịch vụ khởi động lại khi đang nhập; hãy gửi lại tệp (the service restarted during the import; upload the file again)."), RegistryJson.Options);
        foreach (var job in stale)
        {
            job.Status = ImportJobStatus.Failed;
            job.Error = error;
            job.FinishedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return stale.Count;
    }

    public static ImportJobResponse ToResponse(ImportJob job) => new(
        job.PublicId,
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
        job.Error is null ? null : JsonSerializer.Deserialize<ImportJobError>(job.Error, RegistryJson.Options));

    public static string FormatName(ImportFormat format) => format switch
    {
        ImportFormat.JsonLines => "jsonl",
        ImportFormat.Csv => "csv",
        _ => "xlsx",
    };

    private async Task UpdateAsync(string id, Action<ImportJob> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.ImportJobs.FirstAsync(j => j.PublicId == id, ct);
        change(job);
        await db.SaveChangesAsync(ct);
    }
}
