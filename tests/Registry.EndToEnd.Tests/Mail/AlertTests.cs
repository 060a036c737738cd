using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Registry.Data.Alerts;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Mail;

/// <summary>
/// E-mail alerts end to end, with an SMTP server on 127.0.0.1: double opt-in, an immediate alert for a matching
/// task and none for others, one-click unsubscribe (RFC 8058), the page flow without JavaScript, and the abuse limits.
/// </summary>
public sealed class AlertTests(MailHostFactory factory) : IClassFixture<MailHostFactory>
{
    [Fact]
    public async Task Subscribe_confirm_alert_for_a_matching_task_nothing_for_others_then_one_click_unsubscribe()
    {
        var marker = AlertFlow.Marker();
        var email = AlertFlow.Email("journalist");
        var client = factory.Anonymous();

        var subscribed = await AlertFlow.SubscribeAsync(client, email, marker, new { level = "provincial" });
        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        var confirmation = await AlertFlow.ConfirmationAsync(factory, email);
        Assert.Equal("Xác nhận nhận thông báo nhiệm vụ KH&CN", confirmation.Message.Subject);
        Assert.Contains(marker, confirmation.Text);
        var token = AlertFlow.ConfirmToken(confirmation);

        // Opening the link (as a mail scanner does) shows a button and confirms nothing.
        var page = await client.GetAsync("/alerts/confirm?token=" + Uri.EscapeDataString(token));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("""<form action="/alerts/confirm" method="post">""", await page.Content.ReadAsStringAsync());
        Assert.Equal(AlertStatus.PendingConfirmation, (await AlertFlow.SubscriptionAsync(factory, s => s.Email == email)).Status);

        // Nothing published before confirming is announced.
        await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} công bố trước khi xác nhận");
        await factory.WaitForOutboxDrainedAsync();
        await AlertFlow.ConfirmAsync(client, token);
        Assert.Equal(AlertStatus.Active, (await AlertFlow.SubscriptionAsync(factory, s => s.Email == email)).Status);

        var (firstId, firstTitle) = await AlertFlow.PublishAsync(factory, $"Giống chè {marker} <img src=x onerror=alert(1)> & “ngọt”");
        var alert = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains(firstId));
        Assert.StartsWith("1 nhiệm vụ mới cho tìm kiếm", alert.Message.Subject);
        Assert.Contains(firstTitle, alert.Text);
        Assert.DoesNotContain("trước khi xác nhận", alert.Text);
        Assert.Contains($"http://localhost/tasks/{firstId}", alert.Text);
        Assert.Contains("Trường Đại học Hùng Vương", alert.Text);
        Assert.Contains("2024", alert.Text);
        Assert.Contains($"http://localhost/tasks?q={marker}&level=provincial", alert.Text);
        Assert.DoesNotContain("<img src=x", alert.Html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; “ngọt”", alert.Html);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Message.Headers["List-Unsubscribe-Post"]);
        var listUnsubscribe = alert.Message.Headers["List-Unsubscribe"] ?? "";
        var unsubscribe = Regex.Match(listUnsubscribe, "^<(http://localhost/alerts/unsubscribe\\?token=[^>]+)>$");
        Assert.True(unsubscribe.Success, listUnsubscribe);
        Assert.Contains(unsubscribe.Groups[1].Value, alert.Text);

        // Tasks outside the search (another level, other words) send nothing; the next match comes alone.
        var (_, otherLevel) = await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} cấp quốc gia", TaskLevel.National);
        var (_, otherWords) = await AlertFlow.PublishAsync(factory, "Nhiệm vụ về lúa lai không liên quan");
        await AlertFlow.SettleAsync(factory);
        Assert.Equal(2, factory.Smtp.To(email).Count);
        var (secondId, _) = await AlertFlow.PublishAsync(factory, $"Quy trình {marker} thứ hai");
        var second = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains(secondId));
        Assert.DoesNotContain(otherLevel, second.Text);
        Assert.DoesNotContain(otherWords, second.Text);
        Assert.DoesNotContain(firstId, second.Text);

        // RFC 8058 one-click: a POST of List-Unsubscribe=One-Click to the header's address.
        var oneClick = await client.PostAsync(new Uri(unsubscribe.Groups[1].Value).PathAndQuery,
            new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var left = await AlertFlow.SubscriptionAsync(factory, s => s.PublicId == listUnsubscribe.Split("token=")[1].Split('.')[0]);
        Assert.Equal(AlertStatus.Unsubscribed, left.Status);
        Assert.Equal("", left.Email);

        var before = factory.Smtp.To(email).Count;
        await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} sau khi huỷ");
        await AlertFlow.SettleAsync(factory);
        Assert.Equal(before, factory.Smtp.To(email).Count);

        // The link is spent: the page says so instead of offering the button again.
        var again = await client.GetAsync(new Uri(unsubscribe.Groups[1].Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_results_page_links_to_a_form_that_works_without_javascript_and_english_mails_when_chosen()
    {
        var marker = AlertFlow.Marker();
        var email = AlertFlow.Email("reporter");
        var client = factory.Anonymous();

        var results = await client.GetStringAsync($"/tasks?q={marker}&level=provincial");
        Assert.Contains($"href=\"/alerts/new?q={marker}&amp;level=provincial\"", results);
        Assert.Contains("Nhận thông báo qua e-mail cho tìm kiếm này", results);

        var form = await client.GetAsync($"/alerts/new?q={marker}&level=provincial");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("no-store", form.Headers.CacheControl?.ToString());
        var html = await form.Content.ReadAsStringAsync();
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.Equal($"q={marker}&level=provincial", Hidden("search"));
        Assert.NotEmpty(Hidden("formToken"));

        var posted = await client.PostAsync("/alerts/new", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("search", Hidden("search")), KeyValuePair.Create("formToken", Hidden("formToken")),
            KeyValuePair.Create("email", email), KeyValuePair.Create("frequency", "immediate"), KeyValuePair.Create("language", "en"),
            KeyValuePair.Create("website", ""),
        ]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Hãy kiểm tra hộp thư", await posted.Content.ReadAsStringAsync());

        var confirmation = await AlertFlow.ConfirmationAsync(factory, email);
        Assert.Equal("Confirm your S&T task alert", confirmation.Message.Subject);
        await AlertFlow.ConfirmAsync(client, AlertFlow.ConfirmToken(confirmation));

        var (id, _) = await AlertFlow.PublishAsync(factory, $"Nhân giống chè {marker}", titleEn: $"Tea propagation {marker}");
        var alert = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains(id));
        Assert.StartsWith("1 new tasks for your search", alert.Message.Subject);
        Assert.Contains($"Tea propagation {marker}", alert.Text);
        Assert.Contains("Unsubscribe with one click", alert.Text);
    }

    [Fact]
    public async Task A_form_posted_again_with_the_same_token_or_a_filled_honeypot_is_refused_on_the_page()
    {
        var client = factory.Anonymous();
        var token = await AlertFlow.FormTokenAsync(client);
        FormUrlEncodedContent Body(string website) => new(
        [
            KeyValuePair.Create("search", "q=chè"), KeyValuePair.Create("formToken", token),
            KeyValuePair.Create("email", AlertFlow.Email("bot")), KeyValuePair.Create("website", website),
        ]);

        var bot = await client.PostAsync("/alerts/new", Body("http://spam.example"));
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Contains("website", await bot.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/alerts/new", Body(""))).StatusCode);
        var replay = await client.PostAsync("/alerts/new", Body(""));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("đã được dùng", await replay.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"level":"galactic"}""", "level")]
    [InlineData("""{"colour":"red"}""", "colour")]
    [InlineData("""{"yearFrom":"20x0"}""", "yearFrom")]
    [InlineData("""{"q":"chè"}""", "filters.q")]
    public async Task A_search_the_REST_search_refuses_is_refused_with_the_same_parameter_named(string filters, string parameter)
    {
        var client = factory.Anonymous();
        var body = $$"""{"email":"{{AlertFlow.Email("x")}}","q":"chè","filters":{{filters}},"formToken":"{{await AlertFlow.FormTokenAsync(client)}}"}""";
        var response = await client.PostAsync("/api/v1/alerts", new StringContent(body, new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not-an-address", "immediate", "vi", "email")]
    [InlineData("a@b.vn, c@d.vn", "immediate", "vi", "email")]
    [InlineData("victim@example.vn\r\nBcc: x@example.vn", "immediate", "vi", "email")]
    [InlineData("ok@example.vn", "hourly", "vi", "frequency")]
    [InlineData("ok@example.vn", "daily", "fr", "language")]
    public async Task Bad_subscriber_input_is_a_400_naming_the_field(string email, string frequency, string language, string field)
    {
        var response = await AlertFlow.SubscribeAsync(factory.Anonymous(), email, "chè", null, frequency, language);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hostile_bodies_are_refused_with_a_4xx_and_nothing_is_queued()
    {
        var client = factory.Anonymous();
        var email = AlertFlow.Email("hostile");
        var token = await AlertFlow.FormTokenAsync(client);
        string[] bodies =
        [
            $$"""{"email":"{{email}}","email":"other@example.vn","q":"chè","formToken":"{{token}}"}""",
            $$"""{"email":"{{email}}","Email":"other@example.vn","q":"chè","formToken":"{{token}}"}""",
            $$$"""{"email":"{{{email}}}","q":"chè","formToken":"{{{token}}}","extra":{"a":[[[[[[[[[[1]]]]]]]]]]}}""",
            $$"""{"email":"{{email}}","q":"ch\u0000è","formToken":"{{token}}"}""",
            $$"""{"email":"{{email}}","q":"chè","filters":{"level":"provincial\u200B"},"formToken":"{{token}}"}""",
            $$"""{"email":"{{email}}","q":"{{new string('a', 5 * 1024 * 1024)}}","formToken":"{{token}}"}""",
            """{"email":""",
            "[]",
        ];
        foreach (var body in bodies)
        {
            var response = await client.PostAsync("/api/v1/alerts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} for {body[..Math.Min(body.Length, 80)]}: {text[..Math.Min(text.Length, 300)]}");
            Assert.DoesNotContain("   at ", text);
        }
        var form = await client.PostAsync("/api/v1/alerts", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["formToken"] = token }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        // None of these queued a confirmation: the same token still subscribes the address once.
        var ok = await client.PostAsJsonAsync("/api/v1/alerts", new { email, q = "chè", formToken = token });
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email));
        await Task.Delay(300);
        Assert.Single(factory.Smtp.To(email));
    }

    [Fact]
    public async Task Missing_token_and_filled_honeypot_are_refused_by_the_api()
    {
        var client = factory.Anonymous();
        var noToken = await client.PostAsJsonAsync("/api/v1/alerts", new { email = AlertFlow.Email("t"), q = "chè" });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("formToken", await noToken.Content.ReadAsStringAsync());
        var honeypot = await AlertFlow.SubscribeAsync(client, AlertFlow.Email("t"), "chè", null, website: "x");
        Assert.Equal(HttpStatusCode.BadRequest, honeypot.StatusCode);
    }

    [Fact]
    public async Task A_stranger_cannot_mail_bomb_an_address_more_than_three_confirmations_a_day()
    {
        var victim = AlertFlow.Email("victim");
        var client = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await AlertFlow.SubscribeAsync(client, victim, "chè " + i, null)).StatusCode);
        }
        var fourth = await AlertFlow.SubscribeAsync(client, victim, "chè 4", null);
        Assert.Equal((HttpStatusCode)429, fourth.StatusCode);
        Assert.Contains("24", await fourth.Content.ReadAsStringAsync());
        for (var i = 0; i < 200 && factory.Smtp.To(victim).Count < 3; i++) await Task.Delay(50);
        await Task.Delay(500);
        Assert.Equal(3, factory.Smtp.To(victim).Count);
    }

    [Theory]
    [InlineData("/alerts/confirm?token=")]
    [InlineData("/alerts/confirm?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/alerts/unsubscribe?token=s0000000000ab.forged")]
    [InlineData("/alerts/unsubscribe?token=%3Cscript%3E")]
    public async Task Unknown_or_forged_links_show_a_404_page_and_change_nothing(string path)
    {
        var client = factory.Anonymous();
        var get = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("Liên kết không còn hiệu lực", await get.Content.ReadAsStringAsync());
        var post = path.StartsWith("/alerts/unsubscribe")
            ? await client.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]))
            : await client.PostAsync("/alerts/confirm", new FormUrlEncodedContent([KeyValuePair.Create("token", path.Split("token=")[1])]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
