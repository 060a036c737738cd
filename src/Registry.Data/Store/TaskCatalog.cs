using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Store;

/// <summary>Bulk reads for the indexer, reindex and exports: untracked, keyset-paged, constant memory.</summary>
internal sealed class TaskCatalog(IDbContextFactory<RegistryDbContext> factory) : ITaskCatalog
{
    internal const int BatchSize = 500;

    /// <summary>
    /// Full curator records (the indexer needs every field; it applies the public projection itself), in internal
    /// id order: each page walks the primary key (<see cref="TaskQueries.RowsAfter"/>), then loads its published
    /// tasks with their children by internal key (<see cref="TaskBatchLoader"/>), so every page costs the same
    /// however far into the catalogue it is.
    /// </summary>
    public async IAsyncEnumerable<TaskRecord> StreamPublishedAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var afterId = 0L;
        while (true)
        {
            // A fresh context per batch keeps memory flat however large the catalogue.
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await TaskQueries.RowsAfter(db, afterId, BatchSize).ToListAsync(ct);
            var published = rows.Where(r => r.Visibility == Visibility.Published).Select(r => r.Id).ToList();
            foreach (var task in await TaskBatchLoader.PublishedByKeysAsync(db, published, ct)) yield return TaskMapper.ToRecord(task);
            if (rows.Count < BatchSize) yield break;
            afterId = rows[^1].Id;
        }
    }

    /// <summary>Four columns per task on the primary-key walk, in large pages: 100,000 tasks are a few dozen small
    /// queries, a million a few hundred.</summary>
    public async IAsyncEnumerable<PublishedVersion> StreamPublishedVersionsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var afterId = 0L;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await TaskQueries.RowsAfter(db, afterId, VersionBatchSize).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (row.Visibility == Visibility.Published) yield return new PublishedVersion(row.PublicId, row.UpdatedAt);
            }
            if (rows.Count < VersionBatchSize) yield break;
            afterId = rows[^1].Id;
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
