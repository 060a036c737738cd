using Registry.Data.Records;

namespace Registry.Data.Webhooks;

public enum WebhookStatus
{
    Active,
    /// <summary>No deliveries are attempted (an admin paused it, or it kept failing); events still queue for it.</summary>
    Paused,
}

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed; an admin may replay it.</summary>
    Failed,
}

/// <summary>A partner site that receives signed events. The row layout, not the contract (<see cref="WebhookSubscription"/>).</summary>
internal sealed class WebhookSubscriber
{
    public long Id { get; set; }
    /// <summary>"w" + 12 Crockford base32 characters.</summary>
    public string PublicId { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Subscribed event types, space-separated.</summary>
    public string Events { get; set; } = "";
    /// <summary>Field-of-science code prefixes, space-separated; empty for every field.</summary>
    public string FieldFilter { get; set; } = "";
    /// <summary>Task levels, space-separated; empty for every level.</summary>
    public string LevelFilter { get; set; } = "";
    /// <summary>The signing secret (<c>whsec_</c> + base64). Kept as is: signing needs the secret itself, not a hash.</summary>
    public string Secret { get; set; } = "";
    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretUntil { get; set; }
    public WebhookStatus Status { get; set; }
    public string? PausedReason { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    /// <summary>The outbox sequence when the subscriber was created: it receives later events only (replay reaches older ones).</summary>
    public long StartSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One event for one subscriber. Unique by (subscriber, event id): a crash or a second instance never duplicates it.</summary>
internal sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long SubscriberId { get; set; }
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    /// <summary>The outbox row that produced the event (0 for a test ping).</summary>
    public long Sequence { get; set; }
    /// <summary>The task's public id (null for a test ping).</summary>
    public string? TaskId { get; set; }
    /// <summary>When the write that produced the event happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    /// <summary>Attempts since the delivery was queued or last replayed.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One HTTP attempt of a delivery, kept for the log.</summary>
internal sealed class WebhookAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public int DurationMs { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>A short excerpt: the transport error, or the start of a non-2xx answer's body.</summary>
    public string? Error { get; set; }
}

/// <summary>How far the fan-out has read the outbox. One row, advanced in the same transaction as the deliveries it wrote.</summary>
internal sealed class WebhookCursor
{
    public const string FanOut = "fanout";

    public string Name { get; set; } = "";
    public long LastSequence { get; set; }
}

/// <summary>The row layout of a subscriber's filters, parsed once.</summary>
internal static class WebhookLists
{
    public static string Join(IEnumerable<string> items) => string.Join(' ', items);

    public static IReadOnlyList<string> Split(string? items) =>
        string.IsNullOrEmpty(items) ? [] : items.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<TaskLevel> Levels(string? items) => Split(items).Select(Enum.Parse<TaskLevel>).ToList();
}
