using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Registry.Api.Mail;
using Registry.Data.Mail;

namespace Registry.Api.Tests.Mail;

public sealed class MailOptionsValidationTests
{
    private static ValidateOptionsResult Validate(MailOptions options, string? baseUrl = "https://registry.phutho.gov.vn")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:PublicBaseUrl"] = baseUrl }).Build();
        return new MailOptionsValidator(configuration).Validate(null, options);
    }

    private static MailOptions Smtp(Action<SmtpSettings>? change = null)
    {
        var options = new MailOptions { Mode = MailMode.Smtp, Smtp = new SmtpSettings { Host = "smtp.phutho.gov.vn", Port = 587 } };
        change?.Invoke(options.Smtp);
        return options;
    }

    [Fact]
    public void The_embedded_default_writes_to_a_pickup_directory_and_is_valid_without_any_setting()
    {
        var options = new MailOptions();
        Assert.Equal(MailMode.PickupDirectory, options.Mode);
        Assert.True(Validate(options, baseUrl: null).Succeeded);
    }

    [Fact]
    public void A_complete_smtp_configuration_is_valid() => Assert.True(Validate(Smtp()).Succeeded);

    [Theory]
    [InlineData(null, "Registry:Mail:Smtp:Host")]
    [InlineData("", "Registry:Mail:Smtp:Host")]
    [InlineData("smtp server.vn", "Registry:Mail:Smtp:Host")]
    public void A_missing_or_malformed_host_is_named(string? host, string named)
    {
        var result = Validate(Smtp(s => s.Host = host));
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void A_port_out_of_range_is_named(int port) =>
        Assert.Contains("Registry:Mail:Smtp:Port", Validate(Smtp(s => s.Port = port)).FailureMessage);

    [Fact]
    public void A_password_without_a_user_is_named() =>
        Assert.Contains("Registry:Mail:Smtp:UserName and Registry:Mail:Smtp:Password", Validate(Smtp(s => s.Password = "x")).FailureMessage);

    [Theory]
    [InlineData("no-reply")]
    [InlineData("a@b.vn, c@d.vn")]
    [InlineData("Registry <no-reply@example.vn>")]
    public void A_from_address_that_is_not_one_address_is_named(string from) =>
        Assert.Contains("Registry:Mail:FromAddress", Validate(new MailOptions { FromAddress = from }).FailureMessage);

    [Theory]
    [InlineData(null)]
    [InlineData("registry.phutho.gov.vn")]
    [InlineData("ftp://registry.phutho.gov.vn")]
    public void Smtp_needs_an_absolute_public_base_url_for_links(string? baseUrl) =>
        Assert.Contains("Registry:PublicBaseUrl", Validate(Smtp(), baseUrl).FailureMessage);

    [Fact]
    public void Retry_and_retention_settings_out_of_range_are_named()
    {
        var result = Validate(new MailOptions { MaxAttempts = 0, RetryDelaySeconds = 100, MaxRetryDelaySeconds = 10, SentRetentionDays = 0, BatchSize = 0 });
        Assert.Contains("Registry:Mail:MaxAttempts", result.FailureMessage);
        Assert.Contains("Registry:Mail:MaxRetryDelaySeconds", result.FailureMessage);
        Assert.Contains("Registry:Mail:SentRetentionDays", result.FailureMessage);
        Assert.Contains("Registry:Mail:BatchSize", result.FailureMessage);
    }
}

public sealed class MailMessageBuilderTests
{
    private static readonly MailOptions Options = new() { FromAddress = "no-reply@registry.test", FromName = "Cơ sở dữ liệu KH&CN" };

    private static string Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Subject_and_names_with_line_breaks_cannot_add_headers()
    {
        var message = MailMessageBuilder.Build(new OutgoingMail
        {
            To = "to@example.vn",
            ToName = "Tên\r\nBcc: victim@example.vn",
            Subject = "Tiêu đề\r\nBcc: victim@example.vn\nX-Evil: yes",
            TextBody = "Nội dung",
            Purpose = MailPurposes.Alert,
        }, Options, "registry.test");

        var raw = Raw(message);
        Assert.DoesNotContain("\nBcc:", raw);
        Assert.DoesNotContain("\nX-Evil:", raw);
        Assert.Empty(message.Bcc);
        var reread = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("Tiêu đề  Bcc: victim@example.vn X-Evil: yes", reread.Subject);
        Assert.Single(reread.To.Mailboxes);
    }

    [Fact]
    public void An_address_that_is_not_one_valid_address_is_a_permanent_failure()
    {
        var mail = new OutgoingMail { To = "a@b.vn>\r\nRCPT TO:<c@d.vn", Subject = "x", TextBody = "x", Purpose = MailPurposes.Alert };
        Assert.Throws<PermanentMailException>(() => MailMessageBuilder.Build(mail, Options, "registry.test"));
    }

    [Fact]
    public void Alerts_carry_the_rfc_8058_headers_auto_submitted_and_a_message_id_and_both_bodies()
    {
        var message = MailMessageBuilder.Build(new OutgoingMail
        {
            To = "to@example.vn",
            Subject = "Thông báo",
            TextBody = "văn bản",
            HtmlBody = "<p>văn bản</p>",
            Purpose = MailPurposes.Alert,
            UnsubscribeUrl = "https://registry.phutho.gov.vn/alerts/unsubscribe?token=s1.abc",
        }, Options, "registry.test");

        Assert.Equal("<https://registry.phutho.gov.vn/alerts/unsubscribe?token=s1.abc>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.EndsWith("@registry.test", message.MessageId);
        Assert.Equal("văn bản", message.TextBody);
        Assert.Equal("<p>văn bản</p>", message.HtmlBody);
        Assert.Equal("Cơ sở dữ liệu KH&CN", Assert.Single(message.From.Mailboxes).Name);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:x@example.vn")]
    [InlineData("/relative")]
    public void An_unsubscribe_address_that_is_not_absolute_http_is_left_out(string url)
    {
        var message = MailMessageBuilder.Build(new OutgoingMail { To = "to@example.vn", Subject = "x", TextBody = "x", Purpose = MailPurposes.Alert, UnsubscribeUrl = url },
            Options, "registry.test");
        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Retry_delays_double_up_to_the_cap_and_are_spread_by_jitter()
    {
        var options = new MailOptions { RetryDelaySeconds = 30, MaxRetryDelaySeconds = 600 };
        Assert.Equal(TimeSpan.FromSeconds(30), MailSender.RetryDelay(1, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(15), MailSender.RetryDelay(1, options, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(60), MailSender.RetryDelay(2, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(120), MailSender.RetryDelay(3, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(600), MailSender.RetryDelay(10, options, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(600), MailSender.RetryDelay(1000, options, 1.0));
        Assert.InRange(MailSender.RetryDelay(4, options, 0.37).TotalSeconds, 120, 240);
    }
}
