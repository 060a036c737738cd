using Registry.Data.Catalog;
using Registry.Data.Mail;

namespace Registry.Data.Alerts;

/// <summary>A new subscription, waiting for confirmation.</summary>
/// <param name="Search">The validated saved search as a query string.</param>
/// <param name="ConfirmTokenHash">SHA-256 (hex) of the token sent in the confirmation mail.</param>
public sealed record AlertSubscriptionDraft(string PublicId, string Email, string Search, AlertFrequency Frequency, string Language,
    string ConfirmTokenHash, string TokenSalt);

/// <summary>A subscription as the alert pages and the runner read it.</summary>
public sealed record AlertSubscriptionView(string PublicId, string Email, string Search, AlertFrequency Frequency, string Language,
    AlertStatus Status, string TokenSalt, long LastSequence, DateTimeOffset CreatedAt, DateTimeOffset? LastRunAt);

public enum SubscribeOutcome
{
    /// <summary>The subscription and its confirmation mail are stored.</summary>
    Queued,
    /// <summary>The address already received the day's allowance of confirmation mails; nothing was stored.</summary>
    TooManyConfirmations,
}

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,
    /// <summary>Unknown token, expired, or the subscription was left.</summary>
    NotFound,
}

/// <summary>A public change the runner matches subscriptions against.</summary>
public sealed record AlertChange(long Sequence, string TaskId, PublicChangeKind Kind, DateTimeOffset At);

/// <summary>E-mail alert subscriptions and the runner's view of the change log.</summary>
public interface IAlertStore
{
    /// <summary>
    /// Stores a pending subscription and queues its confirmation mail in one transaction, unless the address already
    /// had <paramref name="maxConfirmationsPerDay"/> confirmation mails in the last 24 hours.
    /// </summary>
    Task<SubscribeOutcome> SubscribeAsync(AlertSubscriptionDraft draft, OutgoingMail confirmation, int maxConfirmationsPerDay, CancellationToken ct = default);

    /// <summary>The subscription a confirmation token belongs to, when it is still pending or active and younger than <paramref name="maxAge"/>.</summary>
    Task<AlertSubscriptionView?> FindByConfirmTokenAsync(string tokenHash, TimeSpan maxAge, CancellationToken ct = default);

    /// <summary>Activates the subscription; it hears only about changes made from now on.</summary>
    Task<ConfirmOutcome> ConfirmAsync(string tokenHash, TimeSpan maxAge, CancellationToken ct = default);

    Task<AlertSubscriptionView?> GetAsync(string publicId, CancellationToken ct = default);

    /// <summary>Ends the subscription and erases its address; false when it had already ended.</summary>
    Task<bool> UnsubscribeAsync(string publicId, CancellationToken ct = default);

    /// <summary>Deletes subscriptions (and their addresses) never confirmed since before <paramref name="before"/>.</summary>
    Task<int> DeletePendingBeforeAsync(DateTimeOffset before, CancellationToken ct = default);

    Task<IReadOnlyList<AlertSubscriptionView>> ActiveAsync(CancellationToken ct = default);

    /// <summary>
    /// The last change-log sequence whose task the search index already holds (every index outbox row written up to
    /// that change is processed) and, on SQL Server, that is settled: matching never runs ahead of the index.
    /// </summary>
    Task<long> IndexedHorizonAsync(CancellationToken ct = default);

    /// <summary>Changes after <paramref name="after"/> up to <paramref name="upTo"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AlertChange>> ChangesAsync(long after, long upTo, int max, CancellationToken ct = default);

    /// <summary>
    /// Moves the subscription's cursor from <paramref name="expected"/> to <paramref name="next"/> and queues
    /// <paramref name="mail"/> (when given) in ONE transaction: a crash either sends and advances, or neither. False
    /// (nothing written) when the cursor is no longer <paramref name="expected"/> or the subscription is not active.
    /// </summary>
    Task<bool> AdvanceAsync(string publicId, long expected, long next, OutgoingMail? mail, CancellationToken ct = default);
}
