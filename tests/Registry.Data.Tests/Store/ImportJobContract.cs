using Registry.Data.Abstractions;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

/// <summary>The life of a background import job in <see cref="IImportJobStore"/>; run on each provider.</summary>
public abstract class ImportJobContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    [StoreFact]
    public async Task A_job_is_queued_runs_reports_progress_and_finishes_with_its_report()
    {
        var created = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", "nhiem-vu.csv", DryRun: true, SkipInvalid: false, Curator));
        Assert.True(PublicIds.IsWellFormed(created.Id, 'j'), created.Id);
        Assert.Equal(ImportJobStatus.Queued, created.Status);
        Assert.Equal(store.Clock.GetUtcNow(), created.CreatedAt);

        await store.ImportJobs.MarkRunningAsync(created.Id);
        await store.ImportJobs.ReportProgressAsync(created.Id, 40, 120);
        var running = (await store.ImportJobs.FindAsync(created.Id))!;
        Assert.Equal((ImportJobStatus.Running, 40, 120), (running.Status, running.ProcessedRows, running.TotalRows));

        store.Clock.Advance(TimeSpan.FromMinutes(2));
        await store.ImportJobs.CompleteAsync(created.Id, 120, """{"rows":120}""");
        var done = (await store.ImportJobs.FindAsync(created.Id))!;
        Assert.Equal(created with
        {
            Status = ImportJobStatus.Succeeded, ProcessedRows = 120, TotalRows = 120,
            FinishedAt = store.Clock.GetUtcNow(), ReportJson = """{"rows":120}""",
        }, done);
    }

    [StoreFact]
    public async Task Unfinished_jobs_fail_at_start_and_finished_ones_keep_their_outcome()
    {
        var queued = await store.ImportJobs.CreateAsync(new ImportJobRequest("jsonl", null, false, false, Curator));
        var running = await store.ImportJobs.CreateAsync(new ImportJobRequest("xlsx", "a.xlsx", false, true, Curator));
        var failed = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", "b.csv", false, false, Curator));
        await store.ImportJobs.MarkRunningAsync(running.Id);
        await store.ImportJobs.FailAsync(failed.Id, """{"kind":"format"}""");

        Assert.True(await store.ImportJobs.FailUnfinishedAsync("""{"kind":"interrupted"}""") >= 2);

        foreach (var id in new[] { queued.Id, running.Id })
        {
            var job = (await store.ImportJobs.FindAsync(id))!;
            Assert.Equal((ImportJobStatus.Failed, """{"kind":"interrupted"}"""), (job.Status, job.ErrorJson));
            Assert.NotNull(job.FinishedAt);
        }
        Assert.Equal("""{"kind":"format"}""", (await store.ImportJobs.FindAsync(failed.Id))!.ErrorJson);
        Assert.Null(await store.ImportJobs.FindAsync("j0000000000000"));
    }
}
