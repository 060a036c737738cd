using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Webhooks;

/// <summary>What an admin asks a subscriber to receive. Already validated by the caller (URL policy, known events and codes).</summary>
public sealed record WebhookSubscriptionInput(
    string Url, string? Description, IReadOnlyList<string> Events, IReadOnlyList<string> Fields, IReadOnlyList<TaskLevel> Levels);

/// <summary>A subscriber as admins see it: never its secret.</summary>
public sealed record WebhookSubscription(
    string Id, string Url, string? Description, IReadOnlyList<string> Events, IReadOnlyList<string> Fields,
    IReadOnlyList<TaskLevel> Levels, WebhookStatus Status, string? PausedReason, DateTimeOffset? PausedAt,
    int ConsecutiveFailures, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record WebhookDeliveryInfo(
    long Id, string SubscriptionId, string EventId, string EventType, long Sequence, string? TaskId, DateTimeOffset OccurredAt,
    WebhookDeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, int? LastStatusCode, string? LastError,
    DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt);

public sealed record WebhookAttemptInfo(DateTimeOffset At, int? StatusCode, int DurationMs, bool Succeeded, string? Error);

/// <param name="Total">Deliveries of the subscriber with the asked status (all pages).</param>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryInfo> Deliveries, long? NextAfter, long Total);

/// <summary>A delivery leased for one attempt, with what signing and sending need.</summary>
public sealed record LeasedWebhookDelivery(
    long Id, string SubscriptionId, string Url, IReadOnlyList<string> Secrets, string EventId, string EventType, long Sequence,
    string? TaskId, DateTimeOffset OccurredAt, int Attempts);

/// <summary>How one attempt ended.</summary>
public sealed record WebhookAttemptOutcome(bool Succeeded, int? StatusCode, int DurationMs, string? Error);

/// <summary>What to do after a failed attempt: when to retry, when to give up, when to pause the subscriber.</summary>
public sealed record WebhookFailurePolicy(DateTimeOffset RetryAt, int MaxAttempts, int PauseAfterFailures);

public enum WebhookReplayResult
{
    Queued,
    NotFound,
    /// <summary>The delivery is being attempted right now; ask again in a moment.</summary>
    InFlight,
}

/// <summary>
/// Webhook subscribers and their deliveries. The fan-out turns outbox rows into deliveries after a durable cursor;
/// deliveries are leased like the outbox (owner, token, expiry) so several instances never send one attempt twice.
/// Admin changes are audited under the subscriber's id.
/// </summary>
public interface IWebhookStore
{
    Task<WebhookSubscription> CreateAsync(WebhookSubscriptionInput input, string secret, Actor actor, CancellationToken ct = default);
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct = default);
    Task<WebhookSubscription?> FindAsync(string id, CancellationToken ct = default);
    Task<WebhookSubscription?> UpdateAsync(string id, WebhookSubscriptionInput input, Actor actor, CancellationToken ct = default);
    Task<bool> DeleteAsync(string id, Actor actor, CancellationToken ct = default);
    /// <summary>Pauses (with the admin's reason) or resumes; resuming clears the failure count.</summary>
    Task<WebhookSubscription?> SetPausedAsync(string id, bool paused, string? reason, Actor actor, CancellationToken ct = default);
    /// <summary>Replaces the secret; the old one still signs (as a second signature) until <paramref name="previousUntil"/>.</summary>
    Task<WebhookSubscription?> RotateSecretAsync(string id, string secret, DateTimeOffset previousUntil, Actor actor, CancellationToken ct = default);
    /// <summary>Queues a <c>webhook.ping</c> delivery, sent even to a paused subscriber; null when the subscriber is unknown.</summary>
    Task<WebhookDeliveryInfo?> QueuePingAsync(string id, Actor actor, CancellationToken ct = default);

    /// <summary>Newest first; <paramref name="before"/> is the previous page's <see cref="WebhookDeliveryPage.NextAfter"/>.</summary>
    Task<WebhookDeliveryPage?> ListDeliveriesAsync(string id, WebhookDeliveryStatus? status, long? before, int size, CancellationToken ct = default);
    Task<(WebhookDeliveryInfo Delivery, IReadOnlyList<WebhookAttemptInfo> Attempts)?> FindDeliveryAsync(string id, long deliveryId, CancellationToken ct = default);
    /// <summary>Sends one delivery again, with the same event id, as soon as possible.</summary>
    Task<WebhookReplayResult> ReplayDeliveryAsync(string id, long deliveryId, Actor actor, CancellationToken ct = default);
    /// <summary>
    /// Queues again (same event ids) or for the first time every matching event after outbox sequence
    /// <paramref name="afterSequence"/> or at/after <paramref name="since"/>, up to <paramref name="max"/>; null when the subscriber is unknown.
    /// </summary>
    Task<(int Queued, bool Truncated)?> ReplaySinceAsync(string id, long? afterSequence, DateTimeOffset? since, int max, Actor actor, CancellationToken ct = default);

    /// <summary>Turns up to <paramref name="max"/> outbox rows after the cursor into deliveries; returns the rows read (0: caught up).</summary>
    Task<int> FanOutAsync(int max, CancellationToken ct = default);
    Task<long> FanOutPositionAsync(CancellationToken ct = default);
    Task<IReadOnlyList<LeasedWebhookDelivery>> LeaseDueAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default);
    /// <summary>Records an attempt of a delivery still leased by <paramref name="owner"/>; false when the lease was lost.</summary>
    Task<bool> RecordAttemptAsync(string owner, long deliveryId, WebhookAttemptOutcome outcome, WebhookFailurePolicy policy, CancellationToken ct = default);
    /// <summary>Frees the leases whose owner starts with <paramref name="ownerPrefix"/> (see <c>IMailQueueStore.ReleaseLeasesOwnedAsync</c>).</summary>
    Task<int> ReleaseLeasesOwnedAsync(string ownerPrefix, CancellationToken ct = default);

    /// <summary>Counts of pending, retrying and failed deliveries and paused subscribers (telemetry's queue gauges).</summary>
    Task<WebhookQueueStatus> StatusAsync(CancellationToken ct = default);
}
