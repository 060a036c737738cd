using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Registry.Api.Auth;
using Registry.Api.Catalog;
using Registry.Api.Problems;
using Registry.Data;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>Handlers of the admin webhook endpoints (<see cref="Microsoft.AspNetCore.Builder.WebhooksApi"/>).</summary>
public static class WebhookHandlers
{
    /// <summary>Events one replay request queues at most.</summary>
    public const int MaxReplay = 10_000;

    public const int MaxDeliveryPage = 200;

    public static string LocationOf(string id) => $"/api/v1/webhooks/{Uri.EscapeDataString(id)}";

    public static async Task<Ok<WebhookListResponse>> List(IWebhookStore store, CancellationToken ct)
    {
        var all = (await store.ListAsync(ct)).Select(WebhookView.From).ToList();
        return TypedResults.Ok(new WebhookListResponse(new CatalogListMeta(all.Count, null, all.Count), all));
    }

    public static async Task<Results<Created<CreatedWebhookResponse>, ProblemHttpResult>> Create(
        WebhookBody<WebhookInput> body, ClaimsPrincipal user, WebhookInputCheck check, IWebhookStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var (input, errors) = await check.CheckAsync(body.Value!, ct);
        if (input is null) return ApiProblems.Validation(errors);
        var secret = WebhookSignature.NewSecret();
        var created = await store.CreateAsync(input, secret, RegistryRoles.ActorOf(user)!, ct);
        return TypedResults.Created(LocationOf(created.Id), new CreatedWebhookResponse(WebhookView.From(created), secret));
    }

    public static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Get(string id, IWebhookStore store, CancellationToken ct) =>
        Found(IsId(id) ? await store.FindAsync(id, ct) : null);

    public static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Update(
        string id, WebhookBody<WebhookInput> body, ClaimsPrincipal user, WebhookInputCheck check, IWebhookStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        if (!IsId(id)) return NotFound();
        var (input, errors) = await check.CheckAsync(body.Value!, ct);
        if (input is null) return ApiProblems.Validation(errors);
        return Found(await store.UpdateAsync(id, input, RegistryRoles.ActorOf(user)!, ct));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ClaimsPrincipal user, IWebhookStore store, CancellationToken ct) =>
        IsId(id) && await store.DeleteAsync(id, RegistryRoles.ActorOf(user)!, ct) ? TypedResults.NoContent() : NotFound();

    public static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Pause(
        string id, WebhookBody<PauseWebhookRequest> body, ClaimsPrincipal user, IWebhookStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var reason = body.Value!.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > WebhookLimits.Error)
        {
            return ApiProblems.Validation("reason", $"Ghi lý do tạm dừng, tối đa {WebhookLimits.Error} ký tự (give a reason, at most {WebhookLimits.Error} characters).");
        }
        if (!Http.UnsafeText.IsSafe(reason)) return ApiProblems.Validation("reason", WebhookInputCheck.UnsafeCharacters);
        return Found(IsId(id) ? await store.SetPausedAsync(id, true, reason, RegistryRoles.ActorOf(user)!, ct) : null);
    }

    public static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Resume(string id, ClaimsPrincipal user, IWebhookStore store, CancellationToken ct) =>
        Found(IsId(id) ? await store.SetPausedAsync(id, false, null, RegistryRoles.ActorOf(user)!, ct) : null);

    public static async Task<Results<Ok<RotatedSecretResponse>, ProblemHttpResult>> RotateSecret(
        string id, ClaimsPrincipal user, IWebhookStore store, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (!IsId(id)) return NotFound();
        var secret = WebhookSignature.NewSecret();
        var until = clock.GetUtcNow().AddHours(options.Value.RotationGraceHours);
        var rotated = await store.RotateSecretAsync(id, secret, until, RegistryRoles.ActorOf(user)!, ct);
        return rotated is null ? NotFound() : TypedResults.Ok(new RotatedSecretResponse(rotated.Id, secret, until));
    }

    public static async Task<Results<Accepted<WebhookDeliveryInfo>, ProblemHttpResult>> Ping(string id, ClaimsPrincipal user, IWebhookStore store, CancellationToken ct)
    {
        var delivery = IsId(id) ? await store.QueuePingAsync(id, RegistryRoles.ActorOf(user)!, ct) : null;
        return delivery is null ? NotFound() : TypedResults.Accepted($"{LocationOf(id)}/deliveries/{delivery.Id}", delivery);
    }

    public static async Task<Results<Ok<WebhookDeliveryListResponse>, ProblemHttpResult>> Deliveries(
        string id, [AsParameters] WebhookDeliveryListQuery query, IWebhookStore store, CancellationToken ct)
    {
        if (CatalogProblems.CheckPageSize(query.PageSize, MaxDeliveryPage) is { } badSize) return badSize;
        WebhookDeliveryStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            if (!Enum.TryParse<WebhookDeliveryStatus>(query.Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(query.Status[0]))
            {
                return ApiProblems.Validation("status", "status là pending, delivered hoặc failed (status is pending, delivered or failed).");
            }
            status = parsed;
        }
        long? before = null;
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            if (!long.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)) return CatalogProblems.Cursor("cursor");
            before = cursor;
        }
        var size = query.PageSize ?? WebhookDeliveryListQuery.DefaultPageSize;
        var page = IsId(id) ? await store.ListDeliveriesAsync(id, status, before, size, ct) : null;
        if (page is null) return NotFound();
        var next = page.NextAfter?.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new WebhookDeliveryListResponse(new CatalogListMeta(page.Total, next, size), page.Deliveries));
    }

    public static async Task<Results<Ok<WebhookDeliveryDetail>, ProblemHttpResult>> Delivery(string id, long deliveryId, IWebhookStore store, CancellationToken ct)
    {
        var found = IsId(id) ? await store.FindDeliveryAsync(id, deliveryId, ct) : null;
        return found is { } f ? TypedResults.Ok(new WebhookDeliveryDetail(f.Delivery, f.Attempts)) : DeliveryNotFound();
    }

    /// <summary>202 with queued 1; queued 0 when the delivery is being attempted at this moment (it is being sent anyway).</summary>
    public static async Task<Results<Accepted<ReplayWebhookResponse>, ProblemHttpResult>> ReplayDelivery(
        string id, long deliveryId, ClaimsPrincipal user, IWebhookStore store, CancellationToken ct)
    {
        var result = IsId(id) ? await store.ReplayDeliveryAsync(id, deliveryId, RegistryRoles.ActorOf(user)!, ct) : WebhookReplayResult.NotFound;
        if (result == WebhookReplayResult.NotFound) return DeliveryNotFound();
        return TypedResults.Accepted($"{LocationOf(id)}/deliveries/{deliveryId}", new ReplayWebhookResponse(result == WebhookReplayResult.Queued ? 1 : 0, false));
    }

    public static async Task<Results<Accepted<ReplayWebhookResponse>, ProblemHttpResult>> ReplaySince(
        string id, WebhookBody<ReplayWebhookRequest> body, ClaimsPrincipal user, IWebhookStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var request = body.Value!;
        if ((request.AfterSequence is null) == (request.Since is null))
        {
            return ApiProblems.Validation("$", "Gửi đúng một trong afterSequence hoặc since (send exactly one of afterSequence or since).");
        }
        if (request.AfterSequence is < 0) return ApiProblems.Validation("afterSequence", "afterSequence không được âm (afterSequence must not be negative).");
        var result = IsId(id) ? await store.ReplaySinceAsync(id, request.AfterSequence, request.Since, MaxReplay, RegistryRoles.ActorOf(user)!, ct) : null;
        return result is { } r ? TypedResults.Accepted(LocationOf(id) + "/deliveries", new ReplayWebhookResponse(r.Queued, r.Truncated)) : NotFound();
    }

    private static bool IsId(string id) => PublicIds.IsWellFormed(id, 'w');

    private static Results<Ok<WebhookView>, ProblemHttpResult> Found(WebhookSubscription? subscription) =>
        subscription is null ? NotFound() : TypedResults.Ok(WebhookView.From(subscription));

    private static ProblemHttpResult NotFound() =>
        ApiProblems.Create(ProblemKind.NotFound, "Không có webhook với id này (no webhook with this id).");

    private static ProblemHttpResult DeliveryNotFound() =>
        ApiProblems.Create(ProblemKind.NotFound, "Không có lần gửi này của webhook (no such delivery of this webhook).");
}
