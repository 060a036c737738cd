using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>
/// Single tasks are read through <see cref="ITaskStore"/> and judged by <see cref="PublicTaskLookup.Of"/>; the lists
/// are untracked queries (<see cref="PublicQueries"/>), each on its own short-lived context.
/// </summary>
internal sealed class PublicCatalog(ITaskStore store, ITaskCatalog tasks, IDbContextFactory<RegistryDbContext> factory) : IPublicCatalog
{
    public async Task<PublicTaskLookup> FindByIdAsync(string id, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default) =>
        PublicTaskLookup.Of(await store.FindByIdAsync(id, ct), reader);

    public async Task<PublicTaskLookup> FindByCodeAsync(string code, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default) =>
        PublicTaskLookup.Of(await store.FindByCodeAsync(code, ct), reader);

    public Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        tasks.GetPublishedAsync(ids, ct);

    public async Task<PublicTaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default)
    {
        var page = await store.ListPublishedAsync(cursor, pageSize, ct);
        return new PublicTaskPage(page.Results.Select(PublicTaskLookup.PublicView).ToList(), page.NextCursor, (int)(page.TotalCount ?? 0));
    }

    public async IAsyncEnumerable<TaskRecord> StreamPublishedAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var record in tasks.StreamPublishedAsync(ct)) yield return TaskRecordProjection.ForPublic(record);
    }

    public async Task<IReadOnlyList<PublicEntry>> ListPublishedEntriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PublicQueries.PublishedEntries(db).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PublicEntry>> ListOrganizationEntriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PublicQueries.OrganizationEntries(db).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> ListWithdrawnIdsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PublicQueries.WithdrawnIds(db).ToListAsync(ct);
    }

    public async Task<bool> AnyLeftPublicSinceAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PublicQueries.LeftPublicSince(db, since).AnyAsync(ct);
    }

    public async Task<HarvestPage> HarvestAsync(HarvestQuery query, HarvestPosition? after, int size, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var matching = PublicQueries.Harvestable(db, query);
        var total = await matching.CountAsync(ct);
        var rows = await PublicQueries.HarvestPage(matching, after, size).ToListAsync(ct);
        return new HarvestPage(rows.Take(size).Select(r => r.ToItem()).ToList(), rows.Count > size, total);
    }

    public async Task<HarvestItem?> FindHarvestItemAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await PublicQueries.Rows(PublicQueries.Harvestable(db, new HarvestQuery()).Where(t => t.PublicId == id)).FirstOrDefaultAsync(ct);
        return row?.ToItem();
    }
}
