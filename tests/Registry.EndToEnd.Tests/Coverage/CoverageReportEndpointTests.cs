using Registry.Data;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Catalog.CatalogSeeding;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.EndToEnd.Tests.Coverage;

/// <summary>
/// The KPI through the host: tasks of one agency of this test's own, read in the period in progress (the host runs
/// on the real clock; its previous period closed before these tasks existed, so each change is the whole figure).
/// </summary>
public sealed class CoverageReportEndpointTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private static readonly ReportingPeriod Current = ReportingPeriod.Containing(DateTimeOffset.UtcNow);
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).DateTime).AddDays(-1);

    private static Func<TaskRecord, TaskRecord> Shape(string agency, string code, string title, bool covered) => r => r with
    {
        Code = code, Title = title, ManagingAgency = agency,
        Coverage = covered ? [new CoverageRecord { Url = "https://baophutho.vn/tin-1", Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = Yesterday, Title = "Tin" }] : null,
    };

    private async Task<(string Agency, string Token)> SeedAgencyAsync()
    {
        var curator = await factory.CuratorAsync();
        var token = Token();
        var agency = $"Sở Thử nghiệm {token}";
        await SeedAsync(curator, Visibility.Published, Shape(agency, $"KPI-{token}-1", "=HYPERLINK(\"http://evil.example\",\"Bấm\")", covered: true));
        await SeedAsync(curator, Visibility.Published, Shape(agency, $"KPI-{token}-2", "Nghiên cứu giống chè", covered: true));
        await SeedAsync(curator, Visibility.Published, Shape(agency, $"KPI-{token}-3", "+SUM(1,2) chưa truyền thông", covered: false));
        await SeedAsync(curator, Visibility.Published, r => Shape(agency, $"KPI-{token}-4", "@cmd đã nghiệm thu", covered: false)(r) with { Status = TaskStatus.Accepted, Results = null });
        await SeedAsync(curator, Visibility.Draft, Shape(agency, $"KPI-{token}-5", "-bản nháp", covered: true));
        return (agency, token);
    }

    private static JsonElement Row(JsonElement report, string agency) =>
        report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("managingAgency").GetString() == agency);

    [Fact]
    public async Task The_report_counts_the_agency_and_lists_its_gaps()
    {
        var (agency, token) = await SeedAgencyAsync();

        var report = await GetOkAsync(factory.Anonymous(), $"/api/v1/coverage/reports/{Current}");

        var figures = Row(report, agency).GetProperty("figures");
        Assert.Equal((5, 4, 2, 80.0, 40.0, 50.0, 1), (figures.GetProperty("registered").GetInt32(), figures.GetProperty("published").GetInt32(),
            figures.GetProperty("communicated").GetInt32(), figures.GetProperty("sharePublished").GetDouble(), figures.GetProperty("shareCommunicated").GetDouble(),
            figures.GetProperty("shareCommunicatedOfPublished").GetDouble(), figures.GetProperty("finishedMissingResults").GetInt32()));
        Assert.Equal(2, Row(report, agency).GetProperty("change").GetProperty("communicated").GetInt32());
        var meta = report.GetProperty("meta");
        Assert.True(meta.GetProperty("provisional").GetBoolean());
        Assert.Equal(Current.ToString(), meta.GetProperty("period").GetString());
        Assert.Equal(Current.Previous.ToString(), meta.GetProperty("previousPeriod").GetString());
        var notCommunicated = report.GetProperty("gaps").GetProperty("notCommunicated").GetProperty("results").EnumerateArray()
            .Select(g => g.GetProperty("code").GetString()).Where(c => c!.Contains(token)).ToList();
        Assert.Equal([$"KPI-{token}-3", $"KPI-{token}-4"], notCommunicated);
        Assert.EndsWith($"/api/v1/coverage/reports/{Current}.xlsx", report.GetProperty("links").GetProperty("xlsx").GetString());
    }

    [Fact]
    public async Task The_xlsx_read_back_by_another_reader_holds_the_figures_of_the_json_and_titles_as_text()
    {
        var (agency, token) = await SeedAgencyAsync();
        var json = await GetOkAsync(factory.Anonymous(), $"/api/v1/coverage/reports/{Current}");

        var response = await factory.Anonymous().GetAsync($"/api/v1/coverage/reports/{Current}.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"bao-cao-truyen-thong-{Current}.xlsx", disposition.FileName!.Trim('"'));
        Assert.Contains("filename*=UTF-8''b%C3%A1o-c%C3%A1o-truy%E1%BB%81n-th%C3%B4ng-", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal($"báo-cáo-truyền-thông-{Current}.xlsx", disposition.FileNameStar);
        Assert.Empty(XlsxReadBack.ValidationErrors(bytes));

        var sheets = XlsxReadBack.Read(bytes);
        Assert.Equal(["Tổng hợp", "Chưa truyền thông", "Chưa có kết quả", "Ghi chú"], sheets.Select(s => s.Name));
        var summary = sheets[0].Rows;
        Assert.Equal("Cơ quan quản lý", summary[0][0]);
        var row = summary.Single(r => (r[0] as string) == agency);
        var expected = Row(json, agency);
        Assert.Equal(expected.GetProperty("figures").GetProperty("registered").GetInt32(), (double)row[1]!);
        Assert.Equal(expected.GetProperty("figures").GetProperty("published").GetInt32(), (double)row[2]!);
        Assert.Equal(expected.GetProperty("figures").GetProperty("communicated").GetInt32(), (double)row[3]!);
        Assert.Equal(expected.GetProperty("figures").GetProperty("shareCommunicated").GetDouble() / 100, (double)row[5]!, 6);
        Assert.Equal(expected.GetProperty("change").GetProperty("communicated").GetInt32(), (double)row[13]!);
        var totals = summary[^1];
        Assert.Equal("Tổng cộng", totals[0]);
        Assert.Equal(json.GetProperty("totals").GetProperty("figures").GetProperty("registered").GetInt32(), (double)totals[1]!);
        Assert.Equal(json.GetProperty("totals").GetProperty("figures").GetProperty("communicated").GetInt32(), (double)totals[3]!);
        Assert.Equal(json.GetProperty("meta").GetProperty("count").GetInt32(), summary.Count - 2);

        var gaps = sheets[1].Rows.Skip(1).Where(r => ((string)r[0]!).Contains(token)).ToList();
        Assert.Equal(["+SUM(1,2) chưa truyền thông", "@cmd đã nghiệm thu"], gaps.Select(r => r[1]));
        Assert.Equal(json.GetProperty("gaps").GetProperty("notCommunicated").GetProperty("results").GetArrayLength(), sheets[1].Rows.Count - 1);
        Assert.Contains(sheets[2].Rows, r => (r[0] as string) == $"KPI-{token}-4");
        Assert.Contains(sheets[3].Rows, r => (r[0] as string) == "Kỳ báo cáo" && ((string)r[1]!).StartsWith(Current.ToString()));
        Assert.Empty(FormulaCells(bytes));
    }

    private static List<string> FormulaCells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).Select(f => f.Text).ToList();
    }

    [Fact]
    public async Task Coverage_gains_communicated_figures_and_with_a_period_the_changes()
    {
        var (agency, _) = await SeedAgencyAsync();

        var now = await GetOkAsync(factory.Anonymous(), "/api/v1/coverage");
        var period = await GetOkAsync(factory.Anonymous(), $"/api/v1/coverage?period={Current}");

        var row = Row(now, agency);
        Assert.Equal((5, 4, 2, 40.0, 50.0), (row.GetProperty("registered").GetInt32(), row.GetProperty("published").GetInt32(),
            row.GetProperty("communicated").GetInt32(), row.GetProperty("shareCommunicated").GetDouble(), row.GetProperty("shareCommunicatedOfPublished").GetDouble()));
        Assert.Equal(2, Row(period, agency).GetProperty("change").GetProperty("communicated").GetInt32());
        Assert.True(period.GetProperty("meta").GetProperty("provisional").GetBoolean());
        Assert.Equal(Current.ToString(), period.GetProperty("meta").GetProperty("period").GetString());
    }

    [Fact]
    public async Task Gap_lists_page_by_code_and_filter_by_agency()
    {
        var (agency, token) = await SeedAgencyAsync();
        var url = $"/api/v1/coverage/gaps?kind=notCommunicated&agency={Uri.EscapeDataString(agency)}&pageSize=1";

        var first = await GetOkAsync(factory.Anonymous(), url);
        var second = await GetOkAsync(factory.Anonymous(), url + "&cursor=" + first.GetProperty("meta").GetProperty("nextCursor").GetString());
        var noResults = await GetOkAsync(factory.Anonymous(), $"/api/v1/coverage/gaps?kind=noResults&agency={Uri.EscapeDataString(agency)}&period={Current}");

        Assert.Equal(2, first.GetProperty("meta").GetProperty("count").GetInt32());
        Assert.Equal($"KPI-{token}-3", first.GetProperty("results")[0].GetProperty("code").GetString());
        Assert.Equal($"KPI-{token}-4", second.GetProperty("results")[0].GetProperty("code").GetString());
        Assert.False(second.GetProperty("meta").TryGetProperty("nextCursor", out var next) && next.ValueKind != JsonValueKind.Null);
        Assert.Equal("accepted", Assert.Single(noResults.GetProperty("results").EnumerateArray()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/v1/coverage/reports/2026-h1", "period")]
    [InlineData("/api/v1/coverage/reports/2026-H3", "period")]
    [InlineData("/api/v1/coverage/reports/99999-H1", "period")]
    [InlineData("/api/v1/coverage/reports/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-H1", "period")]
    [InlineData("/api/v1/coverage/reports/2026-H1%20", "period")]
    [InlineData("/api/v1/coverage/reports/1989-H2", "period")]
    [InlineData("/api/v1/coverage/reports/2100-H2", "period")]
    [InlineData("/api/v1/coverage/reports/2026-h1.xlsx", "period")]
    [InlineData("/api/v1/coverage/reports/2100-H1.xlsx", "period")]
    [InlineData("/api/v1/coverage?period=H1-2026", "period")]
    [InlineData("/api/v1/coverage?period=", "period")]
    [InlineData("/api/v1/coverage/gaps", "kind")]
    [InlineData("/api/v1/coverage/gaps?kind=all", "kind")]
    [InlineData("/api/v1/coverage/gaps?kind=noResults&pageSize=0", "pageSize")]
    [InlineData("/api/v1/coverage/gaps?kind=noResults&year=10", "year")]
    [InlineData("/api/v1/coverage/gaps?kind=noResults&period=2026-H9", "period")]
    [InlineData("/api/v1/coverage/gaps?kind=noResults&cursor=abc", "cursor")]
    [InlineData("/api/v1/coverage/gaps?kind=noResults&sort=code", "sort")]
    public async Task Bad_periods_and_parameters_answer_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        if (parameter == "period" && !url.EndsWith("2100-H2") && !url.EndsWith("2100-H1.xlsx"))
            Assert.Contains("YYYY-H1", messages[0].GetString());
    }

    [Fact]
    public async Task A_closed_period_is_read_at_its_end_not_provisionally()
    {
        var report = await GetOkAsync(factory.Anonymous(), $"/api/v1/coverage/reports/{Current.Previous}");

        var meta = report.GetProperty("meta");
        Assert.False(meta.GetProperty("provisional").GetBoolean());
        Assert.Equal(Current.Previous.EndsBefore, meta.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(Current.Previous.EndDate.ToString("yyyy-MM-dd"), meta.GetProperty("endDate").GetString());
    }

    [Fact]
    public async Task GraphQL_coverage_report_gives_the_figures_of_REST_and_refuses_a_bad_period()
    {
        var (agency, _) = await SeedAgencyAsync();
        const string query = "query($p: String!) { coverageReport(period: $p) { period provisional rows { managingAgency figures { registered published communicated shareCommunicated } change { communicated } } notCommunicated { count } } coverage(period: $p) { totals { communicated change { communicated } } } }";

        var answer = await PostGraphQLAsync(query, new { p = Current.ToString() });
        var bad = await PostGraphQLAsync(query, new { p = "2026-h1" });

        var report = answer.GetProperty("data").GetProperty("coverageReport");
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("managingAgency").GetString() == agency);
        Assert.Equal((5, 4, 2, 40.0), (row.GetProperty("figures").GetProperty("registered").GetInt32(), row.GetProperty("figures").GetProperty("published").GetInt32(),
            row.GetProperty("figures").GetProperty("communicated").GetInt32(), row.GetProperty("figures").GetProperty("shareCommunicated").GetDouble()));
        Assert.Equal(Current.ToString(), report.GetProperty("period").GetString());
        Assert.True(answer.GetProperty("data").GetProperty("coverage").GetProperty("totals").GetProperty("communicated").GetInt32() >= 2);
        Assert.Contains("YYYY-H1", bad.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    private async Task<JsonElement> PostGraphQLAsync(string query, object variables)
    {
        var payload = JsonSerializer.Serialize(new { query, variables });
        var response = await factory.Anonymous().PostAsync("/graphql", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
