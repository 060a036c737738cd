namespace Registry.Data.Mail;

/// <summary>A queued mail as the sender reads it under its lease.</summary>
/// <param name="Attempts">Failed attempts so far.</param>
public sealed record QueuedMail(long Id, OutgoingMail Mail, int Attempts, DateTimeOffset CreatedAt);

/// <summary>What the queue holds, for health and operators.</summary>
/// <param name="OldestUnsentAt">When the oldest mail still to send was queued; null when none waits.</param>
public sealed record MailQueueStatus(int Unsent, DateTimeOffset? OldestUnsentAt, int GivenUp);

/// <summary>One row of the queue's log (content may already be erased).</summary>
public sealed record MailLogEntry(long Id, string Purpose, string To, string Subject, string? ReplyTo, string? RelatedId,
    int Attempts, DateTimeOffset? SentAt, DateTimeOffset? GaveUpAt, string? LastError, string? MessageId, DateTimeOffset? ErasedAt);

/// <summary>
/// The sender's side of the mail queue, safe with several instances: a lease is one conditional UPDATE (owner, a fresh
/// token, an expiry), like the index outbox; every later step only touches rows the owner still holds.
/// </summary>
public interface IMailQueueStore
{
    /// <summary>Leases up to <paramref name="max"/> due, unsent mails, oldest first.</summary>
    Task<IReadOnlyList<QueuedMail>> LeaseAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>Marks a held mail as sent with the Message-ID it went out with.</summary>
    Task CompleteAsync(string owner, long id, string messageId, CancellationToken ct = default);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task FailAsync(string owner, long id, string error, DateTimeOffset retryAt, CancellationToken ct = default);

    /// <summary>Stops retrying a held mail (permanent refusal or too many attempts); the row stays as a log line.</summary>
    Task GiveUpAsync(string owner, long id, string error, CancellationToken ct = default);

    /// <summary>
    /// Frees the leases whose owner starts with <paramref name="ownerPrefix"/>: one process's own at its stop, or an
    /// instance's earlier processes' at its start, once it knows they are dead. Never another instance's.
    /// </summary>
    Task<int> ReleaseLeasesOwnedAsync(string ownerPrefix, CancellationToken ct = default);

    /// <summary>
    /// Erases recipient, subject and bodies of mail sent or given up before <paramref name="before"/>, keeping the
    /// row (purpose, times, attempts, error, Message-ID) as the log. Returns how many were erased.
    /// </summary>
    Task<int> EraseBeforeAsync(DateTimeOffset before, CancellationToken ct = default);

    Task<MailQueueStatus> StatusAsync(CancellationToken ct = default);

    /// <summary>The log rows of mail about <paramref name="relatedId"/>, oldest first.</summary>
    Task<IReadOnlyList<MailLogEntry>> FindByRelatedIdAsync(string relatedId, CancellationToken ct = default);
}
