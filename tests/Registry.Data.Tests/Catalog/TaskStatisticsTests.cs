using Registry.Data.Catalog;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.Catalog;

public sealed class TaskStatisticsTests : CatalogTestBase
{
    private static Func<TaskRecord, TaskRecord> Started(int? year) =>
        r => r with { StartDate = year is { } y ? new DateOnly(y, 3, 1) : null, EndDate = null };

    [Fact]
    public async Task Kind_buckets_count_and_sum_published_tasks_only_by_count_then_key()
    {
        await SeedAsync(Visibility.Published, Both(r => r with { Kind = TaskKind.ResearchProject }, Budget(1_000, 800)));
        await SeedAsync(Visibility.Published, Both(r => r with { Kind = TaskKind.ResearchProject }, Budget(2_000, 1_500)));
        await SeedAsync(Visibility.Published, Both(r => r with { Kind = TaskKind.PilotProductionProject }, Budget(5_000, 1_000)));
        await SeedAsync(Visibility.Published, Both(r => r with { Kind = TaskKind.Program }, r => r with { Budget = null }));
        await SeedAsync(Visibility.Draft, Both(r => r with { Kind = TaskKind.ResearchProject }, Budget(9_000, 9_000)));
        await SeedAsync(Visibility.Withdrawn, Both(r => r with { Kind = TaskKind.BasicSurvey }, Budget(9_000, 9_000)));

        var buckets = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Kind));

        Assert.Equal(["researchProject", "pilotProductionProject", "program"], buckets.Select(b => b.Key));
        Assert.Equal([2, 1, 1], buckets.Select(b => b.Count));
        Assert.Equal([3_000L, 5_000L, 0L], buckets.Select(b => b.BudgetTotalVnd));
        Assert.Equal([2_300L, 1_000L, 0L], buckets.Select(b => b.StateBudgetVnd));
        Assert.Equal("Đề tài", buckets[0].DisplayName);
        Assert.Equal("Research project", buckets[0].DisplayNameEn);
    }

    [Fact]
    public async Task Years_ascend_with_unknown_last_and_year_filters_use_the_start_year()
    {
        await SeedAsync(Visibility.Published, Started(2024));
        await SeedAsync(Visibility.Published, Started(2021));
        await SeedAsync(Visibility.Published, Started(2024));
        await SeedAsync(Visibility.Published, Started(null));
        await SeedAsync(Visibility.Draft, Started(2019));

        var all = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Year));
        var from2022 = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Year, YearFrom: 2022));
        var upTo2021 = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Year, YearTo: 2021));

        Assert.Equal(["2021", "2024", "unknown"], all.Select(b => b.Key));
        Assert.Equal([1, 2, 1], all.Select(b => b.Count));
        Assert.Equal("Không rõ", all[2].DisplayName);
        Assert.Equal(("2024", 2), (Assert.Single(from2022).Key, from2022[0].Count));
        Assert.Equal("2021", Assert.Single(upTo2021).Key);
    }

    [Fact]
    public async Task A_task_counts_once_per_field_and_once_per_sector_with_its_budget_added_once()
    {
        await SeedAsync(Visibility.Published, Both(r => r with { Fields = ["4", "40101", "40102"] }, Budget(1_000, 600)));
        await SeedAsync(Visibility.Published, Both(r => r with { Fields = ["101", "40201"] }, Budget(300, 100)));
        await SeedAsync(Visibility.Draft, Both(r => r with { Fields = ["101"] }, Budget(7_000, 7_000)));

        var fields = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Field));
        var sectors = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Sector));
        var underAgriculture = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Sector, Field: "4"));

        Assert.Equal([("4", 2, 1_300L), ("1", 1, 300L)], fields.Select(b => (b.Key, b.Count, b.BudgetTotalVnd)));
        Assert.Equal("Khoa học nông nghiệp", fields[0].DisplayName);
        Assert.Equal([("101", 1), ("401", 1), ("402", 1)], sectors.Select(b => (b.Key, b.Count)));
        Assert.Equal(["401", "402"], underAgriculture.Select(b => b.Key));
    }

    [Fact]
    public async Task Level_status_organization_and_agency_buckets_are_keyed_as_the_api_filters()
    {
        await SeedAsync(Visibility.Published, r => r with { Level = TaskLevel.National, Status = TaskStatus.Accepted });
        await SeedAsync(Visibility.Published, Both(At("Viện Nghiên cứu Chè"), r => r with { ManagingAgency = null }));
        await SeedAsync(Visibility.Draft, r => r with { Level = TaskLevel.Grassroots });

        var levels = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Level));
        var statuses = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Status));
        var orgs = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Organization));
        var agencies = await Statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.ManagingAgency));

        Assert.Equal(["national", "provincial"], levels.Select(b => b.Key));
        Assert.Equal(["accepted", "inProgress"], statuses.Select(b => b.Key));
        Assert.Equal(["Trường Đại học Hùng Vương", "Viện Nghiên cứu Chè"], orgs.Select(b => b.DisplayName).Order());
        Assert.All(orgs, b => Assert.StartsWith("o", b.Key));
        Assert.Equal(["Sở Khoa học và Công nghệ tỉnh Phú Thọ", "unknown"], agencies.Select(b => b.Key));
    }

    [Fact]
    public async Task The_field_tree_has_every_field_and_sector_with_published_counts()
    {
        await SeedAsync(Visibility.Published, r => r with { Fields = ["4", "40101", "40102"] });
        await SeedAsync(Visibility.Published, r => r with { Fields = ["40201"] });
        await SeedAsync(Visibility.Withdrawn, r => r with { Fields = ["101"] });

        var tree = await Statistics.FieldTreeAsync();

        Assert.Equal(6, tree.Count);
        Assert.Equal(46, tree.Sum(f => f.Sectors.Count));
        var agriculture = tree.Single(f => f.Code == "4");
        Assert.Equal(2, agriculture.Count);
        Assert.Equal(1, agriculture.Sectors.Single(s => s.Code == "401").Count);
        Assert.Equal(1, agriculture.Sectors.Single(s => s.Code == "402").Count);
        Assert.Equal(0, tree.Single(f => f.Code == "1").Count);
        Assert.Equal("Natural sciences", tree.Single(f => f.Code == "1").DisplayNameEn);
    }

    [Theory]
    [InlineData(2025, 2020, null, "yearTo")]
    [InlineData(1200, null, null, "yearFrom")]
    [InlineData(null, null, "999", "field")]
    [InlineData(null, null, "4a", "field")]
    public void Bad_filters_say_which_parameter_is_wrong(int? from, int? to, string? field, string parameter)
    {
        var errors = new StatisticsQuery(StatisticsGroupBy.Year, from, to, field).Validate();

        Assert.Contains(errors, e => e.Parameter == parameter);
    }
}
