using MimeKit;
using MimeKit.Utils;
using Registry.Data.Mail;

namespace Registry.Api.Mail;

/// <summary>
/// Turns a queued mail into the MIME message that is sent: UTF-8 subject and names (encoded words), a text body with
/// an optional HTML alternative, a Message-ID, Reply-To, RFC 8058 one-click unsubscribe headers and
/// <c>Auto-Submitted: auto-generated</c> (RFC 3834) so auto-responders do not answer. Header values are set through
/// MimeKit's typed API, never as raw text, and control characters are stripped, so no value can add a header.
/// </summary>
public static class MailMessageBuilder
{
    public static MimeMessage Build(OutgoingMail mail, MailOptions options, string domain)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(OneLine(options.FromName), options.FromAddress));
        message.To.Add(new MailboxAddress(OneLine(mail.ToName ?? ""), Address(mail.To)));
        if (mail.ReplyTo is { Length: > 0 } replyTo) message.ReplyTo.Add(MailboxAddress.Parse(Address(replyTo)));
        message.Subject = OneLine(mail.Subject);
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId(domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is { Length: > 0 } unsubscribe && Uri.TryCreate(unsubscribe, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            message.Headers.Add("List-Unsubscribe", $"<{url.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var text = new TextPart("plain") { Text = mail.TextBody };
        text.ContentType.Charset = "utf-8";
        if (mail.HtmlBody is { Length: > 0 } html)
        {
            var htmlPart = new TextPart("html") { Text = html };
            htmlPart.ContentType.Charset = "utf-8";
            message.Body = new MultipartAlternative { text, htmlPart };
        }
        else
        {
            message.Body = text;
        }
        return message;
    }

    /// <summary>An address checked again at sending (the queue checked it too): a bad one is a permanent failure.</summary>
    private static string Address(string address) =>
        MailAddresses.IsValid(address) ? address.Trim() : throw new PermanentMailException($"Not a valid recipient address (length {address.Length})");

    private static string OneLine(string text) => new(text.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}

/// <summary>A mail that can never be delivered as queued (bad address, a 5xx refusal): given up without retrying.</summary>
public sealed class PermanentMailException(string message, Exception? inner = null) : Exception(message, inner);
