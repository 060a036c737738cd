using Microsoft.Playwright;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Browser;

/// <summary>What a visitor does in a real browser: search, narrow, open, switch language, read the statistics.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(WebHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Quick = new() { Timeout = 10_000 };

    [Fact]
    public async Task Searching_without_diacritics_finds_the_task()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm nhiệm vụ").FillAsync("chuyen doi so dat dai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks?q=*");
        var first = page.Locator("ol.results > li h2 a").First;
        Assert.Equal(WebCorpus.DigitalTitle, (await first.InnerTextAsync()).Trim());
        Assert.True(await page.Locator("ol.results > li h2 mark").CountAsync() > 0, "The matched words are not highlighted.");
        await BrowserFixture.ScreenshotAsync(page, "search-without-diacritics");
    }

    [Fact]
    public async Task A_field_facet_narrows_the_results()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/tasks");
        var before = await page.Locator("ol.results > li").CountAsync();
        await page.Locator("aside.facets").GetByRole(AriaRole.Link, new() { NameRegex = new("Khoa học nông nghiệp") }).First.ClickAsync();
        await page.WaitForURLAsync("**/tasks?field=4*");
        var titles = await page.Locator("ol.results > li h2").AllInnerTextsAsync();
        Assert.Equal(2, titles.Count);
        Assert.True(before > titles.Count);
        Assert.Contains(titles, t => t.Contains("chè Shan tuyết"));
        Assert.Contains(titles, t => t.Contains("giống lúa"));
        await Assertions.Expect(page.Locator("ul.chips")).ToContainTextAsync("Lĩnh vực: Khoa học nông nghiệp");
        await BrowserFixture.ScreenshotAsync(page, "field-facet");
    }

    [Fact]
    public async Task Opening_a_task_shows_its_public_fields_and_no_contacts()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/tasks?q=che+shan+tuyet");
        await page.Locator("ol.results > li h2 a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(WebCorpus.TeaTitle);
        var facts = page.Locator("dl.facts");
        await Assertions.Expect(facts).ToContainTextAsync(WebCorpus.TeaCode);
        await Assertions.Expect(facts).ToContainTextAsync("850.000.000 ₫");
        await Assertions.Expect(page.Locator("#outputs-h + ul")).ToContainTextAsync("Chuyển giao được");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = WebCorpus.HostName })).ToHaveCountAsync(1, Quick);
        Assert.DoesNotContain("example.vn", await page.ContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "task");
    }

    [Fact]
    public async Task The_language_switch_turns_the_site_to_english_and_stays()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByLabel("Search tasks")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("All tasks");
        await BrowserFixture.ScreenshotAsync(page, "english");
    }

    [Fact]
    public async Task The_statistics_page_draws_labelled_charts()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/stats");
        var charts = page.Locator("figure.chart svg[role=img]");
        Assert.True(await charts.CountAsync() >= 5, "Expected charts by year, by field and for coverage.");
        var byField = page.Locator("#tasks-field svg");
        await Assertions.Expect(byField.Locator("title").First).ToHaveTextAsync("Số nhiệm vụ theo lĩnh vực");
        await Assertions.Expect(byField).ToContainTextAsync("Khoa học nông nghiệp");
        Assert.True(await byField.Locator("rect.bar").CountAsync() >= 4);
        var box = await byField.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 60 }, "The chart is not drawn at a readable size.");
        await BrowserFixture.ScreenshotAsync(page, "statistics");
    }

    private Task<IPage> NewPageAsync(string locale = "vi-VN") => browser.NewPageAsync(host.BaseUrl, locale);
}
