using Microsoft.EntityFrameworkCore;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Feeds.Oai;

/// <summary>The header facts of one item. Deleted items are withdrawn tasks (or once-published tasks back in draft).</summary>
public sealed record OaiItem(string Id, DateTimeOffset Datestamp, bool Deleted, IReadOnlyList<string> FieldCodes, TaskLevel Level, TaskStatus Status);

public sealed record OaiPage(IReadOnlyList<OaiItem> Items, bool HasMore, int CompleteListSize);

/// <summary>
/// Reads harvestable items straight from the store (not the search index, which holds published tasks only):
/// ordered by updatedAt then public id, keyset-paged so a harvest costs the same on every page.
/// </summary>
public sealed class OaiStore(IDbContextFactory<RegistryDbContext> factory, ITaskStore store)
{
    public async Task<OaiPage> PageAsync(OaiSelection selection, OaiSetFilter? set, (long Ticks, string Id)? after, int size, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var matching = Harvestable(db, selection, set);
        var total = await matching.CountAsync(ct);
        var page = matching;
        if (after is { } a)
        {
            var at = new DateTimeOffset(a.Ticks, TimeSpan.Zero);
            page = page.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && string.Compare(t.PublicId, a.Id) > 0));
        }
        var rows = await page.OrderBy(t => t.UpdatedAt).ThenBy(t => t.PublicId).Take(size + 1)
            .Select(t => new { t.PublicId, t.UpdatedAt, t.Visibility, t.Level, t.Status, Fields = t.Fields.OrderBy(f => f.Ordinal).Select(f => f.FieldCode).ToList() })
            .ToListAsync(ct);
        var items = rows.Take(size).Select(r => new OaiItem(r.PublicId, r.UpdatedAt, r.Visibility != Visibility.Published, r.Fields, r.Level, r.Status)).ToList();
        return new OaiPage(items, rows.Count > size, total);
    }

    public async Task<OaiItem?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await Harvestable(db, null, null).Where(t => t.PublicId == id)
            .Select(t => new { t.PublicId, t.UpdatedAt, t.Visibility, t.Level, t.Status, Fields = t.Fields.OrderBy(f => f.Ordinal).Select(f => f.FieldCode).ToList() })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new OaiItem(row.PublicId, row.UpdatedAt, row.Visibility != Visibility.Published, row.Fields, row.Level, row.Status);
    }

    /// <summary>Public records (contacts stripped) of the published items among <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyDictionary<string, TaskRecord>> RecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<string, TaskRecord>();
        var found = await store.FindManyAsync(ids, ct);
        return found.Where(t => t.Visibility == Visibility.Published)
            .ToDictionary(t => t.Id, t => TaskRecordProjection.ForPublic(t.Record));
    }

    /// <summary>Published and deleted items; a draft that was never published does not exist for harvesters.</summary>
    private static IQueryable<ScienceTask> Harvestable(RegistryDbContext db, OaiSelection? selection, OaiSetFilter? set)
    {
        var query = db.Tasks.AsNoTracking().Where(t =>
            t.Visibility == Visibility.Published || t.Visibility == Visibility.Withdrawn || t.PublishedAt != null);
        if (selection?.From is { } from) query = query.Where(t => t.UpdatedAt >= from);
        if (selection?.UntilExclusive is { } until) query = query.Where(t => t.UpdatedAt < until);
        if (set?.FieldPrefix is { } prefix) query = query.Where(t => t.Fields.Any(f => f.FieldCode.StartsWith(prefix)));
        if (set?.Level is { } level) query = query.Where(t => t.Level == level);
        if (set?.Status is { } status) query = query.Where(t => t.Status == status);
        return query;
    }
}
