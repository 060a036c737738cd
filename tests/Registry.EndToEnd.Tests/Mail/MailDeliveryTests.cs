using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data;
using Registry.Data.Mail;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Mail;

/// <summary>The mail sender through the real host to an SMTP server on 127.0.0.1: delivery, headers, retries, refusals.</summary>
public sealed class MailDeliveryTests(MailHostFactory factory) : IClassFixture<MailHostFactory>
{
    private IMailOutbox Outbox => factory.Services.GetRequiredService<IMailOutbox>();

    private async Task<MailEntry> RowAsync(long id)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();
        return await db.MailQueue.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<MailEntry> WaitForRowAsync(long id, Func<MailEntry, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            var row = await RowAsync(id);
            if (done(row)) return row;
            await Task.Delay(50);
        }
        return await RowAsync(id);
    }

    [Fact]
    public async Task A_queued_inquiry_relay_arrives_with_reply_to_the_business_and_utf8_subject()
    {
        _ = factory.Services;
        var to = $"host-{Guid.NewGuid():N}@example.vn";
        var id = await Outbox.EnqueueAsync(new OutgoingMail
        {
            To = to,
            ToName = "Trường Đại học Hùng Vương",
            Subject = "Yêu cầu chuyển giao công nghệ: giống chè Shan tuyết",
            TextBody = "Công ty TNHH Chè Việt muốn trao đổi về quy trình nhân giống.\n.\n..dòng bắt đầu bằng dấu chấm",
            ReplyTo = "lien.he@chetviet.example.vn",
            Purpose = MailPurposes.Inquiry,
            RelatedId = "i0000000000ab",
        });

        var mail = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(to));

        Assert.Equal("Yêu cầu chuyển giao công nghệ: giống chè Shan tuyết", mail.Message.Subject);
        Assert.Equal("lien.he@chetviet.example.vn", Assert.Single(mail.Message.ReplyTo.Mailboxes).Address);
        Assert.Equal("Trường Đại học Hùng Vương", Assert.Single(mail.Message.To.Mailboxes).Name);
        Assert.Equal("no-reply@registry.test", Assert.Single(mail.Message.From.Mailboxes).Address);
        Assert.Equal("no-reply@registry.test", mail.MailFrom);
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
        Assert.Null(mail.Message.Headers["List-Unsubscribe"]);
        // A line that is a lone dot (or starts with one) survives the SMTP dot-stuffing both ways.
        Assert.Contains("\n.\n..dòng bắt đầu", mail.Text.Replace("\r\n", "\n"));
        var row = await WaitForRowAsync(id, r => r.MessageId is not null);
        Assert.NotNull(row.SentAt);
        Assert.Equal(mail.Message.MessageId, row.MessageId);
        Assert.Equal(MailPurposes.Inquiry, row.Purpose);
    }

    [Fact]
    public async Task A_header_injection_attempt_in_subject_and_name_stays_inside_its_header()
    {
        _ = factory.Services;
        var to = $"inj-{Guid.NewGuid():N}@example.vn";
        await Outbox.EnqueueAsync(new OutgoingMail
        {
            To = to,
            ToName = "Ai đó\r\nBcc: victim@example.vn",
            Subject = "Chào\r\nBcc: victim@example.vn\r\nX-Evil: 1",
            TextBody = "Nội dung",
            Purpose = MailPurposes.Acknowledgement,
        });

        var mail = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(to));

        Assert.Equal([to], mail.Recipients);
        Assert.Empty(mail.Message.Bcc);
        Assert.Null(mail.Message.Headers["X-Evil"]);
        Assert.DoesNotContain("\nBcc:", mail.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Chào", mail.Message.Subject);
    }

    [Fact]
    public async Task A_server_that_is_down_gets_retries_with_back_off_and_the_mail_is_delivered_when_it_is_back()
    {
        _ = factory.Services;
        var to = $"retry-{Guid.NewGuid():N}@example.vn";
        factory.Smtp.Down = true;
        try
        {
            var id = await Outbox.EnqueueAsync(new OutgoingMail { To = to, Subject = "Thử lại", TextBody = "x", Purpose = MailPurposes.Acknowledgement });
            var failed = await WaitForRowAsync(id, r => r.Attempts >= 2);
            Assert.True(failed.Attempts >= 2, $"expected two failed attempts, got {failed.Attempts}");
            Assert.Null(failed.SentAt);
            Assert.Null(failed.GaveUpAt);
            Assert.Contains("421", failed.LastError);
            Assert.Empty(factory.Smtp.To(to));

            factory.Smtp.Down = false;
            var mail = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(to));
            Assert.Equal("Thử lại", mail.Message.Subject);
            var sent = await WaitForRowAsync(id, r => r.SentAt is not null);
            Assert.NotNull(sent.SentAt);
            Assert.True(sent.Attempts >= 2);
        }
        finally
        {
            factory.Smtp.Down = false;
        }
    }

    [Fact]
    public async Task A_permanent_550_refusal_is_given_up_at_once_and_logged()
    {
        _ = factory.Services;
        var to = $"nobody-{Guid.NewGuid():N}@example.vn";
        factory.Smtp.RefusedRecipients[to] = true;
        var id = await Outbox.EnqueueAsync(new OutgoingMail { To = to, Subject = "Không tới", TextBody = "x", Purpose = MailPurposes.Acknowledgement });

        var row = await WaitForRowAsync(id, r => r.GaveUpAt is not null);

        Assert.NotNull(row.GaveUpAt);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("550", row.LastError);
        Assert.Empty(factory.Smtp.To(to));
        // The row is written before the line is logged: wait for it.
        bool Logged() => factory.Logs.Lines.Any(l => l.StartsWith("Error") && l.Contains($"Mail {id} (acknowledgement) given up") && l.Contains("550"));
        for (var i = 0; i < 100 && !Logged(); i++) await Task.Delay(50);
        Assert.True(Logged());
        // The server's refusal quotes the recipient: the row keeps it for the admin, the log only the SMTP status.
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(to, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Readiness_shows_the_mail_queue()
    {
        var response = await factory.Anonymous().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"mail\"", body);
        Assert.Contains("unsent", body);
        Assert.Contains("mode Smtp", body);
    }
}
