using Microsoft.EntityFrameworkCore;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Data.Catalog;

/// <summary>EF implementation: each grouping is one GROUP BY query; labels are attached in memory.</summary>
internal sealed class TaskStatistics(IDbContextFactory<RegistryDbContext> factory) : ITaskStatistics
{
    public async Task<IReadOnlyList<StatisticsBucket>> GroupAsync(StatisticsQuery query, CancellationToken ct = default)
    {
        if (query.Validate() is { Count: > 0 } errors) throw new ArgumentException(errors[0].Message, errors[0].Parameter);
        await using var db = await factory.CreateDbContextAsync(ct);
        var buckets = query.GroupBy switch
        {
            StatisticsGroupBy.Year => await YearsAsync(db, query, ct),
            StatisticsGroupBy.Field => Fields(await StatisticsQueries.ByFieldPrefix(db, query, 1).ToListAsync(ct)),
            StatisticsGroupBy.Sector => Fields(await StatisticsQueries.ByFieldPrefix(db, query, 3).ToListAsync(ct)),
            StatisticsGroupBy.Level => Labelled(await StatisticsQueries.ByLevel(db, query).ToListAsync(ct), EnumLabels.Level.Of),
            StatisticsGroupBy.Kind => Labelled(await StatisticsQueries.ByKind(db, query).ToListAsync(ct), EnumLabels.Kind.Of),
            StatisticsGroupBy.Status => Labelled(await StatisticsQueries.ByStatus(db, query).ToListAsync(ct), EnumLabels.Status.Of),
            StatisticsGroupBy.Organization => await OrganizationsAsync(db, query, ct),
            StatisticsGroupBy.ManagingAgency => Agencies(await StatisticsQueries.ByManagingAgency(db, query).ToListAsync(ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.GroupBy, "Unknown grouping"),
        };
        return query.GroupBy == StatisticsGroupBy.Year ? buckets : ByCountThenKey(buckets);
    }

    public async Task<IReadOnlyList<FieldNode>> FieldTreeAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var all = new StatisticsQuery(StatisticsGroupBy.Field);
        var fields = await StatisticsQueries.ByFieldPrefix(db, all, 1).ToDictionaryAsync(r => r.Key, r => r.Count, ct);
        var sectors = await StatisticsQueries.ByFieldPrefix(db, all, 3).ToDictionaryAsync(r => r.Key, r => r.Count, ct);
        return FieldsOfScience.Fields.Select(f => new FieldNode(f.Code, f.NameVi, f.NameEn, fields.GetValueOrDefault(f.Code),
            FieldsOfScience.Sectors.Where(s => s.ParentCode == f.Code)
                .Select(s => new FieldNode(s.Code, s.NameVi, s.NameEn, sectors.GetValueOrDefault(s.Code), []))
                .ToList())).ToList();
    }

    private static async Task<List<StatisticsBucket>> YearsAsync(RegistryDbContext db, StatisticsQuery query, CancellationToken ct)
    {
        var rows = await StatisticsQueries.ByYear(db, query).ToListAsync(ct);
        // Years ascending; tasks with no start date at the end.
        return rows.OrderBy(r => r.Key is null).ThenBy(r => r.Key)
            .Select(r => r.Key is { } year
                ? Bucket(Year(year), new Label(Year(year), Year(year)), r)
                : Bucket(CatalogLabels.UnknownKey, CatalogLabels.Unknown, r))
            .ToList();
    }

    private static List<StatisticsBucket> Fields(List<GroupRow<string>> rows) =>
        rows.Select(r => Bucket(r.Key, FieldsOfScience.Find(r.Key) is { } f ? new Label(f.NameVi, f.NameEn) : new Label(r.Key, r.Key), r)).ToList();

    private static List<StatisticsBucket> Labelled<T>(List<GroupRow<T>> rows, Func<T, Label> label) where T : struct, Enum =>
        rows.Select(r => Bucket(CatalogLabels.Key(r.Key), label(r.Key), r)).ToList();

    private static List<StatisticsBucket> Agencies(List<GroupRow<string?>> rows) =>
        rows.Select(r => string.IsNullOrWhiteSpace(r.Key)
            ? Bucket(CatalogLabels.UnknownKey, CatalogLabels.Unknown, r)
            : Bucket(r.Key, new Label(r.Key, r.Key), r)).ToList();

    private static async Task<List<StatisticsBucket>> OrganizationsAsync(RegistryDbContext db, StatisticsQuery query, CancellationToken ct)
    {
        var rows = await StatisticsQueries.ByOrganization(db, query).ToListAsync(ct);
        var orgs = await OrganizationQueries.PublicByIds(db, rows.Select(r => r.Key).ToList()).ToDictionaryAsync(o => o.Id, ct);
        return rows.Where(r => orgs.ContainsKey(r.Key))
            .Select(r => Bucket(orgs[r.Key].PublicId, new Label(orgs[r.Key].Name, orgs[r.Key].Name), r)).ToList();
    }

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static StatisticsBucket Bucket<T>(string key, Label label, GroupRow<T> row) =>
        new(key, label.Vi, label.En, row.Count, row.BudgetTotalVnd, row.StateBudgetVnd);

    private static List<StatisticsBucket> ByCountThenKey(List<StatisticsBucket> buckets) =>
        buckets.OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
}
