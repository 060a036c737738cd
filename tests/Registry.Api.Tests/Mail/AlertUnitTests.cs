using Registry.Api.Alerts;
using Registry.Api.Web.Localization;
using Registry.Data.Alerts;
using Registry.Data.Records;

namespace Registry.Api.Tests.Mail;

public sealed class AlertTemplateTests
{
    private static readonly AlertLinks Links = new("https://registry.phutho.gov.vn");

    private static AlertSubscriptionView Subscription(string language, AlertFrequency frequency = AlertFrequency.Immediate) =>
        new("s0123456789ab", "nha.bao@example.vn", "q=ch%C3%A8&level=provincial", frequency, language, AlertStatus.Active, "salt", 10,
            DateTimeOffset.UnixEpoch, null);

    private static TaskRecord Task(string id, string title, string? titleEn = null) => new()
    {
        Id = id,
        Title = title,
        TitleEn = titleEn,
        StartDate = new DateOnly(2024, 3, 1),
        HostOrganization = new OrganizationRef { Name = "Viện <Nghiên cứu> & \"Chè\"" },
    };

    private const string Hostile = "Chè <script>alert(1)</script> & <img src=x onerror=alert(2)>\r\n* [Mới công bố] Giả mạo";

    [Fact]
    public void A_vietnamese_alert_lists_title_host_year_and_links_with_hostile_text_encoded_in_html_and_kept_on_one_line_in_text()
    {
        var mail = AlertMails.Alert(Subscription("vi"), "chè · cấp tỉnh", [new AlertItem(Task("t0000000000aa", Hostile), true)], 0, Links, "s0123456789ab.sig");

        Assert.Equal("1 nhiệm vụ mới cho tìm kiếm “chè · cấp tỉnh”", mail.Subject);
        Assert.Contains("https://registry.phutho.gov.vn/tasks/t0000000000aa", mail.TextBody);
        Assert.Contains("https://registry.phutho.gov.vn/tasks?q=ch%C3%A8&level=provincial", mail.TextBody);
        Assert.Contains("Năm bắt đầu: 2024", mail.TextBody);
        Assert.Contains("Huỷ đăng ký bằng một cú bấm: https://registry.phutho.gov.vn/alerts/unsubscribe?token=s0123456789ab.sig", mail.TextBody);
        // The title's line break cannot fake a second item in the text body.
        Assert.Single(mail.TextBody.Split('\n'), l => l.StartsWith("* ["));
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("<img src=x", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img", mail.HtmlBody);
        Assert.Contains("Viện &lt;Nghiên cứu&gt; &amp; &quot;Chè&quot;", mail.HtmlBody);
        Assert.Equal("https://registry.phutho.gov.vn/alerts/unsubscribe?token=s0123456789ab.sig", mail.UnsubscribeUrl);
        Assert.Equal("nha.bao@example.vn", mail.To);
        Assert.Contains("lang=\"vi\"", mail.HtmlBody);
    }

    [Fact]
    public void An_english_alert_uses_the_english_title_when_there_is_one_and_counts_what_is_left_out()
    {
        var items = new[] { new AlertItem(Task("t1", "Chè xanh", "Green tea"), true), new AlertItem(Task("t2", "Lúa lai"), false) };
        var mail = AlertMails.Alert(Subscription("en", AlertFrequency.Weekly), "tea", items, 3, Links, "tok");

        Assert.Equal("5 new tasks for your search “tea”", mail.Subject);
        Assert.Contains("[New] Green tea", mail.TextBody);
        Assert.Contains("[Updated] Lúa lai", mail.TextBody);
        Assert.Contains("… and 3 more tasks.", mail.TextBody);
        Assert.Contains("(weekly)", mail.TextBody);
        Assert.Contains("lang=\"en\"", mail.HtmlBody);
    }

    [Fact]
    public void A_confirmation_mail_carries_the_link_and_says_what_happens_if_ignored_in_the_chosen_language()
    {
        var vi = AlertMails.Confirmation("a@example.vn", "s0123456789ab", "chè <b>", WebLanguage.Vi, Links, "tok_en", 7);
        var en = AlertMails.Confirmation("a@example.vn", "s0123456789ab", "tea", WebLanguage.En, Links, "tok_en", 7);

        Assert.Equal("Xác nhận nhận thông báo nhiệm vụ KH&CN", vi.Subject);
        Assert.Contains("https://registry.phutho.gov.vn/alerts/confirm?token=tok_en", vi.TextBody);
        Assert.Contains("bị xoá sau 7 ngày", vi.TextBody);
        Assert.Contains("chè &lt;b&gt;", vi.HtmlBody);
        Assert.Null(vi.UnsubscribeUrl);
        Assert.Equal("Confirm your S&T task alert", en.Subject);
        Assert.Contains("erased after 7 days", en.TextBody);
    }
}

public sealed class AlertScheduleTests
{
    private static AlertSubscriptionView Sub(AlertFrequency frequency, DateTimeOffset? lastRun) =>
        new("s0123456789ab", "a@example.vn", "", frequency, "vi", AlertStatus.Active, "salt", 0, DateTimeOffset.UnixEpoch, lastRun);

    private static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Immediate_is_always_due() => Assert.True(AlertSchedule.IsDue(Sub(AlertFrequency.Immediate, Vn(2026, 12, 7, 10)), Vn(2026, 12, 7, 10, 1), 7));

    [Fact]
    public void Daily_is_due_once_after_the_digest_hour_in_vietnam()
    {
        var confirmedAt = Vn(2026, 12, 7, 6, 30);
        Assert.False(AlertSchedule.IsDue(Sub(AlertFrequency.Daily, confirmedAt), Vn(2026, 12, 7, 6, 59), 7));
        Assert.True(AlertSchedule.IsDue(Sub(AlertFrequency.Daily, confirmedAt), Vn(2026, 12, 7, 7, 0), 7));
        Assert.False(AlertSchedule.IsDue(Sub(AlertFrequency.Daily, Vn(2026, 12, 7, 7, 1)), Vn(2026, 12, 8, 6, 0), 7));
        Assert.True(AlertSchedule.IsDue(Sub(AlertFrequency.Daily, Vn(2026, 12, 7, 7, 1)), Vn(2026, 12, 8, 7, 0), 7));
        // 07:00 in Vietnam is 00:00 UTC: the slot follows Vietnam's date, not UTC's.
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), AlertSchedule.LatestSlot(AlertFrequency.Daily, new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero), 7));
    }

    [Fact]
    public void Weekly_is_due_on_monday_at_the_digest_hour()
    {
        // 7 December 2026 is a Monday.
        Assert.Equal(Vn(2026, 12, 7, 7), AlertSchedule.LatestSlot(AlertFrequency.Weekly, Vn(2026, 12, 13, 23), 7));
        Assert.Equal(Vn(2026, 11, 30, 7), AlertSchedule.LatestSlot(AlertFrequency.Weekly, Vn(2026, 12, 7, 6, 59), 7));
        Assert.False(AlertSchedule.IsDue(Sub(AlertFrequency.Weekly, Vn(2026, 12, 7, 8)), Vn(2026, 12, 13, 23), 7));
        Assert.True(AlertSchedule.IsDue(Sub(AlertFrequency.Weekly, Vn(2026, 12, 7, 8)), Vn(2026, 12, 14, 7), 7));
    }
}

public sealed class AlertSearchTests
{
    private static string? Read(params (string, string?)[] pairs) => AlertSearch.Read(pairs.Select(p => KeyValuePair.Create(p.Item1, p.Item2)), out _);

    [Fact]
    public void A_search_is_kept_as_a_canonical_query_string() =>
        Assert.Equal("q=ch%C3%A8&level=provincial&field=401", Read(("q", " chè "), ("level", "provincial"), ("field", "401"), ("yearTo", "")));

    [Theory]
    [InlineData("level", "galactic")]
    [InlineData("colour", "red")]
    [InlineData("sort", "-newest")]
    [InlineData("pageSize", "10")]
    [InlineData("field", "9999")]
    public void What_the_rest_search_refuses_or_an_alert_cannot_use_is_refused_by_name(string name, string value)
    {
        Assert.Null(AlertSearch.Read([KeyValuePair.Create(name, (string?)value)], out var errors));
        Assert.Contains(name, errors.Keys);
    }

    [Fact]
    public void A_search_too_long_to_store_is_refused() =>
        Assert.Null(AlertSearch.Read([KeyValuePair.Create("q", (string?)new string('a', 2100))], out _));
}
