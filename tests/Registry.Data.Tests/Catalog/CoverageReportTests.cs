using Registry.Data.Catalog;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.Catalog;

public sealed class CoverageReportTests : CatalogTestBase
{
    private const string Province = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";
    private const string Ministry = "Bộ Khoa học và Công nghệ";

    private static Func<TaskRecord, TaskRecord> Approved(string agency, int year) =>
        r => r with { ManagingAgency = agency, ApprovalDecision = new ApprovalDecisionRecord { Number = "1/QĐ", Date = new DateOnly(year, 5, 5) } };

    [Fact]
    public async Task Rows_count_registered_published_share_and_missing_content_per_agency_and_year()
    {
        await SeedAsync(Visibility.Published, Approved(Province, 2023));
        await SeedAsync(Visibility.Published, Both(Approved(Province, 2023), r => r with { Summary = null }));
        await SeedAsync(Visibility.Published, Both(Approved(Province, 2023), r => r with { Status = TaskStatus.Accepted, Results = null }));
        await SeedAsync(Visibility.Published, Both(Approved(Province, 2023), r => r with { Status = TaskStatus.Applied, Results = "Đã chuyển giao." }));
        await SeedAsync(Visibility.Draft, Approved(Province, 2023));
        await SeedAsync(Visibility.Withdrawn, Approved(Province, 2023));
        await SeedAsync(Visibility.Draft, Approved(Province, 2024));
        await SeedAsync(Visibility.Published, Approved(Ministry, 2024));
        await SeedAsync(Visibility.Draft, Approved(Ministry, 2024));
        await SeedAsync(Visibility.Draft, Approved(Ministry, 2024));

        var report = await Coverage.GetAsync();

        Assert.Equal(
            [(Ministry, 2024, 3, 1, 33.3, 0, 0), (Province, 2023, 5, 4, 80.0, 1, 1), (Province, 2024, 1, 0, 0.0, 0, 0)],
            report.Rows.Select(r => (r.ManagingAgency, r.Year, r.Registered, r.Published, r.SharePublished,
                r.PublishedMissingSummary, r.FinishedMissingResults)));
        Assert.Equal((9, 5, 55.6, 1, 1), (report.Totals.Registered, report.Totals.Published, report.Totals.SharePublished,
            report.Totals.PublishedMissingSummary, report.Totals.FinishedMissingResults));
        Assert.Equal(Store.Clock.GetUtcNow(), report.AsOf);
        Assert.Equal(new DateOnly(2026, 6, 1), report.NextReportingDeadline);
    }

    [Fact]
    public async Task The_year_falls_back_from_approval_to_start_to_entry_and_filters_rows()
    {
        await SeedAsync(Visibility.Published, Approved(Province, 2022));
        await SeedAsync(Visibility.Published, r => r with { ApprovalDecision = null, StartDate = new DateOnly(2021, 2, 1) });
        await SeedAsync(Visibility.Published, r => r with { ApprovalDecision = null, StartDate = null, EndDate = null });

        var all = await Coverage.GetAsync();
        var only2021 = await Coverage.GetAsync(2021);

        // The test clock is in March 2026, so the record with neither date falls in 2026.
        Assert.Equal([2021, 2022, 2026], all.Rows.Select(r => r.Year).Order());
        Assert.Equal(2021, Assert.Single(only2021.Rows).Year);
        Assert.Equal(1, only2021.Totals.Registered);
        Assert.Equal(2021, only2021.Year);
    }

    [Fact]
    public async Task An_empty_registry_reports_zero_without_dividing_by_zero()
    {
        var report = await Coverage.GetAsync();

        Assert.Empty(report.Rows);
        Assert.Equal(0, report.Totals.SharePublished);
    }

    [Theory]
    [InlineData("2026-03-01T08:00:00Z", "2026-06-01")]
    [InlineData("2026-05-31T17:30:00Z", "2026-06-01")] // already 1 June in Việt Nam: the deadline is today
    [InlineData("2026-06-01T17:30:00Z", "2026-12-01")] // 2 June in Việt Nam
    [InlineData("2026-12-01T10:00:00Z", "2026-12-01")]
    [InlineData("2026-12-24T10:00:00Z", "2027-06-01")]
    public void The_next_deadline_is_the_next_1_June_or_1_December_in_Vietnam(string asOf, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), CoverageReportService.NextDeadline(DateTimeOffset.Parse(asOf)));
    }
}
