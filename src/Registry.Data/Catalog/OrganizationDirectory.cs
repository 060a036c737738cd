using Microsoft.EntityFrameworkCore;
using Registry.Data.Records;
using Registry.Data.Store;

namespace Registry.Data.Catalog;

/// <summary>
/// EF implementation. Name matching and ordering happen in memory over (id, name) pairs of public organizations:
/// a province has hundreds to a few thousand host organizations, and no provider folds Vietnamese diacritics alike.
/// </summary>
internal sealed class OrganizationDirectory(IDbContextFactory<RegistryDbContext> factory) : IOrganizationDirectory
{
    public const int MaxPageSize = 200;

    public async Task<OrganizationPage> SearchAsync(string? query, string? cursor, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var after = string.IsNullOrEmpty(cursor) ? ((string, long)?)null : CatalogCursors.DecodeOrganization(cursor);
        var needle = TextFolding.Name(query);

        await using var db = await factory.CreateDbContextAsync(ct);
        var names = await OrganizationQueries.PublicNames(db).ToListAsync(ct);
        var matching = names
            .Select(n => (Key: TextFolding.Name(n.Name), n.Id))
            .Where(n => needle.Length == 0 || n.Key.Contains(needle, StringComparison.Ordinal))
            .OrderBy(n => n.Key, StringComparer.Ordinal).ThenBy(n => n.Id)
            .ToList();
        var page = matching
            .Where(n => after is not { } a || Compare(n.Key, n.Id, a.Item1, a.Item2) > 0)
            .Take(size + 1)
            .ToList();
        var shown = page.Take(size).ToList();
        var ids = shown.Select(n => n.Id).ToList();

        var orgs = await OrganizationQueries.PublicByIds(db, ids).ToDictionaryAsync(o => o.Id, ct);
        var totals = await OrganizationQueries.Totals(db, ids).ToDictionaryAsync(t => t.OrganizationId, ct);
        var results = shown.Where(n => orgs.ContainsKey(n.Id)).Select(n =>
        {
            var o = orgs[n.Id];
            return new OrganizationSummary(o.PublicId, o.Name, o.Type, o.Province, o.Commune, totals.GetValueOrDefault(o.Id)?.Count ?? 0) { Ror = o.Ror };
        }).ToList();
        var next = page.Count > size ? CatalogCursors.EncodeOrganization(shown[^1].Key, shown[^1].Id) : null;
        return new OrganizationPage(results, next, matching.Count);
    }

    public async Task<OrganizationDetail?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var org = await OrganizationQueries.PublicByPublicId(db, id).SingleOrDefaultAsync(ct);
        if (org is null) return null;
        var totals = await OrganizationQueries.Totals(db, [org.Id]).SingleOrDefaultAsync(ct);
        return new OrganizationDetail(org.PublicId, org.Name, org.Type, org.Province, org.Commune,
            totals?.Count ?? 0, totals?.BudgetTotalVnd ?? 0, totals?.StateBudgetVnd ?? 0, totals?.LatestPublishedAt)
        {
            Ror = org.Ror,
            ChangedAt = Later(org.UpdatedAt, totals?.LatestPublishedAt),
        };
    }

    public async Task<IReadOnlyDictionary<string, OrganizationSummary>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<string, OrganizationSummary>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var orgs = await OrganizationQueries.PublicByPublicIds(db, ids.Distinct().ToList()).ToListAsync(ct);
        var totals = await OrganizationQueries.Totals(db, orgs.Select(o => o.Id).ToList()).ToDictionaryAsync(t => t.OrganizationId, ct);
        return orgs.ToDictionary(o => o.PublicId,
            o => new OrganizationSummary(o.PublicId, o.Name, o.Type, o.Province, o.Commune, totals.GetValueOrDefault(o.Id)?.Count ?? 0) { Ror = o.Ror });
    }

    public async Task<IReadOnlyList<OrganizationStamp>> ListStampsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var orgs = await OrganizationQueries.Public(db).Select(o => new { o.Id, o.PublicId, o.UpdatedAt }).ToListAsync(ct);
        var totals = await OrganizationQueries.Totals(db, orgs.Select(o => o.Id).ToList()).ToDictionaryAsync(t => t.OrganizationId, ct);
        return orgs.Select(o => new OrganizationStamp(o.PublicId, Later(o.UpdatedAt, totals.GetValueOrDefault(o.Id)?.LatestPublishedAt))).ToList();
    }

    private static DateTimeOffset Later(DateTimeOffset updated, DateTimeOffset? latestPublished) =>
        latestPublished is { } latest && latest > updated ? latest : updated;

    public async Task<PublicTaskPage?> ListPublishedTasksAsync(string id, string? cursor, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var after = string.IsNullOrEmpty(cursor) ? ((DateTimeOffset, long)?)null : PublishedCursor.Decode(cursor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var org = await OrganizationQueries.PublicByPublicId(db, id).SingleOrDefaultAsync(ct);
        if (org is null) return null;

        var rows = await OrganizationQueries.PublishedPageOf(db, org.Id, after?.Item1, after?.Item2, size + 1).ToListAsync(ct);
        var count = await OrganizationQueries.PublishedOf(db, org.Id).CountAsync(ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? PublishedCursor.Encode(page[^1].PublishedAt!.Value, page[^1].Id) : null;
        var records = page.Select(t => TaskRecordProjection.ForPublic(TaskMapper.ToRecord(t))).ToList();
        return new PublicTaskPage(records, next, count);
    }

    public async Task<IReadOnlyDictionary<string, PublicTaskPage>> ListPublishedTasksAsync(IReadOnlyCollection<string> ids, string? cursor,
        int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var after = string.IsNullOrEmpty(cursor) ? ((DateTimeOffset, long)?)null : PublishedCursor.Decode(cursor);
        if (ids.Count == 0) return new Dictionary<string, PublicTaskPage>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var orgs = await OrganizationQueries.PublicByPublicIds(db, ids.Distinct().ToList()).ToDictionaryAsync(o => o.Id, o => o.PublicId, ct);
        var keys = orgs.Keys.ToList();

        var rows = await OrganizationQueries.PublishedPagesOf(db, keys, after?.Item1, after?.Item2, size + 1).ToListAsync(ct);
        var counts = await OrganizationQueries.Totals(db, keys).ToDictionaryAsync(t => t.OrganizationId, t => t.Count, ct);
        var byOrganization = rows.ToLookup(t => t.HostOrganizationId);
        return orgs.ToDictionary(o => o.Value, o =>
        {
            var all = byOrganization[o.Key].OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.Id).ToList();
            var page = all.Take(size).ToList();
            var next = all.Count > size ? PublishedCursor.Encode(page[^1].PublishedAt!.Value, page[^1].Id) : null;
            var records = page.Select(t => TaskRecordProjection.ForPublic(TaskMapper.ToRecord(t))).ToList();
            return new PublicTaskPage(records, next, counts.GetValueOrDefault(o.Key));
        });
    }

    private static int Compare(string key, long id, string afterKey, long afterId)
    {
        var byKey = string.CompareOrdinal(key, afterKey);
        return byKey != 0 ? byKey : id.CompareTo(afterId);
    }
}
