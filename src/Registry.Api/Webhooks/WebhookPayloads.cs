using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Registry.Api.Feeds;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>The JSON body of a delivery; <c>data</c> describes the task as the public sees it when the event is sent.</summary>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset OccurredAt, long? Sequence, WebhookEventData Data);

/// <param name="State">The task's public state when sent: published, withdrawn, or notPublic (back to draft).</param>
/// <param name="Task">The public record (no contacts) when published, else null.</param>
/// <param name="Withdrawal">When and why, for a withdrawn task.</param>
public sealed record WebhookEventData(
    string? TaskId, string? State, TaskRecord? Task, WebhookWithdrawal? Withdrawal, WebhookLinks? Links, string? SubscriptionId = null, string? Message = null);

public sealed record WebhookWithdrawal(DateTimeOffset? WithdrawnAt, string? Reason);

/// <param name="Self">The task in the REST API.</param>
/// <param name="Html">The task's public page.</param>
public sealed record WebhookLinks(string Self, string Html);

/// <summary>
/// Builds delivery bodies. The task is read through <see cref="PublicTaskLookup"/> with the public reader, the one
/// place that decides what the public may see, so a body never carries a draft or an investigator's e-mail or phone.
/// </summary>
public sealed class WebhookPayloads(ITaskStore tasks, IOptions<FeedsOptions> feeds)
{
    public static readonly JsonSerializerOptions Json = new(RegistryJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public async Task<byte[]> BuildAsync(LeasedWebhookDelivery delivery, CancellationToken ct)
    {
        var data = delivery.TaskId is null
            ? new WebhookEventData(null, null, null, null, null, delivery.SubscriptionId,
                "Tin thử từ Cơ sở dữ liệu nhiệm vụ KH&CN (test ping from the S&T task registry)")
            : await TaskDataAsync(delivery.TaskId, ct);
        var body = new WebhookEvent(delivery.EventId, delivery.EventType, delivery.OccurredAt,
            delivery.TaskId is null ? null : delivery.Sequence, data);
        return JsonSerializer.SerializeToUtf8Bytes(body, Json);
    }

    private async Task<WebhookEventData> TaskDataAsync(string id, CancellationToken ct)
    {
        var links = Links(id);
        return PublicTaskLookup.Of(await tasks.FindByIdAsync(id, ct), CatalogReader.Public) switch
        {
            PublicTaskLookup.Found found => new WebhookEventData(id, "published", found.Record, null, links),
            PublicTaskLookup.Gone gone => new WebhookEventData(id, "withdrawn", null,
                new WebhookWithdrawal(gone.Tombstone.WithdrawnAt, gone.Tombstone.WithdrawalReason), links),
            _ => new WebhookEventData(id, "notPublic", null, null, links),
        };
    }

    /// <summary>Absolute with <c>Registry:PublicBaseUrl</c>; without it (no request to take a host from) root-relative.</summary>
    private WebhookLinks Links(string id)
    {
        var baseUrl = feeds.Value.PublicBaseUrl?.TrimEnd('/') ?? "";
        return new WebhookLinks(PublicUrls.TaskApi(baseUrl, id), PublicUrls.TaskPage(baseUrl, id));
    }
}
