using Microsoft.Playwright;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Cards;

/// <summary>The card as a browser shows it: the page's og:image opens as a 1200×630 image (screenshot under screenshots/).</summary>
[Collection(CardCollection.Name)]
public sealed class CardBrowserTests(CardHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_og_image_of_a_task_page_opens_as_a_1200_by_630_image()
    {
        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync($"/tasks/{host.Ids[CardHostFixture.VowelsCode]}");
        var image = await page.Locator("meta[property='og:image']").GetAttributeAsync("content");
        Assert.NotNull(image);
        await page.SetViewportSizeAsync(1200, 630);
        var response = await page.GotoAsync(image!);
        Assert.Equal(200, response!.Status);
        Assert.Equal("image/png", await response.HeaderValueAsync("content-type"));
        var size = await page.EvaluateAsync<int[]>("() => { const i = document.images[0]; return [i.naturalWidth, i.naturalHeight, i.complete ? 1 : 0]; }");
        Assert.Equal([1200, 630, 1], size);
        await BrowserFixture.ScreenshotAsync(page, "share-card-every-vietnamese-tone");

        await page.GotoAsync($"/tasks/{host.Ids[CardHostFixture.TeaCode]}/card.png");
        await BrowserFixture.DocsScreenshotAsync(page, "share-card");

        await page.GotoAsync($"/tasks/{host.Ids[CardHostFixture.HostileCode]}/card.png");
        await BrowserFixture.ScreenshotAsync(page, "share-card-hostile-title");
    }
}
