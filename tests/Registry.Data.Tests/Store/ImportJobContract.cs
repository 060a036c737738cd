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
        var created = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", "nhiem-vu.csv", DryRun: true, SkipInvalid: false, Curator), A);
        Assert.True(PublicIds.IsWellFormed(created.Id, 'j'), created.Id);
        Assert.Equal(ImportJobStatus.Queued, created.Status);
        Assert.Equal(store.Clock.GetUtcNow(), created.CreatedAt);

        await store.ImportJobs.MarkRunningAsync(created.Id, A);
        await store.ImportJobs.ReportProgressAsync(created.Id, 40, 120, A);
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

    private static readonly JobLease A = new("imports:instance-a", TimeSpan.FromMinutes(2));
    private static readonly JobLease B = new("imports:instance-b", TimeSpan.FromMinutes(2));
    private const string Interrupted = """{"kind":"interrupted"}""";

    [StoreFact]
    public async Task Another_instances_sweep_leaves_a_live_job_alone()
    {
        var queued = await store.ImportJobs.CreateAsync(new ImportJobRequest("jsonl", null, false, false, Curator), A);
        var running = await store.ImportJobs.CreateAsync(new ImportJobRequest("xlsx", "a.xlsx", false, true, Curator), A);
        await store.ImportJobs.MarkRunningAsync(running.Id, A);
        store.Clock.Advance(TimeSpan.FromMinutes(1));

        await store.ImportJobs.FailExpiredAsync(Interrupted, B.Owner); // instance B starting, or its periodic sweep

        Assert.Equal(ImportJobStatus.Queued, (await store.ImportJobs.FindAsync(queued.Id))!.Status);
        Assert.Equal(ImportJobStatus.Running, (await store.ImportJobs.FindAsync(running.Id))!.Status);

        // A long SQLite import keeps A from renewing; A's own sweep knows its jobs are alive, B's does not.
        store.Clock.Advance(TimeSpan.FromMinutes(5));
        await store.ImportJobs.FailExpiredAsync(Interrupted, A.Owner);
        Assert.Equal(ImportJobStatus.Running, (await store.ImportJobs.FindAsync(running.Id))!.Status);
        await store.ImportJobs.FailExpiredAsync(Interrupted, B.Owner);
        Assert.Equal(ImportJobStatus.Failed, (await store.ImportJobs.FindAsync(running.Id))!.Status);
    }

    [StoreFact]
    public async Task A_job_whose_owner_stopped_renewing_is_failed_as_interrupted_by_any_instance()
    {
        var queued = await store.ImportJobs.CreateAsync(new ImportJobRequest("jsonl", null, false, false, Curator), A);
        var running = await store.ImportJobs.CreateAsync(new ImportJobRequest("xlsx", "a.xlsx", false, true, Curator), A);
        var failed = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", "b.csv", false, false, Curator), A);
        var other = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", "c.csv", false, false, Curator), B);
        await store.ImportJobs.MarkRunningAsync(running.Id, A);
        await store.ImportJobs.FailAsync(failed.Id, """{"kind":"format"}""");
        store.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.ImportJobs.RenewAsync(B)); // B lives on; A died

        Assert.True(await store.ImportJobs.FailExpiredAsync(Interrupted, B.Owner) >= 2);

        foreach (var id in new[] { queued.Id, running.Id })
        {
            var job = (await store.ImportJobs.FindAsync(id))!;
            Assert.Equal((ImportJobStatus.Failed, Interrupted), (job.Status, job.ErrorJson));
            Assert.Equal(store.Clock.GetUtcNow(), job.FinishedAt);
        }
        Assert.Equal("""{"kind":"format"}""", (await store.ImportJobs.FindAsync(failed.Id))!.ErrorJson);
        Assert.Equal(ImportJobStatus.Queued, (await store.ImportJobs.FindAsync(other.Id))!.Status);
        Assert.Null(await store.ImportJobs.FindAsync("j0000000000000"));
    }

    [StoreFact]
    public async Task Renewal_and_progress_keep_a_long_job_alive_and_touch_only_the_owners_jobs()
    {
        var running = await store.ImportJobs.CreateAsync(new ImportJobRequest("jsonl", null, false, false, Curator), A);
        var queued = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", null, false, false, Curator), A);
        var others = await store.ImportJobs.CreateAsync(new ImportJobRequest("csv", null, false, false, Curator), B);
        await store.ImportJobs.MarkRunningAsync(running.Id, A);
        for (var minute = 0; minute < 10; minute++)
        {
            store.Clock.Advance(TimeSpan.FromSeconds(90));
            await store.ImportJobs.ReportProgressAsync(running.Id, minute * 1000, 0, A);
            Assert.Equal(2, await store.ImportJobs.RenewAsync(A)); // the heartbeat holds the queued job too
            await store.ImportJobs.FailExpiredAsync(Interrupted, A.Owner);
        }

        Assert.Equal((ImportJobStatus.Running, 9000), ((await store.ImportJobs.FindAsync(running.Id))!.Status, (await store.ImportJobs.FindAsync(running.Id))!.ProcessedRows));
        Assert.Equal(ImportJobStatus.Queued, (await store.ImportJobs.FindAsync(queued.Id))!.Status);
        Assert.Equal(ImportJobStatus.Failed, (await store.ImportJobs.FindAsync(others.Id))!.Status); // B never renewed
        await store.ImportJobs.CompleteAsync(running.Id, 9000, """{"rows":9000}""");
        Assert.Equal(1, await store.ImportJobs.RenewAsync(A)); // a finished job is no longer held
    }
}
