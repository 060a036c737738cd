using Microsoft.Playwright;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Browser;

/// <summary>
/// The registry embedded in someone else's site, as that site's readers see it: a partner page (served by the browser
/// itself at another origin) loads <c>/embed.js</c> and iframes from the registry. Errors must read as small cards in
/// Vietnamese and English, never as a JSON body.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EmbedBrowserTests(WebHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task The_script_renders_a_list_and_a_wrong_filter_as_a_card_naming_what_to_fix()
    {
        var page = await PartnerAsync($"""
            <h1>Tin khoa học</h1>
            <div id="good" data-registry-tasks="field=401"></div>
            <div id="bad" data-registry-tasks="field=abc&level=galactic"></div>
            <script src="{host.BaseUrl}/embed.js"></script>
            """);
        var good = page.Locator("#good li a");
        await Assertions.Expect(good.First).ToBeVisibleAsync();
        Assert.Contains(await good.AllInnerTextsAsync(), t => t.Contains("chè Shan tuyết"));

        var bad = page.Locator("#bad .notice");
        await Assertions.Expect(bad).ToContainTextAsync("Không hiển thị được danh sách nhiệm vụ (the task list cannot be shown)");
        var text = await bad.InnerTextAsync();
        Assert.Contains("field:", text);
        Assert.Contains("level:", text);
        Assert.Contains("galactic", text);
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain("\"type\"", text);
        await BrowserFixture.ScreenshotAsync(page, "embed-script-on-a-partner-page");
    }

    [Fact]
    public async Task Iframes_of_a_withdrawn_task_an_unknown_id_and_a_bad_search_show_cards_not_json()
    {
        var withdrawn = host.Ids[WebCorpus.WithdrawnCode];
        var page = await PartnerAsync($"""
            <iframe id="gone" src="{host.BaseUrl}/embed/tasks/{withdrawn}" width="600" height="200"></iframe>
            <iframe id="missing" src="{host.BaseUrl}/embed/tasks/t_doesnotexist" width="600" height="200"></iframe>
            <iframe id="search" src="{host.BaseUrl}/embed/tasks?yearFrom=soon" width="600" height="200"></iframe>
            """);

        var gone = page.FrameLocator("#gone").Locator(".notice");
        await Assertions.Expect(gone).ToContainTextAsync("Nhiệm vụ đã được rút khỏi cơ sở dữ liệu (task withdrawn)");
        await Assertions.Expect(gone).ToContainTextAsync(WebCorpus.WithdrawnCode);
        // The curator's reason is shown as text: its markup is not interpreted.
        await Assertions.Expect(gone).ToContainTextAsync(WebCorpus.WithdrawalReason);
        Assert.Equal(0, await page.FrameLocator("#gone").Locator(".notice b").CountAsync());

        await Assertions.Expect(page.FrameLocator("#missing").Locator(".notice")).ToContainTextAsync("Không tìm thấy nhiệm vụ (task not found)");
        var search = page.FrameLocator("#search").Locator(".notice");
        await Assertions.Expect(search).ToContainTextAsync("Không hiển thị được danh sách (the list cannot be shown)");
        await Assertions.Expect(search).ToContainTextAsync("yearFrom:");
        foreach (var frame in new[] { "#gone", "#missing", "#search" })
            Assert.DoesNotContain("\"status\"", await page.FrameLocator(frame).Locator("body").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "embed-error-cards");
    }

    /// <summary>
    /// A page of another site (another origin: <c>localhost</c> instead of <c>127.0.0.1</c>), served by the browser
    /// itself: nothing leaves the machine. Both are loopback, so Chromium's local-network-access rules allow the calls
    /// a public partner site would make to a public registry.
    /// </summary>
    private async Task<IPage> PartnerAsync(string body)
    {
        var registry = new Uri(host.BaseUrl);
        var partnerPage = $"http://localhost:{registry.Port}/partner-site/news/khcn";
        Assert.NotEqual("localhost", registry.Host);
        var page = await browser.NewPageAsync(host.BaseUrl);
        // Chromium asks before a site outside loopback calls loopback; a partner site calling the public registry
        // in production has no such question, so the test answers it.
        await page.Context.GrantPermissionsAsync(["local-network-access"]);
        await page.RouteAsync(partnerPage, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo đối tác</title></head><body>{body}</body></html>",
        }));
        await page.GotoAsync(partnerPage);
        return page;
    }
}
