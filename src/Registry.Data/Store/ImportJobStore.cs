using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;

namespace Registry.Data.Store;

/// <summary>EF implementation of <see cref="IImportJobStore"/>; each operation on its own short-lived context.</summary>
internal sealed class ImportJobStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IImportJobStore
{
    public async Task<ImportJobState> CreateAsync(ImportJobRequest request, CancellationToken ct = default)
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

    public Task MarkRunningAsync(string id, CancellationToken ct = default) => UpdateAsync(id, j => j.Status = ImportJobStatus.Running, ct);

    public Task ReportProgressAsync(string id, int processed, int total, CancellationToken ct = default) =>
        UpdateAsync(id, j => (j.ProcessedRows, j.TotalRows) = (processed, total), ct);

    public Task CompleteAsync(string id, int rows, string reportJson, CancellationToken ct = default) => UpdateAsync(id, j =>
    {
        j.Status = ImportJobStatus.Succeeded;
        j.ProcessedRows = rows;
        j.TotalRows = rows;
        j.ReportJson = reportJson;
        j.FinishedAt = clock.GetUtcNow();
    }, ct);

    public Task FailAsync(string id, string errorJson, CancellationToken ct = default) => UpdateAsync(id, j => Fail(j, errorJson), ct);

    public async Task<int> FailUnfinishedAsync(string errorJson, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var unfinished = await ImportJobQueries.Unfinished(db).ToListAsync(ct);
        foreach (var job in unfinished) Fail(job, errorJson);
        await db.SaveChangesAsync(ct);
        return unfinished.Count;
    }

    private void Fail(ImportJob job, string errorJson)
    {
        job.Status = ImportJobStatus.Failed;
        job.Error = errorJson;
        job.FinishedAt = clock.GetUtcNow();
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
}
