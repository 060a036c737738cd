using Microsoft.Playwright;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Browser;

/// <summary>
/// The technology-transfer inquiry in Chromium with JavaScript switched off: from the task page's link, through a
/// mistake shown beside its field, to the thank-you page. The honeypot is neither visible nor in the accessibility tree.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InquiryBrowserTests(WebHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_business_sends_an_inquiry_without_javascript()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            Locale = "vi-VN",
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/tasks/{host.Ids[WebCorpus.TeaCode]}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Liên hệ chuyển giao công nghệ" }).ClickAsync();
        await page.WaitForURLAsync("**/inquiry");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Yêu cầu chuyển giao công nghệ");
        await Assertions.Expect(page.Locator("input[name=website]")).ToBeHiddenAsync();
        var snapshot = await page.Locator("form.inquiry-form").AriaSnapshotAsync();
        Assert.DoesNotContain("Để trống ô này", snapshot);

        await page.GetByLabel("Doanh nghiệp / tổ chức").FillAsync("Công ty Cổ phần Chè Phú Bền");
        await page.GetByLabel("Họ tên người liên hệ").FillAsync("Nguyễn Thị Lan");
        await page.GetByLabel("E-mail").FillAsync("lan.nguyen@");
        await page.GetByLabel("Nhu cầu của doanh nghiệp").FillAsync("Chúng tôi muốn nhân giống 50.000 cây chè Shan tuyết mỗi năm bằng giâm cành.");
        await page.Locator("#f-consent").CheckAsync();
        await page.WaitForTimeoutAsync(3200); // the form's minimum fill time
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();

        await Assertions.Expect(page.Locator("#f-contactEmail-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Doanh nghiệp / tổ chức")).ToHaveValueAsync("Công ty Cổ phần Chè Phú Bền");
        await Assertions.Expect(page.Locator("#f-consent")).ToBeCheckedAsync();
        await page.GetByLabel("E-mail").FillAsync("lan.nguyen@chephuben.vn");
        await page.WaitForTimeoutAsync(3200);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đã nhận yêu cầu");
        await Assertions.Expect(page.Locator("code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^q[0-9a-z]{12}$"));
        await BrowserFixture.ScreenshotAsync(page, "inquiry-thanks");
        await context.CloseAsync();
    }
}
