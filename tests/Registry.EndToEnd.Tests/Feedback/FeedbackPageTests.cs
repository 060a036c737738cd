using System.Text.RegularExpressions;
using Registry.Data.Feedback;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feedback;

/// <summary>The feedback forms as a browser without JavaScript uses them: GET the form, POST it, follow the redirect.</summary>
public sealed partial class FeedbackPageTests(FeedbackApiFactory factory) : IClassFixture<FeedbackApiFactory>
{
    private HttpClient Browser() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string TokenIn(string html) => FormToken().Match(html).Groups[1].Value;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [Fact]
    public async Task The_task_form_carries_a_fresh_token_a_hidden_honeypot_and_the_consent_text_and_is_never_stored()
    {
        var task = await factory.PublishedTaskAsync();
        var browser = Browser();
        var first = await browser.GetAsync($"/tasks/{task}/feedback");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString());
        var html = await first.Content.ReadAsStringAsync();
        var second = await browser.GetStringAsync($"/tasks/{task}/feedback");
        Assert.NotEqual(TokenIn(html), TokenIn(second));
        Assert.Matches("""<div class="hp" aria-hidden="true">.*?name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>""",
            html.Replace("\n", ""));
        Assert.Contains(FeedbackConsent.TextVi(30), html);
        Assert.Contains(FeedbackConsent.Version, html);
        Assert.Contains(FeedbackConsent.TextEn(30), await browser.GetStringAsync($"/tasks/{task}/feedback?lang=en"));

        // The task page links to the form and the feed.
        var page = await browser.GetStringAsync($"/tasks/{task}");
        Assert.Contains($"href=\"/tasks/{task}/feedback\"", page);
        Assert.Contains($"href=\"/feeds/tasks/{task}/feedback.atom\"", page);
    }

    [Fact]
    public async Task Sending_the_form_redirects_to_the_thank_you_page_with_the_id_and_the_curator_sees_the_feedback()
    {
        var task = await factory.PublishedTaskAsync();
        var browser = Browser();
        var token = TokenIn(await browser.GetStringAsync($"/tasks/{task}/feedback"));
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var email = $"lan.{Guid.NewGuid():N}@vi-du.vn";
        var sent = await browser.PostAsync($"/tasks/{task}/feedback?lang=vi", Form(
            ("formToken", token), ("website", ""), ("message", "Góp ý gửi qua biểu mẫu trên trang, không cần JavaScript."),
            ("name", "Đỗ Thị Lan"), ("email", email), ("consent", "yes")));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var location = sent.Headers.Location!.ToString();
        Assert.StartsWith("/feedback/thanks?id=f", location);
        var id = Regex.Match(location, "id=(f[0-9a-z]{12})").Groups[1].Value;

        var thanks = await browser.GetStringAsync(location);
        Assert.Contains(id, thanks);
        Assert.Contains("chờ biên tập viên xem xét", thanks);
        Assert.DoesNotContain(email, thanks);

        var record = await (await (await factory.CuratorAsync()).GetAsync($"/api/v1/feedback/{id}")).ReadJsonAsync();
        Assert.Equal(email, record.GetProperty("email").GetString());
        Assert.Equal(FeedbackConsent.Version, record.GetProperty("consentVersion").GetString());
        Assert.Equal(task, record.GetProperty("task").GetString());
    }

    [Fact]
    public async Task Errors_come_back_in_the_form_in_the_page_language_with_what_was_typed()
    {
        var task = await factory.PublishedTaskAsync();
        var browser = Browser();
        var token = TokenIn(await browser.GetStringAsync($"/tasks/{task}/feedback"));
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var missingConsent = await browser.PostAsync($"/tasks/{task}/feedback?lang=vi", Form(
            ("formToken", token), ("message", "Một góp ý có tên nhưng quên đánh dấu đồng ý."), ("name", "Vũ <Văn> Bình")));
        Assert.Equal(HttpStatusCode.BadRequest, missingConsent.StatusCode);
        var html = await missingConsent.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Hãy đánh dấu đồng ý", html);
        Assert.Contains("value=\"Vũ &lt;Văn&gt; Bình\"", html);
        Assert.Contains("Một góp ý có tên nhưng quên đánh dấu đồng ý.", html);
        Assert.NotEqual(token, TokenIn(html));

        // The refused body did not spend the token: the same one goes through once fixed (English page this time).
        var honeypot = await browser.PostAsync($"/tasks/{task}/feedback?lang=en", Form(
            ("formToken", token), ("message", "Spam with the trap field filled in."), ("website", "http://spam.example")));
        Assert.Equal(HttpStatusCode.BadRequest, honeypot.StatusCode);
        var trapped = await honeypot.Content.ReadAsStringAsync();
        Assert.Contains("must stay empty", trapped);
        Assert.DoesNotContain("phải để trống", trapped);

        var tooFast = await browser.PostAsync("/feedback?lang=vi", Form(
            ("formToken", TokenIn(await browser.GetStringAsync("/feedback?lang=vi"))), ("message", "Gửi ngay khi vừa mở trang.")));
        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        Assert.Contains("quá nhanh", await tooFast.Content.ReadAsStringAsync());

        var notForm = await browser.PostAsync("/feedback", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notForm.StatusCode);
    }

    [Fact]
    public async Task Forms_of_unknown_draft_and_withdrawn_tasks_are_404_and_410()
    {
        var draft = await factory.PublishedTaskAsync(Registry.Data.Records.Visibility.Draft);
        var withdrawn = await factory.PublishedTaskAsync(Registry.Data.Records.Visibility.Withdrawn);
        var browser = Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/tasks/{draft}/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/tasks/t0000000000zz/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync($"/tasks/{withdrawn}/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await browser.PostAsync($"/tasks/{withdrawn}/feedback", Form(("message", "Góp ý về nhiệm vụ đã rút.")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/feedback/thanks?id=<script>")).StatusCode);
    }

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
