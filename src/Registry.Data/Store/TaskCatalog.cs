using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Store;

/// <summary>Bulk reads for the indexer, reindex and exports: untracked, keyset-paged, constant memory.</summary>
internal sealed class TaskCatalog(IDbContextFactory<RegistryDbContext> factory) : ITaskCatalog
{
    internal const int BatchSize = 500;

    /// <summary>Full curator records (the indexer needs every field; it applies the public projection itself).</summary>
    public async IAsyncEnumerable<TaskRecord> StreamPublishedAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var afterId = 0L;
        while (true)
        {
            // A fresh context per batch keeps memory flat however large the catalogue.
            await using var db = await factory.CreateDbContextAsync(ct);
            var batch = await TaskQueries.PublishedBatch(db, afterId, BatchSize).ToListAsync(ct);
            foreach (var task in batch) yield return TaskMapper.ToRecord(task);
            if (batch.Count < BatchSize) yield break;
            afterId = batch[^1].Id;
        }
    }

    /// <summary>Two columns per task, keyset-paged in large batches: 100,000 tasks are a few dozen small queries.</summary>
    public async IAsyncEnumerable<PublishedVersion> StreamPublishedVersionsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var afterId = 0L;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var batch = await TaskQueries.Published(db).AsNoTracking().Where(t => t.Id > afterId).OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.PublicId, t.UpdatedAt }).Take(VersionBatchSize).ToListAsync(ct);
            foreach (var task in batch) yield return new PublishedVersion(task.PublicId, task.UpdatedAt);
            if (batch.Count < VersionBatchSize) yield break;
            afterId = batch[^1].Id;
        }
    }

    private const int VersionBatchSize = 5000;

    public async Task<int> CountPublishedAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TaskQueries.Published(db).CountAsync(ct);
    }

    public async Task<int> CountAllAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Tasks.CountAsync(ct);
    }

    public async Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var tasks = await TaskBatchLoader.PublishedByIdsAsync(db, ids, ct);
        var byId = tasks.ToDictionary(t => t.PublicId);
        return ids.Distinct().Where(byId.ContainsKey).Select(id => TaskRecordProjection.ForPublic(TaskMapper.ToRecord(byId[id]))).ToList();
    }
}
