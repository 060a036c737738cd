using Registry.Data.Catalog;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.Catalog;

/// <summary>
/// The "100 % communicated" KPI as of a period's end: two agencies, coverage dated on both sides of 1 June, tasks
/// withdrawn and published on either side of the boundary (2026-06-01T17:00Z is 00:00 on 2 June in Việt Nam).
/// </summary>
public sealed class CoverageKpiTests : CatalogTestBase
{
    private const string Province = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";
    private const string Ministry = "Bộ Khoa học và Công nghệ";
    private static readonly DateTimeOffset H1Closes = new(2026, 6, 1, 17, 0, 0, TimeSpan.Zero);
    private static readonly ReportingPeriod H1 = Period("2026-H1");
    private static readonly ReportingPeriod H2 = Period("2026-H2");

    private static ReportingPeriod Period(string text) => ReportingPeriod.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static Func<TaskRecord, TaskRecord> Agency(string agency, int year = 2024) =>
        r => r with { ManagingAgency = agency, ApprovalDecision = new ApprovalDecisionRecord { Number = "1/QĐ", Date = new DateOnly(year, 5, 5) } };

    private static Func<TaskRecord, TaskRecord> Covered(params string[] dates) =>
        r => r with { Coverage = dates.Select((d, i) => new CoverageRecord { Url = $"https://baophutho.vn/a/{i}", Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = DateOnly.Parse(d), Title = "Tin" }).ToList() };

    private void MoveTo(DateTimeOffset instant) => Store.Clock.Advance(instant - Store.Clock.GetUtcNow());

    private async Task AddCoverageAsync(string id, string date)
    {
        var stored = (await Store.Tasks.FindByIdAsync(id))!;
        var record = Covered(date)(stored.Record);
        Assert.True((await Store.Tasks.UpdateAsync(id, record, null, Curator)).Succeeded);
    }

    private async Task SetAsync(string id, Visibility visibility, DateTimeOffset at)
    {
        MoveTo(at);
        Assert.True((await Store.Tasks.SetVisibilityAsync(id, visibility, "Trùng lặp", null, Curator)).Succeeded);
    }

    /// <summary>Returns the ids: A1 communicated, A2 not, A3 draft, A4 finished without results (covered after 1 June),
    /// B1 withdrawn before the boundary, B2 withdrawn after it, B3 published in the last second of H1, B4 in the first of H2.</summary>
    private async Task<Dictionary<string, string>> SeedScenarioAsync()
    {
        var ids = new Dictionary<string, string>
        {
            ["A1"] = await SeedAsync(Visibility.Published, Both(Agency(Province), Covered("2026-02-10"), r => r with { Code = "A1" })),
            ["A2"] = await SeedAsync(Visibility.Published, Both(Agency(Province), r => r with { Code = "A2" })),
            ["A3"] = await SeedAsync(Visibility.Draft, Both(Agency(Province), r => r with { Code = "A3" })),
            ["A4"] = await SeedAsync(Visibility.Published, Both(Agency(Province, 2023), r => r with { Code = "A4", Status = TaskStatus.Accepted, Results = null })),
            ["B1"] = await SeedAsync(Visibility.Published, Both(Agency(Ministry), Covered("2026-02-20"), r => r with { Code = "B1" })),
            ["B2"] = await SeedAsync(Visibility.Published, Both(Agency(Ministry), Covered("2026-01-05"), r => r with { Code = "B2" })),
            ["B3"] = await SeedAsync(Visibility.Draft, Both(Agency(Ministry), r => r with { Code = "B3" })),
            ["B4"] = await SeedAsync(Visibility.Draft, Both(Agency(Ministry), r => r with { Code = "B4" })),
        };
        await SetAsync(ids["B1"], Visibility.Withdrawn, H1Closes.AddMinutes(-30));
        await SetAsync(ids["B3"], Visibility.Published, H1Closes.AddSeconds(-1));
        await SetAsync(ids["B4"], Visibility.Published, H1Closes);
        await SetAsync(ids["B2"], Visibility.Withdrawn, H1Closes.AddHours(1));
        MoveTo(new DateTimeOffset(2026, 6, 2, 12, 0, 0, TimeSpan.Zero));
        await AddCoverageAsync(ids["A4"], "2026-06-02");
        MoveTo(new DateTimeOffset(2026, 7, 1, 3, 0, 0, TimeSpan.Zero));
        return ids;
    }

    [Fact]
    public async Task A_closed_period_counts_what_was_registered_published_and_communicated_by_its_last_day()
    {
        await SeedScenarioAsync();

        var report = await Coverage.GetPeriodReportAsync(H1, 100);

        Assert.False(report.Provisional);
        Assert.Equal(H1Closes, report.AsOf);
        Assert.Equal(
            [(Ministry, 3, 2, 1), (Province, 4, 3, 1)],
            report.Rows.Select(r => (r.ManagingAgency, r.Figures.Registered, r.Figures.Published, r.Figures.Communicated)));
        Assert.Equal((7, 5, 2, 71.4, 28.6, 40.0), (report.Totals.Figures.Registered, report.Totals.Figures.Published,
            report.Totals.Figures.Communicated, report.Totals.Figures.SharePublished, report.Totals.Figures.ShareCommunicated,
            report.Totals.Figures.ShareCommunicatedOfPublished));
        // 2025-H2 closed before anything was entered: zeros, so the change is the whole figure.
        Assert.Equal(0, report.Totals.Previous.Registered);
        Assert.Equal(new CoverageChange(7, 5, 2, 71.4, 28.6), report.Totals.Change);
    }

    [Fact]
    public async Task A_period_in_progress_is_read_now_marked_provisional_and_compared_with_the_last_closed_one()
    {
        await SeedScenarioAsync();

        var report = await Coverage.GetPeriodReportAsync(H2, 100);

        Assert.True(report.Provisional);
        Assert.Equal(Store.Clock.GetUtcNow(), report.AsOf);
        Assert.Equal(H1Closes, report.PreviousAsOf);
        Assert.Equal(
            [(Ministry, 2, 2, 0, new CoverageChange(-1, 0, -1, 33.3, -33.3)), (Province, 4, 3, 2, new CoverageChange(0, 0, 1, 0, 25.0))],
            report.Rows.Select(r => (r.ManagingAgency, r.Figures.Registered, r.Figures.Published, r.Figures.Communicated, r.Change)));
    }

    [Fact]
    public async Task Gap_lists_hold_public_tasks_only_with_full_counts_and_a_cap()
    {
        await SeedScenarioAsync();

        var h1 = await Coverage.GetPeriodReportAsync(H1, 2);
        var now = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated));

        // A2, A4 (its coverage is dated 2 June) and B3; B2 is withdrawn now, so it counts but is not listed.
        Assert.Equal(3, h1.NotCommunicated.Count);
        Assert.True(h1.NotCommunicated.Truncated);
        Assert.Equal(2, h1.NotCommunicated.Items.Count);
        Assert.Equal(["A4"], h1.NoResults.Items.Select(g => g.Code));
        Assert.Equal(2023, h1.NoResults.Items[0].Year);
        Assert.Equal(["A2", "B3", "B4"], now.Items.Select(g => g.Code));
        Assert.Equal(3, now.Count);
        Assert.Null(now.NextCursor);
    }

    [Fact]
    public async Task The_full_H1_gap_list_names_the_tasks_uncovered_on_1_June()
    {
        await SeedScenarioAsync();

        var h1 = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated, Period: H1));

        Assert.Equal(["A2", "A4", "B3"], h1.Items.Select(g => g.Code));
    }

    [Fact]
    public async Task Gap_pages_follow_the_cursor_and_filter_by_agency_and_year()
    {
        var ids = await SeedScenarioAsync();

        var first = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated, PageSize: 2));
        var second = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated, Cursor: first.NextCursor, PageSize: 2));
        var ministry = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated, Agency: Ministry));
        var year2023 = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NoResults, Year: 2023));
        var year2024 = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NoResults, Year: 2024));

        Assert.Equal(["A2", "B3"], first.Items.Select(g => g.Code));
        Assert.Equal(["B4"], second.Items.Select(g => g.Code));
        Assert.Null(second.NextCursor);
        Assert.Equal(3, second.Count);
        Assert.Equal(["B3", "B4"], ministry.Items.Select(g => g.Code));
        Assert.Equal(ids["A4"], Assert.Single(year2023.Items).Id);
        Assert.Empty(year2024.Items);
    }

    [Fact]
    public async Task A_cursor_of_the_other_list_or_of_another_listing_is_refused()
    {
        await SeedScenarioAsync();
        var page = await Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated, PageSize: 1));

        await Assert.ThrowsAsync<InvalidCursorException>(() => Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NoResults, Cursor: page.NextCursor)));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NoResults, Cursor: "!!")));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NoResults, Cursor: "Qw")));
    }

    [Fact]
    public async Task Current_rows_count_communicated_tasks_and_both_shares()
    {
        await SeedAsync(Visibility.Published, Both(Agency(Province), Covered("2026-02-10", "2026-02-11")));
        await SeedAsync(Visibility.Published, Agency(Province));
        await SeedAsync(Visibility.Draft, Both(Agency(Province), Covered("2026-02-10")));
        await SeedAsync(Visibility.Withdrawn, Both(Agency(Province), Covered("2026-02-10")));

        var report = await Coverage.GetAsync();

        var row = Assert.Single(report.Rows);
        // The draft's coverage does not count: only a published task is communicated.
        Assert.Equal((3, 2, 1, 33.3, 50.0), (row.Registered, row.Published, row.Communicated, row.ShareCommunicated, row.ShareCommunicatedOfPublished));
        Assert.Null(row.Change);
        Assert.Equal(1, report.Totals.Communicated);
    }

    [Fact]
    public async Task Coverage_with_a_period_gives_rows_as_of_its_end_with_changes()
    {
        await SeedScenarioAsync();

        var report = await Coverage.GetAsync(period: H2);

        Assert.True(report.Provisional);
        Assert.Equal(H1Closes, report.PreviousAsOf);
        Assert.Equal(new CoverageChange(-1, 0, 0, 11.9, 4.7), report.Totals.Change);
        Assert.Equal(2, report.Totals.Communicated);
    }

    [Fact]
    public async Task A_period_before_any_data_is_zeros()
    {
        await SeedScenarioAsync();

        var report = await Coverage.GetPeriodReportAsync(Period("1999-H1"), 10);

        Assert.Empty(report.Rows);
        Assert.Equal(0, report.Totals.Figures.Registered);
        Assert.Equal(0, report.NotCommunicated.Count);
        Assert.False(report.Provisional);
    }
}
