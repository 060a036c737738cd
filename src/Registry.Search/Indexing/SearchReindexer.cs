using Microsoft.Extensions.Logging;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Indexing;

/// <summary>
/// Rebuilds the index from the catalogue: begin a rebuild, bulk add every published task, complete. Readers
/// see the old index until completion; changes made meanwhile stay in the outbox and are applied after.
/// </summary>
public sealed class SearchReindexer(ISearchIndex index, ITaskCatalog catalog, ILogger<SearchReindexer> logger)
{
    public const int BatchSize = 500;

    /// <returns>The number of tasks indexed.</returns>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var total = await catalog.CountPublishedAsync(ct);
        var done = 0;
        progress?.Report((0, total));
        await using var build = await index.BeginRebuildAsync(ct);
        var batch = new List<TaskRecord>(BatchSize);
        await foreach (var record in catalog.StreamPublishedAsync(ct))
        {
            batch.Add(record);
            if (batch.Count < BatchSize) continue;
            done += await Flush(build, batch, ct);
            progress?.Report((done, Math.Max(total, done)));
        }
        done += await Flush(build, batch, ct);
        await build.CompleteAsync(ct);
        progress?.Report((done, Math.Max(total, done)));
        logger.LogInformation("Search index rebuilt with {Count} published tasks.", done);
        return done;
    }

    private static async Task<int> Flush(ISearchIndexBuild build, List<TaskRecord> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        await build.AddAsync(batch.ToList(), ct);
        var n = batch.Count;
        batch.Clear();
        return n;
    }
}
