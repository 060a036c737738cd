using Registry.Data.Import;

namespace Registry.Api.Imports;

/// <summary>Runs queued imports one at a time, recording progress and the report on the job row.</summary>
public sealed class ImportWorker(ImportJobs jobs, ImportService imports, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interrupted = await jobs.FailInterruptedAsync(stoppingToken);
        if (interrupted > 0) logger.LogWarning("Marked {Count} interrupted import jobs as failed", interrupted);

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

    private async Task RunAsync(ImportWork work, CancellationToken ct)
    {
        await jobs.MarkRunningAsync(work.JobId, ct);
        var progress = new JobProgress(jobs, work.JobId);
        try
        {
            await using var stream = new FileStream(work.File.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            var report = await imports.RunAsync(stream, work.File.Format, work.Options, work.Actor, progress, ct);
            await progress.FlushAsync(ct);
            await jobs.CompleteAsync(work.JobId, report, ct);
            logger.LogInformation("Import job {JobId} finished: {Rows} rows, committed {Committed}", work.JobId, report.Rows, report.Committed);
        }
        catch (ImportFileException ex)
        {
            await jobs.FailAsync(work.JobId, new ImportJobError(ex.Kind, ex.Message), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Log the type for operators; the job shows a generic message (no record content, no stack trace).
            logger.LogError(ex, "Import job {JobId} failed with {ExceptionType}", work.JobId, ex.GetType().Name);
            await jobs.FailAsync(work.JobId, new ImportJobError("internal",
                "Lỗi ngoài dự kiến khi nhập; không có gì được ghi nếu chưa có báo cáo (unexpected error during the import)."), CancellationToken.None);
        }
    }

    /// <summary>
    /// Progress arrives once per batch. During the first (checking) pass the total is not known yet, so only the rows
    /// checked so far are shown; during the writing pass the total is the rows the first pass counted.
    /// </summary>
    private sealed class JobProgress(ImportJobs jobs, string jobId) : IProgress<ImportProgress>
    {
        private Task _pending = Task.CompletedTask;
        private int _total;

        public void Report(ImportProgress value)
        {
            var checking = value.Phase == "checking";
            if (checking) _total = Math.Max(_total, value.RowsRead);
            var (processed, total) = (value.RowsDone, checking ? 0 : _total);
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
