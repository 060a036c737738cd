using Registry.Data.Mail;

namespace Registry.Data.Tests.Mail;

public sealed class MailQueueTests
{
    [Theory]
    [InlineData("an.nguyen@hvu.edu.vn")]
    [InlineData("phong.khcn+alerts@phutho.gov.vn")]
    [InlineData("  journalist@baophutho.vn  ")]
    public void Plain_addresses_are_valid(string address) => Assert.True(MailAddresses.IsValid(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("an.nguyen")]
    [InlineData("@hvu.edu.vn")]
    [InlineData("an@localhost")]
    [InlineData("an@@hvu.edu.vn")]
    [InlineData("an@hvu..edu.vn")]
    [InlineData("an@hvu.edu.vn.")]
    [InlineData("An <an@hvu.edu.vn>")]
    [InlineData("an@hvu.edu.vn, boss@hvu.edu.vn")]
    [InlineData("an@hvu.edu.vn;boss@hvu.edu.vn")]
    [InlineData("an@hvu.edu.vn\r\nBcc: everyone@example.org")]
    [InlineData("an@hvu.edu.vn\nX-Injected: 1")]
    [InlineData("an nguyen@hvu.edu.vn")]
    [InlineData("\"an\"@hvu.edu.vn")]
    [InlineData("an(comment)@hvu.edu.vn")]
    [InlineData("an\u0000@hvu.edu.vn")]
    public void Lists_display_names_controls_and_header_breaks_are_refused(string? address) => Assert.False(MailAddresses.IsValid(address));

    [Fact]
    public void An_address_longer_than_254_characters_is_refused()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".vn";
        Assert.False(MailAddresses.IsValid(local + "@" + domain));
        Assert.False(MailAddresses.IsValid(new string('a', 65) + "@hvu.edu.vn"));
    }

    [Fact]
    public void A_queued_subject_stays_on_one_line_and_the_recipient_is_trimmed()
    {
        var now = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        var entry = MailQueue.ToEntry(new OutgoingMail
        {
            To = " doanh.nghiep@example.vn ",
            Subject = "Yêu cầu chuyển giao\r\nBcc: everyone@example.org",
            TextBody = "Nội dung",
            Purpose = MailPurposes.Inquiry,
        }, now);

        Assert.Equal("doanh.nghiep@example.vn", entry.To);
        Assert.DoesNotContain('\r', entry.Subject);
        Assert.DoesNotContain('\n', entry.Subject);
        Assert.Equal(now, entry.DueAt);
        Assert.Null(entry.SentAt);
    }

    [Theory]
    [InlineData("not-an-address", null)]
    [InlineData("ok@example.vn", "reply@example.vn\r\nBcc: x@example.org")]
    public void Queueing_to_a_bad_recipient_or_reply_to_is_refused(string to, string? replyTo) =>
        Assert.Throws<ArgumentException>(() => MailQueue.ToEntry(new OutgoingMail
        {
            To = to,
            ReplyTo = replyTo,
            Subject = "S",
            TextBody = "B",
            Purpose = MailPurposes.Alert,
        }, DateTimeOffset.UnixEpoch));
}
