using Registry.Api.Auth;
using Registry.Api.Http;
using Registry.Api.Webhooks;
using Registry.Data.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Admin-only management of webhook subscribers, their deliveries and replays, under /api/v1/webhooks.</summary>
public static class WebhooksApi
{
    public const string Tag = "Webhooks";

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder v1)
    {
        var hooks = v1.MapGroup("/webhooks").WithTags(Tag).RequireAuthorization(RegistryRoles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        var events = string.Join(", ", WebhookEventTypes.All);
        var body = $"Body {{url, description, events, fields, levels}}: url https on a public address (no loopback, private, link-local or CGNAT range; no user info), " +
            $"events any of {events}, fields field-of-science codes matched by prefix, levels task levels; empty filters match every task. " +
            $"Duplicate or unknown properties answer 400 by path; bodies over {WebhookBody<WebhookInput>.MaxBytes / 1024} KB answer 413.";

        hooks.MapGet("/", WebhookHandlers.List).WithName("ListWebhooks")
            .WithSummary("Danh sách webhook (list webhook subscribers)")
            .WithDescription("Admin only. Every subscriber with its events, filters, status (active or paused, with the reason) and consecutive failures; never its secret.")
            .RejectUnknownQueryParameters();
        hooks.MapPost("/", WebhookHandlers.Create).WithName("CreateWebhook")
            .WithSummary("Đăng ký webhook (register a webhook subscriber)")
            .WithDescription("Admin only. " + body + " Answers 201 with the subscriber and its signing secret (whsec_…), shown this once. " +
                "The subscriber receives events written after its creation; replay reaches older ones. Audited.")
            .Accepts<WebhookInput>("application/json")
            .Produces<CreatedWebhookResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        hooks.MapGet("/{id}", WebhookHandlers.Get).WithName("GetWebhook")
            .WithSummary("Một webhook (a webhook subscriber)")
            .WithDescription("Admin only. 404 when unknown.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RejectUnknownQueryParameters();
        hooks.MapPut("/{id}", WebhookHandlers.Update).WithName("UpdateWebhook")
            .WithSummary("Sửa webhook (replace a subscriber's URL, events and filters)")
            .WithDescription("Admin only. " + body + " Deliveries already queued keep their event ids. Audited.")
            .Accepts<WebhookInput>("application/json")
            .Produces<WebhookView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        hooks.MapDelete("/{id}", WebhookHandlers.Delete).WithName("DeleteWebhook")
            .WithSummary("Xóa webhook (delete a subscriber)")
            .WithDescription("Admin only. The subscriber, its queued deliveries and their log go. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id}/pause", WebhookHandlers.Pause).WithName("PauseWebhook")
            .WithSummary("Tạm dừng webhook (pause a subscriber)")
            .WithDescription("Admin only. Body {\"reason\": \"...\"} (required). Nothing is sent while paused; events still queue and go out after resume. Audited.")
            .Accepts<PauseWebhookRequest>("application/json")
            .Produces<WebhookView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id}/resume", WebhookHandlers.Resume).WithName("ResumeWebhook")
            .WithSummary("Tiếp tục webhook (resume a subscriber)")
            .WithDescription("Admin only. Clears the pause and the failure count; queued deliveries are sent. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id}/secret", WebhookHandlers.RotateSecret).WithName("RotateWebhookSecret")
            .WithSummary("Đổi khóa ký webhook (rotate a subscriber's signing secret)")
            .WithDescription("Admin only. Answers the new secret, shown this once. Until previousSecretValidUntil each delivery carries two signatures (new and old), so the receiver can switch without losing events. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id}/ping", WebhookHandlers.Ping).WithName("PingWebhook")
            .WithSummary("Gửi tin thử (send a test ping)")
            .WithDescription("Admin only. Queues a signed webhook.ping event, sent even to a paused subscriber; it does not count toward pausing. Answers 202 with the delivery to follow.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/{id}/deliveries", WebhookHandlers.Deliveries).WithName("ListWebhookDeliveries")
            .WithSummary("Nhật ký gửi webhook (a subscriber's deliveries)")
            .WithDescription("Admin only. Newest first, cursor paging (pageSize 1–200, default 50), status pending, delivered or failed. Each delivery: event id and type, outbox sequence, task, attempts, next attempt, last HTTP status and error.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RejectUnknownQueryParameters();
        hooks.MapGet("/{id}/deliveries/{deliveryId:long}", WebhookHandlers.Delivery).WithName("GetWebhookDelivery")
            .WithSummary("Một lần gửi và các lần thử (a delivery and its attempts)")
            .WithDescription("Admin only. Every attempt: time, HTTP status, duration in ms, and an excerpt of the error or of the answer.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RejectUnknownQueryParameters();
        hooks.MapPost("/{id}/deliveries/{deliveryId:long}/replay", WebhookHandlers.ReplayDelivery).WithName("ReplayWebhookDelivery")
            .WithSummary("Gửi lại một sự kiện (replay one delivery)")
            .WithDescription("Admin only. Sends the delivery again as soon as possible with the same event id (webhook-id), whatever its status; attempts count afresh. queued is 0 when it is being attempted at this moment.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id}/replay", WebhookHandlers.ReplaySince).WithName("ReplayWebhookEvents")
            .WithSummary("Gửi lại các sự kiện từ một thời điểm (replay events since a sequence or a time)")
            .WithDescription($"Admin only. Body {{\"afterSequence\": n}} or {{\"since\": \"2026-12-01T00:00:00Z\"}} (exactly one). Queues every matching event, with its original event id, up to {WebhookHandlers.MaxReplay} per request (truncated says more remain); the payload carries the task as it is now. Audited.")
            .Accepts<ReplayWebhookRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return hooks;
    }
}
