using Microsoft.EntityFrameworkCore;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Store;
using Registry.Data.Tests.Infrastructure;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.SqlServer;

/// <summary>
/// Every query builder of the catalogue read services translated by the SQL Server provider with no server and
/// parsed as T-SQL, then the services themselves run against <see cref="OfflineSqlServer"/>.
/// </summary>
public sealed class SqlServerCatalogQueryTests : IDisposable
{
    private readonly SqlServerRegistryDbContext _db = new SqlServerRegistryDbContextDesignFactory().CreateDbContext([]);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CoverageCut GapCut = new(new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.FromHours(7)), new DateOnly(2026, 6, 1));
    private static readonly StatisticsQuery Filtered = new(StatisticsGroupBy.Year, 2020, 2025, "401");

    public static TheoryData<string> Queries() => new(Builders().Keys);

    private static Dictionary<string, Func<RegistryDbContext, IQueryable<object>>> Builders() => new()
    {
        ["OrganizationQueries.Public"] = db => OrganizationQueries.Public(db),
        ["OrganizationQueries.PublicNames"] = db => OrganizationQueries.PublicNames(db),
        ["OrganizationQueries.PublicByIds"] = db => OrganizationQueries.PublicByIds(db, [1L, 2L]),
        ["OrganizationQueries.PublicByPublicId"] = db => OrganizationQueries.PublicByPublicId(db, "o0123456789ab"),
        ["OrganizationQueries.Totals"] = db => OrganizationQueries.Totals(db, [1L, 2L]),
        ["OrganizationQueries.PublishedOf"] = db => OrganizationQueries.PublishedOf(db, 7),
        ["OrganizationQueries.PublishedPageOf first"] = db => OrganizationQueries.PublishedPageOf(db, 7, null, null, 21),
        ["OrganizationQueries.PublishedPageOf after"] = db => OrganizationQueries.PublishedPageOf(db, 7, Now, 42, 21),
        ["OrganizationQueries.PublicByPublicIds"] = db => OrganizationQueries.PublicByPublicIds(db, ["o0123456789ab", "o0123456789cd"]),
        ["OrganizationQueries.PublishedPagesOf first"] = db => OrganizationQueries.PublishedPagesOf(db, [7L, 8L], null, null, 21),
        ["OrganizationQueries.PublishedPagesOf after"] = db => OrganizationQueries.PublishedPagesOf(db, [7L, 8L], Now, 42, 21),
        ["StatisticsQueries.Filtered"] = db => StatisticsQueries.Filtered(db, Filtered),
        ["StatisticsQueries.ByYear"] = db => StatisticsQueries.ByYear(db, Filtered),
        ["StatisticsQueries.ByLevel"] = db => StatisticsQueries.ByLevel(db, Filtered),
        ["StatisticsQueries.ByKind"] = db => StatisticsQueries.ByKind(db, Filtered),
        ["StatisticsQueries.ByStatus"] = db => StatisticsQueries.ByStatus(db, Filtered),
        ["StatisticsQueries.ByOrganization"] = db => StatisticsQueries.ByOrganization(db, Filtered),
        ["StatisticsQueries.ByManagingAgency"] = db => StatisticsQueries.ByManagingAgency(db, Filtered),
        ["StatisticsQueries.ByFieldPrefix field"] = db => StatisticsQueries.ByFieldPrefix(db, new StatisticsQuery(StatisticsGroupBy.Field), 1),
        ["StatisticsQueries.ByFieldPrefix sector filtered"] = db => StatisticsQueries.ByFieldPrefix(db, Filtered, 3),
        ["CoverageQueries.Facts"] = db => CoverageQueries.Facts(db),
        ["CoverageQueries.FirstCoverage"] = db => CoverageQueries.FirstCoverage(db),
        ["CoverageQueries.Gaps notCommunicated now"] = db => CoverageQueries.GapPage(CoverageQueries.Gaps(db, CoverageGapKind.NotCommunicated, null, null, null), null, 51),
        ["CoverageQueries.Gaps notCommunicated period agency year after"] = db => CoverageQueries.GapPage(
            CoverageQueries.Gaps(db, CoverageGapKind.NotCommunicated, GapCut, "Sở Khoa học và Công nghệ tỉnh Phú Thọ", 2024), "ĐT-2024-01", 51),
        ["CoverageQueries.Gaps noResults period"] = db => CoverageQueries.GapPage(CoverageQueries.Gaps(db, CoverageGapKind.NoResults, GapCut, null, 2023), null, 51),
        ["CoverageQueries.Gaps count"] = db => CoverageQueries.Gaps(db, CoverageGapKind.NotCommunicated, GapCut, "x", 2024).GroupBy(t => 1).Select(g => (object)g.Count()),
        ["ChangeQueries.After"] = db => ChangeQueries.After(db, 42, 1001),
        ["PublicQueries.LeftPublicSince"] = db => PublicQueries.LeftPublicSince(db, Now).Select(b => (object)b),
        ["PublicQueries.WithdrawnIds"] = db => PublicQueries.WithdrawnIds(db),
        ["PublicQueries.PublishedEntries"] = db => PublicQueries.PublishedEntries(db),
        ["PublicQueries.OrganizationEntries"] = db => PublicQueries.OrganizationEntries(db),
        ["PublicQueries.Harvestable"] = db => PublicQueries.Harvestable(db, new HarvestQuery(Now, Now.AddDays(1), "401", TaskLevel.Provincial, TaskStatus.Accepted)),
        ["PublicQueries.HarvestPage first"] = db => PublicQueries.HarvestPage(PublicQueries.Harvestable(db, new HarvestQuery()), null, 100),
        ["PublicQueries.HarvestPage after"] = db => PublicQueries.HarvestPage(PublicQueries.Harvestable(db, new HarvestQuery(From: Now)), new HarvestPosition(Now, "t0123456789ab"), 100),
        ["ImportJobQueries.ById"] = db => ImportJobQueries.ById(db, "j0123456789ab"),
        ["ImportJobQueries.Unfinished"] = db => ImportJobQueries.Unfinished(db),
        ["ImportJobQueries.HeldBy"] = db => ImportJobQueries.HeldBy(db, "imports:a"),
        ["ImportJobQueries.Expired"] = db => ImportJobQueries.Expired(db, Now),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Translates_to_valid_TSql(string name)
    {
        var sql = Builders()[name](_db).ToQueryString().Split("This LINQ query is being executed in split-query mode")[0];

        Assert.Contains("SELECT", sql);
        Assert.Empty(TSql.Errors(sql));
    }

    [Fact]
    public void Statistics_group_in_the_database_and_count_published_tasks_only()
    {
        var sql = StatisticsQueries.ByKind(_db, Filtered).ToQueryString();

        Assert.Contains("GROUP BY [t].[Kind]", sql);
        Assert.Contains("[t].[Visibility] = N'Published'", sql);
        Assert.Contains("COUNT(*)", sql);
    }

    [Fact]
    public void Field_buckets_count_distinct_task_and_prefix_pairs()
    {
        var sql = StatisticsQueries.ByFieldPrefix(_db, new StatisticsQuery(StatisticsGroupBy.Field), 1).ToQueryString();

        Assert.Contains("DISTINCT", sql);
        Assert.Contains("SUBSTRING([t].[FieldCode], 0 + 1, 1)", sql.Replace("@length", "1"));
    }

    [Fact]
    public void The_change_log_is_read_in_sequence_order_after_the_cursor()
    {
        var sql = ChangeQueries.After(_db, 42, 1001).ToQueryString();

        Assert.Contains("ORDER BY [c].[Sequence]", sql);
        Assert.Contains("[c].[Sequence] > @", sql);
    }

    [Fact]
    public async Task The_services_send_valid_TSql()
    {
        var server = new OfflineSqlServer();
        var clock = new TestClock();

        Assert.Empty((await new OrganizationDirectory(server).SearchAsync("hùng vương", null, 20)).Results);
        Assert.Null(await new OrganizationDirectory(server).FindAsync("o0123456789ab"));
        Assert.Null(await new OrganizationDirectory(server).ListPublishedTasksAsync("o0123456789ab", null, 20));
        var statistics = new TaskStatistics(server);
        foreach (var groupBy in Enum.GetValues<StatisticsGroupBy>())
        {
            Assert.Empty(await statistics.GroupAsync(new StatisticsQuery(groupBy, 2020, 2025, "4")));
        }
        Assert.Equal(6, (await statistics.FieldTreeAsync()).Count);
        Assert.Empty((await new CoverageReportService(server, clock).GetAsync(2024)).Rows);
        Assert.Empty((await new ChangeFeed(server, clock).ReadAsync(null, 100)).Changes);
        var catalog = new PublicCatalog(new TaskStore(server, clock), new TaskCatalog(server), server);
        Assert.Empty(await catalog.ListPublishedEntriesAsync());
        Assert.Empty(await catalog.ListOrganizationEntriesAsync());
        Assert.Empty(await catalog.ListWithdrawnIdsAsync());
        Assert.False(await catalog.AnyLeftPublicSinceAsync(Now));
        Assert.Empty((await catalog.HarvestAsync(new HarvestQuery(Now, null, "4"), new HarvestPosition(Now, "t0123456789ab"), 50)).Items);
        Assert.Null(await catalog.FindHarvestItemAsync("t0123456789ab"));
        Assert.Null(await new ImportJobStore(server, clock).FindAsync("j0123456789ab"));
        Assert.Equal(0, await new ImportJobStore(server, clock).FailExpiredAsync("{}"));
        Assert.Equal(0, await new ImportJobStore(server, clock).RenewAsync(new Registry.Data.Abstractions.JobLease("imports:a", TimeSpan.FromMinutes(2))));

        Assert.True(server.Commands.Count >= 22, $"expected at least 22 statements, got {server.Commands.Count}");
        Assert.All(server.Commands, sql => Assert.Empty(TSql.Errors(sql)));
    }

    public void Dispose() => _db.Dispose();
}
