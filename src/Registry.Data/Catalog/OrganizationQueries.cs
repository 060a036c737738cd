using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Store;

namespace Registry.Data.Catalog;

/// <summary>A public organization's key and name, for matching in memory.</summary>
internal sealed record OrganizationName(long Id, string Name);

/// <summary>Published-task count and budget sums of one organization.</summary>
internal sealed class OrganizationTotals
{
    public long OrganizationId { get; init; }
    public int Count { get; init; }
    public long BudgetTotalVnd { get; init; }
    public long StateBudgetVnd { get; init; }
    public DateTimeOffset? LatestPublishedAt { get; init; }
}

/// <summary>The organization directory's queries, by name, so each can be translated for SQL Server in a test.</summary>
internal static class OrganizationQueries
{
    /// <summary>Organizations hosting at least one published task: nobody else is public.</summary>
    public static IQueryable<HostOrganization> Public(RegistryDbContext db) =>
        db.Organizations.AsNoTracking()
            .Where(o => db.Tasks.Any(t => t.HostOrganizationId == o.Id && t.Visibility == Visibility.Published));

    public static IQueryable<OrganizationName> PublicNames(RegistryDbContext db) =>
        Public(db).Select(o => new OrganizationName(o.Id, o.Name));

    public static IQueryable<HostOrganization> PublicByIds(RegistryDbContext db, IReadOnlyCollection<long> ids) =>
        Public(db).Where(o => ids.Contains(o.Id));

    public static IQueryable<HostOrganization> PublicByPublicId(RegistryDbContext db, string publicId) =>
        Public(db).Where(o => o.PublicId == publicId);

    public static IQueryable<HostOrganization> PublicByPublicIds(RegistryDbContext db, IReadOnlyCollection<string> publicIds) =>
        Public(db).Where(o => publicIds.Contains(o.PublicId));

    public static IQueryable<OrganizationTotals> Totals(RegistryDbContext db, IReadOnlyCollection<long> organizationIds) =>
        db.Tasks
            .Where(t => t.Visibility == Visibility.Published && organizationIds.Contains(t.HostOrganizationId))
            .GroupBy(t => t.HostOrganizationId)
            .Select(g => new OrganizationTotals
            {
                OrganizationId = g.Key,
                Count = g.Count(),
                BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0),
                StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
                LatestPublishedAt = g.Max(t => t.PublishedAt),
            });

    public static IQueryable<ScienceTask> PublishedOf(RegistryDbContext db, long organizationId) =>
        TaskQueries.Published(db).Where(t => t.HostOrganizationId == organizationId);

    /// <summary>Newest publication first, keyset after (publishedAt, id) when given; ties broken by id.</summary>
    public static IQueryable<ScienceTask> PublishedPageOf(RegistryDbContext db, long organizationId,
        DateTimeOffset? afterPublishedAt, long? afterId, int take)
    {
        var query = TaskQueries.Full(db).AsNoTracking()
            .Where(t => t.Visibility == Visibility.Published && t.HostOrganizationId == organizationId);
        if (afterPublishedAt is { } at && afterId is { } id)
        {
            query = query.Where(t => t.PublishedAt < at || (t.PublishedAt == at && t.Id < id));
        }
        return query.OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.Id).Take(take);
    }

    /// <summary>
    /// <see cref="PublishedPageOf"/> for several organizations in one query: the first <paramref name="take"/> of each,
    /// in the same order (a window per organization).
    /// </summary>
    public static IQueryable<ScienceTask> PublishedPagesOf(RegistryDbContext db, IReadOnlyCollection<long> organizationIds,
        DateTimeOffset? afterPublishedAt, long? afterId, int take)
    {
        var published = db.Tasks.Where(t => t.Visibility == Visibility.Published);
        if (afterPublishedAt is { } at && afterId is { } id)
        {
            published = published.Where(t => t.PublishedAt < at || (t.PublishedAt == at && t.Id < id));
        }
        return db.Organizations
            .Where(o => organizationIds.Contains(o.Id))
            .SelectMany(o => published.Where(t => t.HostOrganizationId == o.Id)
                .OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.Id).Take(take))
            .Include(t => t.HostOrganization)
            .Include(t => t.Fields)
            .Include(t => t.Investigators)
            .Include(t => t.Outputs)
            .Include(t => t.Coverage)
            .AsSplitQuery()
            .AsNoTracking();
    }
}
