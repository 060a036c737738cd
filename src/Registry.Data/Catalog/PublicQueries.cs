using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Store;

namespace Registry.Data.Catalog;

/// <summary>The public catalogue's queries, by name, so each can be translated for SQL Server in a test.</summary>
internal static class PublicQueries
{
    /// <summary>Public once and no longer: withdrawn, or published before and back to draft.</summary>
    public static IQueryable<ScienceTask> LeftPublic(RegistryDbContext db) =>
        db.Tasks.AsNoTracking().Where(t => t.Visibility != Visibility.Published
            && (t.Visibility == Visibility.Withdrawn || t.PublishedAt != null));

    public static IQueryable<bool> LeftPublicSince(RegistryDbContext db, DateTimeOffset since) =>
        LeftPublic(db).Where(t => t.UpdatedAt >= since).Select(t => true);

    public static IQueryable<string> WithdrawnIds(RegistryDbContext db) =>
        db.Tasks.AsNoTracking().Where(t => t.Visibility == Visibility.Withdrawn).OrderBy(t => t.PublicId).Select(t => t.PublicId);

    public static IQueryable<PublicEntry> PublishedEntries(RegistryDbContext db) =>
        TaskQueries.Published(db).AsNoTracking().OrderBy(t => t.PublicId).Select(t => new PublicEntry(t.PublicId, t.UpdatedAt));

    public static IQueryable<PublicEntry> OrganizationEntries(RegistryDbContext db) =>
        OrganizationQueries.Public(db).OrderBy(o => o.PublicId).Select(o => new PublicEntry(o.PublicId, o.UpdatedAt));

    /// <summary>Published tasks and deleted ones (<see cref="LeftPublic"/>) matching the query's window and set.</summary>
    public static IQueryable<ScienceTask> Harvestable(RegistryDbContext db, HarvestQuery query)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t =>
            t.Visibility == Visibility.Published || t.Visibility == Visibility.Withdrawn || t.PublishedAt != null);
        if (query.From is { } from) tasks = tasks.Where(t => t.UpdatedAt >= from);
        if (query.UntilExclusive is { } until) tasks = tasks.Where(t => t.UpdatedAt < until);
        if (query.FieldPrefix is { } prefix) tasks = tasks.Where(t => t.Fields.Any(f => f.FieldCode.StartsWith(prefix)));
        if (query.Level is { } level) tasks = tasks.Where(t => t.Level == level);
        if (query.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        return tasks;
    }

    /// <summary>The next page of <paramref name="tasks"/> by (updatedAt, public id), one row more than asked.</summary>
    public static IQueryable<HarvestRow> HarvestPage(IQueryable<ScienceTask> tasks, HarvestPosition? after, int size)
    {
        if (after is { } a)
        {
            var at = a.UpdatedAt;
            var id = a.Id;
            tasks = tasks.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && string.Compare(t.PublicId, id) > 0));
        }
        return Rows(tasks.OrderBy(t => t.UpdatedAt).ThenBy(t => t.PublicId).Take(size + 1));
    }

    public static IQueryable<HarvestRow> Rows(IQueryable<ScienceTask> tasks) =>
        tasks.Select(t => new HarvestRow
        {
            PublicId = t.PublicId,
            UpdatedAt = t.UpdatedAt,
            Visibility = t.Visibility,
            Level = t.Level,
            Status = t.Status,
            Fields = t.Fields.OrderBy(f => f.Ordinal).Select(f => f.FieldCode).ToList(),
        });
}

/// <summary>The columns of a harvest header, read in one query.</summary>
internal sealed class HarvestRow
{
    public string PublicId { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public Visibility Visibility { get; init; }
    public TaskLevel Level { get; init; }
    public Records.TaskStatus Status { get; init; }
    public List<string> Fields { get; init; } = [];

    public HarvestItem ToItem() => new(PublicId, UpdatedAt, Visibility != Visibility.Published, Fields, Level, Status);
}
