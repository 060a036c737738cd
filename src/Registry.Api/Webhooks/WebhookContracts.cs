using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Catalog;
using Registry.Data.Records;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <param name="Url">Where events are POSTed: https, a public address (no loopback or private ranges), no user info.</param>
/// <param name="Description">Who the subscriber is, for admins (at most 300 characters).</param>
/// <param name="Events">Any of task.published, task.updated, task.withdrawn, task.coverage_added.</param>
/// <param name="Fields">Field-of-science codes (1, 3, 5 or 7 digits); a task matches when one of its fields starts with one of them. Empty: every field.</param>
/// <param name="Levels">Task levels (national, ministerial, provincial, grassroots). Empty: every level.</param>
public sealed record WebhookInput(string? Url, string? Description, IReadOnlyList<string>? Events, IReadOnlyList<string>? Fields, IReadOnlyList<TaskLevel>? Levels);

/// <param name="Reason">Why the subscriber is paused, shown to admins.</param>
public sealed record PauseWebhookRequest(string? Reason);

/// <param name="AfterSequence">Replay events after this outbox sequence (the <c>sequence</c> of an event the receiver has).</param>
/// <param name="Since">Replay events that happened at or after this instant (ISO 8601).</param>
public sealed record ReplayWebhookRequest(long? AfterSequence, DateTimeOffset? Since);

/// <summary>A subscriber as admins see it; the secret is shown only when created or rotated.</summary>
public sealed record WebhookView(
    string Id, string Url, string? Description, IReadOnlyList<string> Events, IReadOnlyList<string> Fields, IReadOnlyList<TaskLevel> Levels,
    WebhookStatus Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PausedReason, DateTimeOffset? PausedAt,
    int ConsecutiveFailures, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookView From(WebhookSubscription s) => new(s.Id, s.Url, s.Description, s.Events, s.Fields, s.Levels, s.Status,
        s.PausedReason, s.PausedAt, s.ConsecutiveFailures, s.CreatedAt, s.UpdatedAt);
}

/// <param name="Secret">The signing secret (whsec_…), shown this once: store it where the receiver can read it.</param>
public sealed record CreatedWebhookResponse(WebhookView Webhook, string Secret);

/// <param name="Secret">The new secret, shown this once.</param>
/// <param name="PreviousSecretValidUntil">Until then each delivery carries a second signature made with the old secret.</param>
public sealed record RotatedSecretResponse(string Id, string Secret, DateTimeOffset PreviousSecretValidUntil);

public sealed record WebhookListResponse(CatalogListMeta Meta, IReadOnlyList<WebhookView> Results);

public sealed record WebhookDeliveryListResponse(CatalogListMeta Meta, IReadOnlyList<WebhookDeliveryInfo> Results);

public sealed record WebhookDeliveryDetail(WebhookDeliveryInfo Delivery, IReadOnlyList<WebhookAttemptInfo> Attempts);

/// <param name="Queued">Deliveries queued (again, with their event ids) by this request.</param>
/// <param name="Truncated">True when more events matched than one request replays; ask again after the last sequence.</param>
public sealed record ReplayWebhookResponse(int Queued, bool Truncated);

public sealed record WebhookDeliveryListQuery
{
    public const int DefaultPageSize = 50;

    [FromQuery(Name = "status")]
    [Description("pending, delivered or failed; omit for every delivery.")]
    public string? Status { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first (newest) page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Deliveries per page, 1–200 (default 50).")]
    public int? PageSize { get; init; }
}
