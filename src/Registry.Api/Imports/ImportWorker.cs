using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.Data;
using Registry.Data.Import;
using Registry.Data.Telemetry;

namespace Registry.Api.Imports;

/// <summary>
/// Runs this instance's queued imports one at a time, recording progress and the report on the job row. Whatever a
/// job throws fails that job, never the host; its upload is deleted however it ends, and uploads left by a crash are
/// deleted at start. Beside the queue, a heartbeat renews the lease of every job this instance holds and sweeps for
/// jobs whose owner stopped renewing (that instance died): those, and only those, are failed as interrupted. So with
/// several instances over one database, one starting never fails another's live job.
/// </summary>
public sealed class ImportWorker(ImportJobs jobs, ImportService imports, IOptions<RegistryDataOptions> data,
    IOptions<RegistryApiOptions> options, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    /// <summary>Runs before the web server accepts requests, so no upload of this process can be in the folder yet.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = ImportUpload.DeleteLeftovers(ImportUpload.Folder(data.Value));
        if (removed > 0) logger.LogWarning("Deleted {Count} upload files left by an earlier run", removed);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = HeartbeatAsync(stoppingToken);
        try
        {
            await foreach (var work in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(work, stoppingToken);
                }
                finally
                {
                    work.File.Delete();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: jobs still queued are failed as interrupted once their lease runs out; their files go now.
            while (jobs.Reader.TryRead(out var left)) left.File.Delete();
        }
        await heartbeat;
    }

    /// <summary>A sweep at start, then renew + sweep every heartbeat until the host stops.</summary>
    private async Task HeartbeatAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.Imports.JobHeartbeat, clock);
        do
        {
            await BeatAsync(ct);
        }
        while (await TickAsync(timer, ct));
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Internal for tests: one renewal of this instance's leases and one sweep for expired ones.</summary>
    internal async Task BeatAsync(CancellationToken ct)
    {
        try
        {
            await jobs.RenewAsync(ct);
            var interrupted = await jobs.FailInterruptedAsync(ct);
            if (interrupted > 0) logger.LogWarning("Marked {Count} import jobs failed: their instance stopped renewing them", interrupted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError("Could not renew or sweep import job leases: {ExceptionType}", ex.GetType().Name);
        }
    }

    private async Task RunAsync(ImportWork work, CancellationToken ct)
    {
        using var activity = RegistryTelemetry.Source.StartActivity("import job");
        activity?.SetTag("registry.import.job", work.JobId);
        activity?.SetTag("registry.import.format", ImportJobs.FormatName(work.File.Format));
        RegistryTelemetry.ImportJobsRunning.Add(1);
        var outcome = "failed";
        var progress = new JobProgress(jobs, work.JobId);
        try
        {
            await jobs.MarkRunningAsync(work.JobId, ct);
            await using var stream = new FileStream(work.File.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            var report = await imports.RunAsync(stream, work.File.Format, work.Options, work.Actor, progress, new ImportSource(work.JobId, work.File.FileName), ct);
            await progress.FlushAsync(ct);
            await jobs.CompleteAsync(work.JobId, report, ct);
            outcome = "completed";
            activity?.SetTag("registry.import.rows", report.Rows);
            logger.LogInformation("Import job {JobId} finished: {Rows} rows, committed {Committed}", work.JobId, report.Rows, report.Committed);
        }
        catch (ImportFileException ex)
        {
            await FailAsync(work.JobId, new ImportJobError(ex.Kind, ex.Message));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FailAsync(work.JobId, new ImportJobError("interrupted",
                "Dịch vụ dừng khi đang nhập; hãy gửi lại tệp (the service stopped during the import; upload the file again)."));
        }
        catch (Exception ex)
        {
            // An exception's message may quote the record it choked on, so only its type and where it was thrown are
            // logged; the job shows a generic message (no record content, no stack trace).
            logger.LogError("Import job {JobId} failed with {ExceptionType} at {StackTrace}", work.JobId, ex.GetType().Name, ex.StackTrace);
            await FailAsync(work.JobId, new ImportJobError("internal",
                "Lỗi ngoài dự kiến khi nhập; không có gì được ghi nếu chưa có báo cáo (unexpected error during the import)."));
        }
        finally
        {
            RegistryTelemetry.ImportJobsRunning.Add(-1);
            RegistryTelemetry.ImportJobsFinished.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            if (outcome != "completed") activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            jobs.Track(work.JobId, null);
        }
    }

    /// <summary>Records the failure; if even that fails (database gone), the job is marked at the next start.</summary>
    private async Task FailAsync(string jobId, ImportJobError error)
    {
        try
        {
            await jobs.FailAsync(jobId, error, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError("Could not record the failure of import job {JobId}: {ExceptionType}", jobId, ex.GetType().Name);
        }
    }

    /// <summary>
    /// Progress arrives once per batch; the import reads the file once, so the total is known only from the report
    /// (0 until then). Each write also renews the job's lease.
    /// </summary>
    private sealed class JobProgress(ImportJobs jobs, string jobId) : IProgress<ImportProgress>
    {
        private Task _pending = Task.CompletedTask;

        public void Report(ImportProgress value)
        {
            var (processed, total) = (value.RowsDone, 0);
            jobs.Track(jobId, processed);
            // Writes are chained so they land in order; a slow database delays the numbers, never the import.
            _pending = _pending.ContinueWith(_ => jobs.ReportProgressAsync(jobId, processed, total, CancellationToken.None)).Unwrap();
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            try
            {
                await _pending.WaitAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Progress numbers are informational; the final report written next replaces them.
            }
        }
    }
}
