using System.Text.RegularExpressions;
using Registry.Data.Mail;

namespace Registry.EndToEnd.Tests.Inquiries;

/// <summary>
/// The inquiry form as a browser without JavaScript uses it: plain GET and form POSTs, a fresh token in every
/// render, never cached, the honeypot hidden, errors beside the fields with the typed values kept, a thank-you page.
/// </summary>
public sealed partial class InquiryPageTests(InquiryFactory factory) : IClassFixture<InquiryFactory>
{
    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static string Token(string html) => TokenField().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : throw new Xunit.Sdk.XunitException("No form token in the page");

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["formToken"] = token,
            ["website"] = "",
            ["organization"] = "Hợp tác xã Chè Long Cốc",
            ["contactName"] = "Hà Văn Tùng",
            ["contactEmail"] = "htx.longcoc@gmail.com",
            ["phone"] = "0210 3 876 543",
            ["output"] = "1",
            ["need"] = "Hợp tác xã cần quy trình giâm hom để mở rộng thêm 5 ha chè Shan tuyết.",
            ["consent"] = "yes",
        };
        foreach (var (key, value) in overrides)
        {
            if (value is null) fields.Remove(key);
            else fields[key] = value;
        }
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task The_task_page_links_to_the_form_only_for_a_task_with_a_transferable_output()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var (plain, _, _) = await factory.CreateAsync(Registry.Api.Tests.Builders.TaskRecordBuilder.Valid() with { Visibility = Registry.Data.Records.Visibility.Published });
        var client = factory.Anonymous();

        Assert.Contains($"href=\"/tasks/{task}/inquiry\"", await client.GetStringAsync($"/tasks/{task}"));
        Assert.Contains("Liên hệ chuyển giao công nghệ", await client.GetStringAsync($"/tasks/{task}"));
        Assert.Contains("Ask about technology transfer", await client.GetStringAsync($"/tasks/{task}?lang=en"));
        Assert.DoesNotContain("/inquiry\"", await client.GetStringAsync($"/tasks/{plain}"));
        var refused = await client.GetAsync($"/tasks/{plain}/inquiry");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("transferable=true", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tasks/t0000000000zz/inquiry")).StatusCode);
    }

    [Fact]
    public async Task Each_render_carries_a_fresh_token_is_never_stored_and_hides_the_honeypot()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var client = factory.Anonymous();

        var first = await client.GetAsync($"/tasks/{task}/inquiry?output=1");
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);
        Assert.NotEqual(Token(html), Token(await client.GetStringAsync($"/tasks/{task}/inquiry")));
        Assert.Matches("<div class=\"hp\" aria-hidden=\"true\">.*name=\"website\"[^>]*tabindex=\"-1\"", html);
        Assert.Contains("<option value=\"1\" selected>Quy trình nhân giống chè Shan tuyết bằng giâm hom</option>", html);
        Assert.DoesNotContain("<option value=\"0\"", html); // the publication is not transferable
        Assert.Contains("Nghị định 13/2023/NĐ-CP", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("an.nguyen@example.vn", html);
        var cssLink = Regex.Match(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"");
        Assert.True(cssLink.Success, "no stylesheet link");
        var css = await client.GetStringAsync(System.Net.WebUtility.HtmlDecode(cssLink.Groups[1].Value));
        Assert.Contains(".hp{display:none}", css);
    }

    [Fact]
    public async Task A_form_post_with_mistakes_comes_back_with_the_errors_and_the_typed_values_then_succeeds()
    {
        var (task, code, _) = await factory.TransferableTaskAsync();
        var client = factory.Anonymous();
        var token = Token(await client.GetStringAsync($"/tasks/{task}/inquiry"));

        var wrong = await client.PostAsync($"/tasks/{task}/inquiry", Form(token, ("contactEmail", "htx.longcoc@"), ("consent", null!),
            ("organization", "Hợp tác xã <b>Chè</b> Long Cốc")));
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("no-store", wrong.Headers.CacheControl?.ToString());
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("id=\"f-contactEmail-error\"", page);
        Assert.Contains("id=\"f-consent-error\"", page);
        Assert.Contains("value=\"htx.longcoc@\"", page);
        Assert.Contains("Hợp tác xã &lt;b&gt;Chè&lt;/b&gt; Long Cốc", page);
        Assert.DoesNotContain("<b>Chè</b>", page);
        Assert.Contains("5 ha chè Shan tuyết.</textarea>", page);
        var fresh = Token(page);

        var done = await client.PostAsync($"/tasks/{task}/inquiry", Form(fresh));
        var thanks = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Đã nhận yêu cầu", thanks);
        Assert.Contains("Yêu cầu đã được chuyển đến tổ chức chủ trì", thanks);
        var id = Regex.Match(thanks, "<code>(q[0-9a-z]{12})</code>").Groups[1].Value;
        var relay = Assert.Single(await factory.MailsAsync(id), m => m.Purpose == MailPurposes.Inquiry);
        Assert.Equal("htx.longcoc@gmail.com", relay.ReplyTo);
        Assert.Contains(code, relay.Subject);
        Assert.Contains("5 ha chè Shan tuyết", relay.TextBody);

        var replay = await client.PostAsync($"/tasks/{task}/inquiry", Form(fresh));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bot_filling_the_honeypot_or_posting_without_a_form_gets_the_form_back_and_nothing_is_stored()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var client = factory.Anonymous();
        var token = Token(await client.GetStringAsync($"/tasks/{task}/inquiry"));

        var bot = await client.PostAsync($"/tasks/{task}/inquiry", Form(token, ("website", "http://cheap-pills.example")));
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Contains("website", await bot.Content.ReadAsStringAsync());
        var json = await client.PostAsync($"/tasks/{task}/inquiry", new StringContent("{\"need\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var crlf = await client.PostAsync($"/tasks/{task}/inquiry", Form(Token(await client.GetStringAsync($"/tasks/{task}/inquiry")), ("contactName", "Tùng\r\nBcc: x@y.vn")));
        Assert.Equal(HttpStatusCode.BadRequest, crlf.StatusCode);
        Assert.Contains("id=\"f-contactName-error\"", await crlf.Content.ReadAsStringAsync());

        var log = System.Text.Json.JsonDocument.Parse(await (await factory.CuratorAsync()).GetStringAsync($"/api/v1/inquiries?task={task}")).RootElement;
        Assert.Equal(0, log.GetProperty("meta").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_stats_page_shows_inquiry_counts_in_both_languages()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()))).StatusCode);
        var client = factory.Anonymous();
        var vi = await client.GetStringAsync("/stats");
        Assert.Contains("Yêu cầu chuyển giao công nghệ", vi);
        Assert.Contains("href=\"/api/v1/stats/inquiries\"", vi);
        Assert.DoesNotContain("Chè Thái Phú", vi);
        Assert.Contains("Technology-transfer inquiries", await client.GetStringAsync("/stats?lang=en"));
    }
}
