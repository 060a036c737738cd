using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Data.Abstractions;
using Registry.Data.Collections;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Browser;

/// <summary>A collection page in Chromium: its tasks in the curators' order, links to feeds and embed, no draft.</summary>
[Collection(WebCollection.Name)]
public sealed class CollectionBrowserTests(WebHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_collection_page_shows_its_published_tasks_in_order_with_its_feeds()
    {
        var store = host.Services.GetRequiredService<ICollectionStore>();
        var created = await store.CreateAsync(new CollectionInput
        {
            Title = "Ngày Khoa học và Công nghệ Việt Nam 18/5/2027",
            TitleEn = "Vietnam Science and Technology Day, 18 May 2027",
            Description = "Những nhiệm vụ khoa học và công nghệ tiêu biểu của tỉnh Phú Thọ, từ chuyển đổi số đến giống cây trồng đặc sản.\nDữ liệu mở: tự do tái sử dụng, ghi rõ nguồn.",
            Date = new DateOnly(2027, 5, 18),
            Items =
            [
                new() { Task = WebCorpus.TeaCode, Note = "Giống chè đặc sản của vùng cao Tân Sơn." },
                new() { Task = WebCorpus.DigitalCode, Note = "Chuyển đổi số ngành tài nguyên." },
                new() { Task = WebCorpus.DraftCode },
                new() { Task = WebCorpus.RiceCode },
            ],
        }, Actor.Seeder);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors?.Select(e => e.Message) ?? []));
        var id = created.Collection!.Id;

        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync($"/collections/{id}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ngày Khoa học và Công nghệ Việt Nam 18/5/2027");
        var titles = (await page.Locator("ol.results > li h3").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(3, titles.Count);
        Assert.StartsWith(WebCorpus.TeaTitle, titles[0]);
        Assert.StartsWith(WebCorpus.DigitalTitle, titles[1]);
        Assert.DoesNotContain("Nhiệm vụ còn ở dạng nháp", await page.ContentAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Atom" })).ToHaveAttributeAsync("href", $"/feeds/collections/{id}.atom");
        Assert.Equal(1280, page.ViewportSize!.Width);

        await BrowserFixture.DocsScreenshotAsync(page, "collection-page");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Bộ sưu tập" }).ClickAsync();
        await page.WaitForURLAsync("**/collections");
        await Assertions.Expect(page.Locator($"a[href='/collections/{id}']")).ToHaveCountAsync(1);
    }
}
