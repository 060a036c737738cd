using Microsoft.Extensions.Logging;
using Registry.Data.Abstractions;
using Registry.Search.Model;

namespace Registry.Search.Indexing;

/// <summary>What a reconciliation found and repaired.</summary>
/// <param name="Published">Published tasks in the store.</param>
/// <param name="Missing">Published but absent from the index (added).</param>
/// <param name="Outdated">Indexed at an older change time than the store's (replaced).</param>
/// <param name="Extra">Indexed but no longer published: drafts, withdrawn, deleted (removed).</param>
public sealed record ReconcileResult(int Published, int Missing, int Outdated, int Extra)
{
    public bool Repaired => Missing + Outdated + Extra > 0;
}

/// <summary>
/// Makes the index hold every published task at its current version and nothing else. Both sides are read as
/// ids and change times only (the store in keyset-paged batches, the index from doc values), so 100,000 tasks
/// cost a dictionary of ids, never the records; only the differences are loaded and written, in batches.
/// A task published or withdrawn while this runs is re-read from the store before being written or removed,
/// and the outbox indexer waits for each batch (<see cref="SearchIndexState.WriteTurn"/>), so no state is lost.
/// </summary>
public sealed class SearchIndexReconciler(
    ISearchIndex index, ISearchIndexInventory inventory, ITaskCatalog catalog, SearchIndexState state,
    ILogger<SearchIndexReconciler> logger)
{
    public const int BatchSize = 500;

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken ct = default)
    {
        var indexed = inventory.ReadIndexed();
        var published = 0;
        var missing = 0;
        var outdated = 0;
        var differing = new List<string>(BatchSize);
        await foreach (var task in catalog.StreamPublishedVersionsAsync(ct))
        {
            published++;
            if (!indexed.Remove(task.Id, out var indexedAt)) missing++;
            else if (indexedAt != task.UpdatedAt.ToUnixTimeMilliseconds()) outdated++;
            else continue;
            differing.Add(task.Id);
            if (differing.Count >= BatchSize) await RepairAsync(differing, ct);
        }
        await RepairAsync(differing, ct);
        // What is left was not published when the store was read; anything published since is kept by the repair.
        var extra = indexed.Count;
        foreach (var chunk in indexed.Keys.Chunk(BatchSize)) await RepairAsync([.. chunk], ct);
        await index.FlushAsync(ct);

        var result = new ReconcileResult(published, missing, outdated, extra);
        logger.LogInformation(
            "Đối chiếu chỉ mục với kho: {Published} nhiệm vụ đã công bố, thêm {Missing}, cập nhật {Outdated}, gỡ {Extra} (search index reconciled with the store: {Published} published, {Missing} added, {Outdated} updated, {Extra} removed)",
            published, missing, outdated, extra, published, missing, outdated, extra);
        return result;
    }

    /// <summary>Writes the store's current state of each id: published ones upserted, the others removed.</summary>
    private async Task RepairAsync(List<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await state.WriteTurn.WaitAsync(ct);
        try
        {
            var records = await catalog.GetPublishedAsync(ids, ct);
            var present = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var gone = ids.Where(id => !present.Contains(id)).ToList();
            if (records.Count > 0) await index.UpsertAsync(records, ct);
            if (gone.Count > 0) await index.RemoveAsync(gone, ct);
        }
        finally
        {
            state.WriteTurn.Release();
        }
        ids.Clear();
    }
}
