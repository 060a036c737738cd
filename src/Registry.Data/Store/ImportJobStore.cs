using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;

namespace Registry.Data.Store;

/// <summary>EF implementation of <see cref="IImportJobStore"/>; each operation on its own short-lived context.</summary>
internal sealed class ImportJobStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IImportJobStore
{
    public async Task<ImportJobState> CreateAsync(ImportJobRequest request, JobLease lease, CancellationToken ct = default)
    {
        var job = new ImportJob
        {
            PublicId = PublicIds.NewImportJobId(),
            Status = ImportJobStatus.Queued,
            Format = request.Format,
            FileName = request.FileName,
            DryRun = request.DryRun,
            SkipInvalid = request.SkipInvalid,
            Actor = request.Actor.Name,
            CreatedAt = clock.GetUtcNow(),
            LeaseOwner = lease.Owner,
            LeaseUntil = clock.GetUtcNow() + lease.Duration,
        };
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return ToState(job);
    }

    public async Task<ImportJobState?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await ImportJobQueries.ById(db, id).AsNoTracking().FirstOrDefaultAsync(ct);
        return job is null ? null : ToState(job);
    }

    public Task MarkRunningAsync(string id, JobLease lease, CancellationToken ct = default) => UpdateAsync(id, j =>
    {
        j.Status = ImportJobStatus.Running;
        (j.LeaseOwner, j.LeaseUntil) = (lease.Owner, clock.GetUtcNow() + lease.Duration);
    }, ct);

    public Task ReportProgressAsync(string id, int processed, int total, JobLease lease, CancellationToken ct = default) => UpdateAsync(id, j =>
    {
        (j.ProcessedRows, j.TotalRows) = (processed, total);
        if (j.LeaseOwner == lease.Owner && IsUnfinished(j)) j.LeaseUntil = clock.GetUtcNow() + lease.Duration;
    }, ct);

    /// <summary>One conditional UPDATE: only the owner's own unfinished jobs.</summary>
    public async Task<int> RenewAsync(JobLease lease, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + lease.Duration;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ImportJobQueries.HeldBy(db, lease.Owner).ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntil, until), ct);
    }

    public Task CompleteAsync(string id, int rows, string reportJson, CancellationToken ct = default) => UpdateAsync(id, j =>
    {
        j.Status = ImportJobStatus.Succeeded;
        j.ProcessedRows = rows;
        j.TotalRows = rows;
        j.ReportJson = reportJson;
        j.FinishedAt = clock.GetUtcNow();
        (j.LeaseOwner, j.LeaseUntil) = (null, null);
    }, ct);

    public Task FailAsync(string id, string errorJson, CancellationToken ct = default) => UpdateAsync(id, j => Fail(j, errorJson), ct);

    /// <summary>
    /// One conditional UPDATE, so two instances sweeping at once, or an owner renewing at that moment, cannot both win:
    /// a job is failed only if its lease is still expired when the row is written.
    /// </summary>
    public async Task<int> FailExpiredAsync(string errorJson, string? exceptOwner = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var expired = ImportJobQueries.Expired(db, now);
        if (exceptOwner is not null) expired = expired.Where(j => j.LeaseOwner == null || j.LeaseOwner != exceptOwner);
        return await expired.ExecuteUpdateAsync(u => u
            .SetProperty(j => j.Status, ImportJobStatus.Failed)
            .SetProperty(j => j.Error, errorJson)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    private static bool IsUnfinished(ImportJob j) => j.Status is ImportJobStatus.Queued or ImportJobStatus.Running;

    private void Fail(ImportJob job, string errorJson)
    {
        job.Status = ImportJobStatus.Failed;
        job.Error = errorJson;
        job.FinishedAt = clock.GetUtcNow();
        (job.LeaseOwner, job.LeaseUntil) = (null, null);
    }

    private async Task UpdateAsync(string id, Action<ImportJob> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await ImportJobQueries.ById(db, id).FirstAsync(ct);
        change(job);
        await db.SaveChangesAsync(ct);
    }

    private static ImportJobState ToState(ImportJob j) => new(j.PublicId, j.Status, j.Format, j.FileName, j.DryRun, j.SkipInvalid,
        j.ProcessedRows, j.TotalRows, j.CreatedAt, j.FinishedAt, j.ReportJson, j.Error);
}

/// <summary>The import job store's queries, by name, so each can be translated for SQL Server in a test.</summary>
internal static class ImportJobQueries
{
    public static IQueryable<ImportJob> ById(RegistryDbContext db, string publicId) =>
        db.ImportJobs.Where(j => j.PublicId == publicId);

    public static IQueryable<ImportJob> Unfinished(RegistryDbContext db) =>
        db.ImportJobs.Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running);

    public static IQueryable<ImportJob> HeldBy(RegistryDbContext db, string owner) =>
        Unfinished(db).Where(j => j.LeaseOwner == owner);

    /// <summary>Unfinished jobs whose owner stopped renewing (or that never had a lease: rows from before leases).</summary>
    public static IQueryable<ImportJob> Expired(RegistryDbContext db, DateTimeOffset now) =>
        Unfinished(db).Where(j => j.LeaseUntil == null || j.LeaseUntil < now);
}
