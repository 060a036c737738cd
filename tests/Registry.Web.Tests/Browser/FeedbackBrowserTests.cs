using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Data.Abstractions;
using Registry.Data.Feedback;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Browser;

/// <summary>The feedback form in Chromium as a person uses it: the trap field unseen, sent after a human pause, shown once approved.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedbackBrowserTests(WebHostFixture host, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_sends_feedback_from_the_task_page_and_sees_it_with_the_reply_after_approval()
    {
        var task = host.Ids[WebCorpus.TeaCode];
        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync($"/tasks/{task}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gửi góp ý về nhiệm vụ này" }).ClickAsync();
        await page.WaitForURLAsync($"**/tasks/{task}/feedback");

        // The honeypot is neither visible nor in the accessibility tree; the consent text sits beside the optional fields.
        var trap = await page.Locator("#fb-website").BoundingBoxAsync();
        Assert.True(trap is null || trap.X + trap.Width <= 0, $"the trap field is on screen at {trap?.X},{trap?.Y}");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Để trống ô này" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#fb-consent-text")).ToContainTextAsync("Nghị định 13/2023/NĐ-CP");

        var message = $"Xin hướng dẫn chi tiết kỹ thuật giâm cành cho hợp tác xã {Guid.NewGuid():N}.";
        await page.GetByLabel("Nội dung góp ý").FillAsync(message);
        await page.GetByLabel("Họ tên", new() { Exact = true }).FillAsync("Hoàng Thị Thu");
        await page.GetByLabel("Thư điện tử, để nhận trả lời").FillAsync("thu.hoang@vi-du.vn");
        await page.GetByLabel(FeedbackConsent.AgreeVi).CheckAsync();
        await page.WaitForTimeoutAsync(3500); // a person takes longer than the minimum fill time
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await page.WaitForURLAsync("**/feedback/thanks?*");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cảm ơn bạn đã góp ý");
        var id = (await page.Locator("code").InnerTextAsync()).Trim();

        await page.GotoAsync($"/tasks/{task}");
        Assert.DoesNotContain(message, await page.ContentAsync());

        var store = host.Services.GetRequiredService<IFeedbackStore>();
        var curator = new Actor("curator-browser", ApiRole.Curator);
        Assert.True((await store.ReplyAsync(id, "Sở sẽ gửi tài liệu hướng dẫn cho hợp tác xã.", approve: true, null, curator)).Succeeded);

        await page.GotoAsync($"/tasks/{task}");
        var item = page.Locator($"li[id='{id}']");
        await Assertions.Expect(item).ToContainTextAsync(message);
        await Assertions.Expect(item).ToContainTextAsync("Sở sẽ gửi tài liệu hướng dẫn cho hợp tác xã.");
        var html = await page.ContentAsync();
        Assert.DoesNotContain("thu.hoang@vi-du.vn", html);
        Assert.DoesNotContain("Hoàng Thị Thu", html);
    }
}
