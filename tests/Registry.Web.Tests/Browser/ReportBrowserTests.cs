using Registry.Data;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Web.Tests.Infrastructure;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Web.Tests.Browser;

/// <summary>
/// The printable semi-annual report in Chromium, over a host of its own: three agencies, some tasks entered during the
/// previous period (the host's clock is set back while they are written) so the page shows changes.
/// </summary>
public sealed class ReportBrowserTests(ReportHostFixture host, BrowserFixture browser) : IClassFixture<ReportHostFixture>, IClassFixture<BrowserFixture>
{
    private static readonly ReportingPeriod Current = ReportingPeriod.Containing(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_report_page_shows_figures_changes_and_gaps_and_is_saved_for_the_docs()
    {
        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync($"/stats/report/{Current}");

        Assert.Contains(Current.ToString(), await page.Locator("h1").InnerTextAsync());
        var province = page.Locator("table.report tbody tr", new() { HasText = ReportHostFixture.Province });
        Assert.Equal(["Sở Khoa học và Công nghệ tỉnh Phú Thọ", "5", "4", "2", "80 %", "40 %"],
            (await province.Locator("th, td").AllInnerTextsAsync()).Take(6).Select(t => t.Trim()));
        Assert.Contains("+", await province.Locator("td").Nth(6).InnerTextAsync());
        Assert.EndsWith($"/api/v1/coverage/reports/{Current}.xlsx", await page.GetByRole(AriaRole.Link, new() { Name = "Tải .xlsx" }).GetAttributeAsync("href"));
        Assert.Equal(3, await page.Locator("#not-communicated-h ~ table tbody tr").CountAsync());
        await BrowserFixture.DocsScreenshotAsync(page, "report-page");
    }

    [Fact]
    public async Task Printing_hides_the_navigation_and_repeats_table_headers()
    {
        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync($"/stats/report/{Current}");
        Assert.True(await page.Locator("header.site").IsVisibleAsync());

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator("header.site").IsVisibleAsync());
        Assert.False(await page.Locator("footer.site").IsVisibleAsync());
        Assert.False(await page.Locator("ul.report-nav").IsVisibleAsync());
        Assert.Equal("table-header-group", await page.Locator("table.report thead").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("page", await page.Locator("section.report-section").First.EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        Assert.True(await page.Locator("table.report").First.IsVisibleAsync());
    }

    [Fact]
    public async Task The_English_page_and_the_period_picker()
    {
        var page = await browser.NewPageAsync(host.BaseUrl, "en-GB");
        await page.GotoAsync($"/stats/report/{Current}?lang=en");

        Assert.StartsWith("Report on publishing", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = $"← Previous period: {Current.Previous}" }).ClickAsync();
        await page.WaitForURLAsync($"**/stats/report/{Current.Previous}?lang=en");
        Assert.Contains(Current.Previous.ToString(), await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = $"Next period: {Current} →" }).CountAsync());
    }

    [Theory]
    [InlineData("2026-h1", "YYYY-H1")]
    [InlineData("2100-H1", "chưa bắt đầu")]
    [InlineData("%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-H1", "YYYY-H1")]
    public async Task A_bad_period_is_a_400_page_saying_what_is_valid(string period, string says)
    {
        var response = await host.Http().GetAsync($"/stats/report/{period}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_bare_report_address_goes_to_the_current_period()
    {
        var response = await host.Http().GetAsync("/stats/report?lang=en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/stats/report/{Current}?lang=en", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_statistics_page_shows_the_communicated_share_and_links_to_the_report()
    {
        var html = await (await host.Http().GetAsync("/stats")).Content.ReadAsStringAsync();

        Assert.Contains("Tiến độ truyền thông 100%", html);
        Assert.Contains($"href=\"/stats/report/{Current}\"", html);
        Assert.Contains("/api/v1/coverage/gaps?kind=notCommunicated", html);
    }
}

/// <summary>A clock the fixture can set back while it writes "older" tasks.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}

public sealed class ReportHostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Province = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";
    public const string Health = "Sở Y tế tỉnh Phú Thọ";
    public const string Agriculture = "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("registry-report-").FullName;
    private readonly ShiftedClock _clock = new();

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Registry:DataDirectory", _dataDirectory);
        builder.UseSetting("Registry:SeedDemoData", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
    }

    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    public async Task InitializeAsync()
    {
        UseKestrel();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITaskStore>();
        var current = ReportingPeriod.Containing(DateTimeOffset.UtcNow);
        var coverageDay = current.Previous.EndDate.AddDays(-20);
        // Entered and covered during the previous period.
        _clock.Shift = current.Previous.EndsBefore.AddDays(-10) - DateTimeOffset.UtcNow;
        await SeedAsync(store, Task("KH-01", Province, "Nghiên cứu nhân giống chè Shan tuyết bằng phương pháp giâm cành", coverageDay), Visibility.Published);
        await SeedAsync(store, Task("KH-02", Province, "Ứng dụng chuyển đổi số trong quản lý đất đai cấp xã", null), Visibility.Published);
        await SeedAsync(store, Task("YT-01", Health, "Sàng lọc sớm ung thư gan tại bệnh viện tuyến tỉnh", coverageDay), Visibility.Published);
        await SeedAsync(store, Task("NN-01", Agriculture, "Chọn tạo giống bưởi Đoan Hùng sạch bệnh", null), Visibility.Draft);
        // Entered in the period in progress.
        _clock.Shift = TimeSpan.Zero;
        var recent = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).DateTime).AddDays(-1);
        await SeedAsync(store, Task("KH-03", Province, "Mô hình nuôi cá lồng trên sông Đà", recent), Visibility.Published);
        await SeedAsync(store, Task("KH-04", Province, "Bảo tồn hát Xoan trong trường học", null) with { Status = TaskStatus.Accepted, Results = null }, Visibility.Published);
        await SeedAsync(store, Task("KH-05", Province, "Quy trình sản xuất phân hữu cơ vi sinh", null), Visibility.Draft);
        await SeedAsync(store, Task("YT-02", Health, "Hồ sơ sức khỏe điện tử cho người cao tuổi", null), Visibility.Published);
        await SeedAsync(store, Task("NN-02", Agriculture, "Canh tác lúa thông minh thích ứng biến đổi khí hậu", recent), Visibility.Published);
    }

    private static async Task SeedAsync(ITaskStore store, TaskRecord record, Visibility visibility)
    {
        var created = await store.CreateAsync(record, Actor.Seeder);
        Assert.True(created.Succeeded, $"Seeding {record.Code} failed: {string.Join("; ", created.Errors?.Select(e => e.Message) ?? [])}");
        if (visibility == Visibility.Published)
            Assert.True((await store.SetVisibilityAsync(created.Task!.Id, Visibility.Published, null, null, Actor.Seeder)).Succeeded);
    }

    private static TaskRecord Task(string code, string agency, string title, DateOnly? covered) => new()
    {
        Code = $"ĐT-2026-{code}",
        Title = title,
        Kind = TaskKind.ResearchProject,
        Level = TaskLevel.Provincial,
        Fields = ["401"],
        Status = TaskStatus.InProgress,
        SecurityClassification = SecurityClassification.None,
        ManagingAgency = agency,
        HostOrganization = new OrganizationRef { Name = "Trường Đại học Hùng Vương", Type = OrganizationType.University, Province = "Phú Thọ" },
        PrincipalInvestigator = new PersonRecord { Name = "Nguyễn Văn An", AcademicTitle = "TS.", Role = "Chủ nhiệm" },
        StartDate = new DateOnly(2026, 3, 1),
        EndDate = new DateOnly(2027, 12, 31),
        ApprovalDecision = new ApprovalDecisionRecord { Number = "12/QĐ-UBND", Date = new DateOnly(2026, 1, 15) },
        Summary = "Tóm tắt của " + title,
        Coverage = covered is { } day
            ? [new CoverageRecord { Url = "https://baophutho.vn/khoa-hoc", Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = day, Title = "Tin về " + title }]
            : null,
    };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
