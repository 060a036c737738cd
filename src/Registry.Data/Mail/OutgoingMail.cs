namespace Registry.Data.Mail;

/// <summary>
/// One e-mail to send to one recipient. Queued durably (<see cref="IMailOutbox"/>, or <see cref="MailQueue.Add"/> inside
/// the transaction of the change that causes it) and sent in the background with retries.
/// </summary>
public sealed record OutgoingMail
{
    /// <summary>One address; validated before queueing.</summary>
    public required string To { get; init; }
    public string? ToName { get; init; }
    public required string Subject { get; init; }
    /// <summary>The plain-text body; every mail has one.</summary>
    public required string TextBody { get; init; }
    /// <summary>An HTML alternative, when the mail has one.</summary>
    public string? HtmlBody { get; init; }
    /// <summary>Where replies go (a relayed inquiry replies to the business that sent it).</summary>
    public string? ReplyTo { get; init; }
    /// <summary>What the mail is for (<see cref="MailPurposes"/>): shown in logs and the queue's figures.</summary>
    public required string Purpose { get; init; }
    /// <summary>
    /// One-click unsubscribe address (RFC 8058): sent as <c>List-Unsubscribe</c> with
    /// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>.
    /// </summary>
    public string? UnsubscribeUrl { get; init; }
    /// <summary>Public id of what the mail is about (an inquiry, a subscription), to find its mails again.</summary>
    public string? RelatedId { get; init; }
}

/// <summary>The purposes mail is sent for.</summary>
public static class MailPurposes
{
    /// <summary>Double opt-in: confirm an alert subscription.</summary>
    public const string AlertConfirmation = "alert-confirmation";
    /// <summary>An alert or digest of new and changed tasks matching a saved search.</summary>
    public const string Alert = "alert";
    /// <summary>A technology-transfer inquiry relayed to the host's contact.</summary>
    public const string Inquiry = "inquiry";
    /// <summary>A copy or acknowledgement to the sender of an inquiry or feedback.</summary>
    public const string Acknowledgement = "acknowledgement";
}

/// <summary>Queues mail in its own transaction. Use <see cref="MailQueue.Add"/> to queue with another change atomically.</summary>
public interface IMailOutbox
{
    /// <summary>Queues <paramref name="mail"/> for sending; returns the queue entry's id.</summary>
    Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken ct = default);
}
