using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Store;

/// <summary>
/// Every LINQ query the stores run, built here by name so a test can translate each one on every provider
/// (<c>ToQueryString()</c> on SQL Server without a server). Stores never write ad-hoc queries elsewhere.
/// </summary>
internal static class TaskQueries
{
    /// <summary>A task with everything its record needs. Split so a task with many members does not multiply rows.</summary>
    public static IQueryable<ScienceTask> Full(RegistryDbContext db) =>
        db.Tasks
            .Include(t => t.HostOrganization)
            .Include(t => t.Fields)
            .Include(t => t.Investigators)
            .Include(t => t.Outputs)
            .Include(t => t.Coverage)
            .AsSplitQuery();

    public static IQueryable<ScienceTask> ById(RegistryDbContext db, string publicId) =>
        Full(db).Where(t => t.PublicId == publicId);

    public static IQueryable<ScienceTask> ByCode(RegistryDbContext db, string code) =>
        Full(db).Where(t => t.Code == code);

    public static IQueryable<ScienceTask> ByIds(RegistryDbContext db, IReadOnlyCollection<string> publicIds) =>
        Full(db).Where(t => publicIds.Contains(t.PublicId));

    /// <summary>One query per import batch: the existing tasks of the batch's codes.</summary>
    public static IQueryable<ScienceTask> ByCodes(RegistryDbContext db, IReadOnlyCollection<string> codes) =>
        Full(db).Where(t => codes.Contains(t.Code));

    /// <summary>Which of <paramref name="codes"/> are taken: an import batch of new tasks costs this one narrow query.</summary>
    public static IQueryable<string> ExistingCodes(RegistryDbContext db, IReadOnlyCollection<string> codes) =>
        db.Tasks.Where(t => codes.Contains(t.Code)).Select(t => t.Code);

    /// <summary>Another task already holding <paramref name="code"/> (excluding <paramref name="exceptId"/>).</summary>
    public static IQueryable<string> CodeTakenBy(RegistryDbContext db, string code, long exceptId) =>
        db.Tasks.Where(t => t.Code == code && t.Id != exceptId).Select(t => t.PublicId);

    /// <summary>After a failed insert: does another task (not <paramref name="publicId"/>) hold the code?</summary>
    public static IQueryable<ScienceTask> CodeHeldByOther(RegistryDbContext db, string code, string publicId) =>
        db.Tasks.Where(t => t.Code == code && t.PublicId != publicId);

    /// <summary>Published tasks newest first, keyset after (publishedAt, id) when given; ties broken by id.</summary>
    public static IQueryable<ScienceTask> PublishedPage(RegistryDbContext db, DateTimeOffset? afterPublishedAt, long? afterId, int take)
    {
        var query = Full(db).AsNoTracking().Where(t => t.Visibility == Visibility.Published);
        if (afterPublishedAt is { } at && afterId is { } id)
        {
            query = query.Where(t => t.PublishedAt < at || (t.PublishedAt == at && t.Id < id));
        }
        return query.OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.Id).Take(take);
    }

    public static IQueryable<ScienceTask> Published(RegistryDbContext db) =>
        db.Tasks.Where(t => t.Visibility == Visibility.Published);

    /// <summary>
    /// The next <paramref name="take"/> tasks after <paramref name="afterId"/> in internal id order, whatever their
    /// visibility, with the columns the streams filter and report on: the walk of the primary key behind every
    /// stream of the catalogue (rebuild, reconciliation, exports). Visibility is filtered in memory, not here: with
    /// it in the WHERE clause SQLite chose the (Visibility, PublishedAt, Id) index and sorted every published task
    /// for each page, so streaming a million tasks read about a million index entries per page of 500.
    /// </summary>
    public static IQueryable<TaskRow> RowsAfter(RegistryDbContext db, long afterId, int take) =>
        db.Tasks.AsNoTracking()
            .Where(t => t.Id > afterId)
            .OrderBy(t => t.Id)
            .Take(take)
            .Select(t => new TaskRow(t.Id, t.PublicId, t.UpdatedAt, t.Visibility));

    /// <summary>The internal keys of tasks just inserted in bulk, found by their public ids.</summary>
    public static IQueryable<TaskKey> KeysByPublicIds(RegistryDbContext db, IReadOnlyCollection<string> publicIds) =>
        db.Tasks.Where(t => publicIds.Contains(t.PublicId)).Select(t => new TaskKey(t.Id, t.PublicId));

    public static IQueryable<HostOrganization> OrganizationsByNormalizedNames(RegistryDbContext db, IReadOnlyCollection<string> names) =>
        db.Organizations.Where(o => names.Contains(o.NormalizedName));
}

internal sealed record TaskKey(long Id, string PublicId);

/// <summary>One row of the primary-key walk (<see cref="TaskQueries.RowsAfter"/>).</summary>
internal sealed record TaskRow(long Id, string PublicId, DateTimeOffset UpdatedAt, Visibility Visibility);
