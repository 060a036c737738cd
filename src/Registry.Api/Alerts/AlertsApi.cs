using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Alerts;
using Registry.Api.Forms;
using Registry.Api.Http;
using Registry.Api.Problems;

namespace Microsoft.AspNetCore.Builder;

/// <summary>POST /api/v1/alerts: subscribe an address to a saved search (double opt-in), without an API key.</summary>
public static class AlertsApi
{
    public const string Tag = "Alerts";

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder v1)
    {
        var alerts = v1.MapGroup("/alerts").WithTags(Tag);
        alerts.MapPost("/", Subscribe)
            .WithName("SubscribeAlert")
            .WithSummary("Đăng ký nhận thông báo qua e-mail cho một tìm kiếm (subscribe to e-mail alerts for a search)")
            .WithDescription("Body {email, q, filters: {name: value}, frequency: immediate|daily|weekly, language: vi|en, formToken, website}. " +
                "q and filters are those of GET /api/v1/tasks (the same names, values and errors; several values of one filter comma-separated). " +
                "formToken comes from GET /api/v1/forms/token?purpose=alert and website (the honeypot) must stay empty. " +
                "Answers 202: a confirmation mail is queued, and nothing is sent for the search until its link is opened and confirmed (double opt-in); " +
                "unconfirmed subscriptions and their addresses are deleted after Registry:Alerts:ConfirmationDays. " +
                "429 when the address already received Registry:Alerts:MaxConfirmationsPerDay confirmation mails in 24 hours, or the client sent too many forms. " +
                "Every alert carries a one-click unsubscribe link (RFC 8058).")
            .Accepts<AlertSubscriptionRequest>("application/json")
            .Produces<AlertSubscriptionAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .NeverCached();
        return alerts;
    }

    private static async Task<Results<Accepted<AlertSubscriptionAccepted>, ProblemHttpResult>> Subscribe(
        JsonBody<AlertSubscriptionRequest> body, FormGuard guard, AlertSubscriptions alerts, HttpContext http, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var request = body.Value!;
        var search = new List<KeyValuePair<string, string?>>();
        if (request.Q is not null) search.Add(KeyValuePair.Create("q", (string?)request.Q));
        foreach (var (name, value) in request.Filters ?? new Dictionary<string, string>())
        {
            if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
                return ApiProblems.Validation("filters.q", "Đặt văn bản tìm kiếm vào q, không phải trong filters (put the search text in q, not in filters)");
            search.Add(KeyValuePair.Create(name, (string?)value));
        }
        var input = new SubscribeInput(request.Email, search, request.Frequency, request.Language);
        var errors = AlertSubscriptions.Validate(input, out _, out _, out _);
        if (errors.Count > 0) return ApiProblems.Validation(errors);
        var check = await guard.CheckAsync(FormPurpose.Alert, request.FormToken, request.Website, http.Connection.RemoteIpAddress, ct);
        if (check.Problem is { } refused) return refused;
        var result = await alerts.SubscribeAsync(input, ct);
        if (result.TooMany)
        {
            var max = alerts.Options.MaxConfirmationsPerDay;
            return ApiProblems.Create(ProblemKind.TooManyRequests,
                $"Địa chỉ này đã nhận {max} thư xác nhận trong 24 giờ qua; hãy dùng thư đã nhận hoặc thử lại sau (this address already received {max} confirmation mails in the last 24 hours; use one of them or try later)",
                new Dictionary<string, object?> { ["retryAfterSeconds"] = 24 * 3600 });
        }
        return TypedResults.Accepted((string?)null, new AlertSubscriptionAccepted("pendingConfirmation",
            "Đã gửi thư xác nhận; thông báo chỉ bắt đầu sau khi bạn xác nhận (a confirmation mail is on its way; alerts start once you confirm)"));
    }
}

/// <param name="Email">Where alerts go; one address.</param>
/// <param name="Q">The search text, as q of GET /api/v1/tasks.</param>
/// <param name="Filters">Filters of GET /api/v1/tasks by name (field, level, kind, status, yearFrom, …).</param>
/// <param name="Frequency">immediate (default), daily or weekly.</param>
/// <param name="Language">vi (default) or en.</param>
/// <param name="FormToken">From GET /api/v1/forms/token?purpose=alert.</param>
/// <param name="Website">Honeypot: leave empty.</param>
public sealed record AlertSubscriptionRequest(string? Email, string? Q, IReadOnlyDictionary<string, string>? Filters, string? Frequency,
    string? Language, string? FormToken, string? Website);

/// <param name="Status">Always pendingConfirmation: nothing is sent for the search before the address confirms.</param>
public sealed record AlertSubscriptionAccepted(string Status, string Message);
