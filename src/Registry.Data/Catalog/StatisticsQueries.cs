using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Store;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Catalog;

/// <summary>One group of published tasks: its key, how many, and the budget sums (a missing budget adds 0).</summary>
internal sealed class GroupRow<TKey>
{
    public TKey Key { get; init; } = default!;
    public int Count { get; init; }
    public long BudgetTotalVnd { get; init; }
    public long StateBudgetVnd { get; init; }
}

/// <summary>The statistics queries, by name, so each can be translated for SQL Server in a test. All are GROUP BY in SQL.</summary>
internal static class StatisticsQueries
{
    /// <summary>Published tasks passing the filters.</summary>
    public static IQueryable<ScienceTask> Filtered(RegistryDbContext db, StatisticsQuery filter)
    {
        var query = TaskQueries.Published(db).AsNoTracking();
        if (filter.YearFrom is { } from) query = query.Where(t => t.StartDate != null && t.StartDate.Value.Year >= from);
        if (filter.YearTo is { } to) query = query.Where(t => t.StartDate != null && t.StartDate.Value.Year <= to);
        if (filter.Field is { } prefix) query = query.Where(t => t.Fields.Any(f => f.FieldCode.StartsWith(prefix)));
        return query;
    }

    public static IQueryable<GroupRow<int?>> ByYear(RegistryDbContext db, StatisticsQuery filter) =>
        Filtered(db, filter)
            .GroupBy(t => t.StartDate == null ? (int?)null : t.StartDate.Value.Year)
            .Select(g => new GroupRow<int?>
            {
                Key = g.Key, Count = g.Count(),
                BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0), StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
            });

    public static IQueryable<GroupRow<TaskLevel>> ByLevel(RegistryDbContext db, StatisticsQuery filter) =>
        Filtered(db, filter).GroupBy(t => t.Level).Select(g => new GroupRow<TaskLevel>
        {
            Key = g.Key, Count = g.Count(),
            BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0), StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
        });

    public static IQueryable<GroupRow<TaskKind>> ByKind(RegistryDbContext db, StatisticsQuery filter) =>
        Filtered(db, filter).GroupBy(t => t.Kind).Select(g => new GroupRow<TaskKind>
        {
            Key = g.Key, Count = g.Count(),
            BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0), StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
        });

    public static IQueryable<GroupRow<TaskStatus>> ByStatus(RegistryDbContext db, StatisticsQuery filter) =>
        Filtered(db, filter).GroupBy(t => t.Status).Select(g => new GroupRow<TaskStatus>
        {
            Key = g.Key, Count = g.Count(),
            BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0), StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
        });

    /// <summary>Keyed by the internal organization id; names are read for the returned keys only.</summary>
    public static IQueryable<GroupRow<long>> ByOrganization(RegistryDbContext db, StatisticsQuery filter) =>
        Filtered(db, filter).GroupBy(t => t.HostOrganizationId).Select(g => new GroupRow<long>
        {
            Key = g.Key, Count = g.Count(),
            BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0), StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
        });

    public static IQueryable<GroupRow<string?>> ByManagingAgency(RegistryDbContext db, StatisticsQuery filter) =>
        Filtered(db, filter).GroupBy(t => t.ManagingAgency).Select(g => new GroupRow<string?>
        {
            Key = g.Key, Count = g.Count(),
            BudgetTotalVnd = g.Sum(t => t.Budget!.TotalVnd ?? 0), StateBudgetVnd = g.Sum(t => t.Budget!.StateBudgetVnd ?? 0),
        });

    /// <summary>
    /// By field (<paramref name="length"/> 1) or sector (3): the distinct (task, code prefix) pairs first, so a task
    /// with two sectors of one field counts once in that field and its budget is added once.
    /// </summary>
    public static IQueryable<GroupRow<string>> ByFieldPrefix(RegistryDbContext db, StatisticsQuery filter, int length)
    {
        var codes = db.TaskFields.Where(f => f.FieldCode.Length >= length);
        if (filter.Field is { } prefix) codes = codes.Where(f => f.FieldCode.StartsWith(prefix));
        var pairs = codes.Select(f => new { f.TaskId, Key = f.FieldCode.Substring(0, length) }).Distinct();
        return pairs
            .Join(Filtered(db, filter), p => p.TaskId, t => t.Id, (p, t) => new { p.Key, Total = t.Budget!.TotalVnd ?? 0, State = t.Budget!.StateBudgetVnd ?? 0 })
            .GroupBy(x => x.Key)
            .Select(g => new GroupRow<string>
            {
                Key = g.Key, Count = g.Count(),
                BudgetTotalVnd = g.Sum(x => x.Total), StateBudgetVnd = g.Sum(x => x.State),
            });
    }
}
