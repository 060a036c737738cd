using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Auth;
using Registry.Api.Catalog;
using Registry.Api.Forms;
using Registry.Api.Http;
using Registry.Api.Problems;
using Registry.Api.Tasks;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Feedback;

namespace Registry.Api.Feedback;

/// <summary>Handlers of the feedback endpoints: the public submission, the curators' moderation, the public list of a task.</summary>
public static class FeedbackHandlers
{
    public const string Accepted =
        "Đã nhận góp ý; góp ý sẽ được biên tập viên xem xét trước khi công bố (feedback received; it awaits moderation before it is published).";

    /// <summary>The most approved feedback a task's public list shows.</summary>
    public const int PublicMax = 500;

    // The body and its task are judged first, then the spam defences (which use up the token), then the store (which
    // checks the task again, in its transaction).
    public static async Task<Results<Accepted<FeedbackSubmitResponse>, ProblemHttpResult>> Submit(
        JsonBody<FeedbackSubmitRequest> body, FormGuard guard, IFeedbackStore store, IPublicCatalog catalog, HttpContext http, CancellationToken ct)
    {
        // Pending feedback changes nothing the public sees: an anonymous POST must not empty the shared cache.
        WriteEviction.MarkReadOnly(http);
        http.Response.Headers.CacheControl = "no-store";
        if (body.Problem is { } problem) return problem;
        var request = body.Value!;
        if (FeedbackRules.Check(request.ToSubmission()) is { Count: > 0 } errors) return ApiProblems.Validation(errors);
        if (!string.IsNullOrEmpty(request.Task))
        {
            switch (await catalog.FindByIdAsync(request.Task.Trim(), ct: ct))
            {
                case PublicTaskLookup.Gone:
                    return FeedbackProblems.TaskGone();
                case PublicTaskLookup.NotFound:
                    return ApiProblems.Validation("task", "Không có nhiệm vụ đã công bố với id này (no published task has this id).");
            }
        }
        var check = await guard.CheckAsync(FormPurpose.Feedback, request.FormToken, request.Website, http.Connection.RemoteIpAddress, ct);
        if (!check.Passed)
        {
            check.ApplyHeaders(http.Response);
            return check.Problem!;
        }
        var result = await store.SubmitAsync(request.ToSubmission(), ct);
        if (result.TaskGone) return FeedbackProblems.TaskGone();
        if (!result.Succeeded) return ApiProblems.Validation(result.Errors ?? []);
        return TypedResults.Accepted((string?)null, new FeedbackSubmitResponse(result.Id!, FeedbackStatus.Pending, Accepted));
    }

    public static async Task<Results<Ok<FeedbackListResponse>, ProblemHttpResult>> List(
        [AsParameters] FeedbackListQuery query, IFeedbackStore store, HttpResponse response, CancellationToken ct)
    {
        // Personal data: no cache anywhere may keep it.
        response.Headers.CacheControl = "no-store";
        if (CatalogProblems.CheckPageSize(query.PageSize, FeedbackListQuery.MaxPageSize) is { } bad) return bad;
        FeedbackStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            if (!TryStatus(query.Status, out var parsed))
            {
                return ApiProblems.Validation("status", "status phải là pending, approved hoặc rejected (status must be pending, approved or rejected).");
            }
            status = parsed;
        }
        if (query.Task is { } task && !PublicIds.IsWellFormed(task, 't'))
        {
            return ApiProblems.Validation("task", "task phải là id nhiệm vụ bắt đầu bằng t (task must be a task id starting with t).");
        }
        var size = query.PageSize ?? FeedbackListQuery.DefaultPageSize;
        try
        {
            var page = await store.ListAsync(status, query.Task, string.IsNullOrEmpty(query.Cursor) ? null : query.Cursor, size, ct);
            return TypedResults.Ok(new FeedbackListResponse(new CatalogListMeta(page.Count, page.NextCursor, size), page.Results));
        }
        catch (FormatException)
        {
            return CatalogProblems.Cursor("cursor");
        }
    }

    public static async Task<Results<Ok<FeedbackRecord>, ProblemHttpResult>> Get(string id, IFeedbackStore store, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        var feedback = await store.FindAsync(id, ct);
        if (feedback is null) return FeedbackProblems.NotFound();
        response.Headers.ETag = ETags.For(feedback.Version);
        return TypedResults.Ok(feedback);
    }

    public static async Task<Results<Ok<FeedbackDecisionResponse>, ProblemHttpResult>> Approve(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, IFeedbackStore store, HttpResponse response, CancellationToken ct)
    {
        var result = await store.ApproveAsync(id, ETags.Parse(ifMatch).ExpectedVersion, RegistryRoles.ActorOf(user)!, ct);
        return Answer(result, response, "approved", "Đã duyệt; góp ý được công bố trên trang nhiệm vụ (approved; the feedback is now public).");
    }

    public static async Task<Results<Ok<FeedbackDecisionResponse>, ProblemHttpResult>> Reject(
        string id, JsonBody<FeedbackRejectRequest> body, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        IFeedbackStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var result = await store.RejectAsync(id, body.Value!.Reason, ETags.Parse(ifMatch).ExpectedVersion, RegistryRoles.ActorOf(user)!, ct);
        return Answer(result, response, "rejected", "Đã không duyệt; góp ý không được công bố (rejected; the feedback is not public).");
    }

    public static async Task<Results<Ok<FeedbackDecisionResponse>, ProblemHttpResult>> Reply(
        string id, JsonBody<FeedbackReplyRequest> body, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        IFeedbackStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var request = body.Value!;
        var result = await store.ReplyAsync(id, request.Text, request.Approve, ETags.Parse(ifMatch).ExpectedVersion, RegistryRoles.ActorOf(user)!, ct);
        return Answer(result, response, "replied", "Đã lưu trả lời chính thức; trả lời được công bố cùng góp ý (official reply saved; it is public with the feedback).");
    }

    public static async Task<Results<Ok<FeedbackDecisionResponse>, ProblemHttpResult>> Erase(
        string id, ClaimsPrincipal user, IFeedbackStore store, HttpResponse response, CancellationToken ct)
    {
        var result = await store.ErasePersonalDataAsync(id, RegistryRoles.ActorOf(user)!, ct);
        return Answer(result, response, "erased", "Đã xóa họ tên và thư điện tử của người gửi (the sender's name and e-mail were erased).");
    }

    /// <summary>GET /tasks/{id}/feedback: approved feedback with replies; 404 for unknown or draft tasks, 410 for withdrawn.</summary>
    public static async Task<Results<Ok<TaskFeedbackResponse>, ProblemHttpResult>> ForTask(
        string id, IPublicCatalog catalog, IFeedbackStore store, CancellationToken ct)
    {
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        var items = await store.ListApprovedAsync(found.Id, PublicMax, ct);
        return TypedResults.Ok(new TaskFeedbackResponse(found.Id, items));
    }

    private static Results<Ok<FeedbackDecisionResponse>, ProblemHttpResult> Answer(FeedbackWriteResult result, HttpResponse response, string outcome, string message)
    {
        response.Headers.CacheControl = "no-store";
        if (result.Feedback is { } current) response.Headers.ETag = ETags.For(current.Version);
        return result.Status switch
        {
            WriteStatus.Ok => TypedResults.Ok(new FeedbackDecisionResponse(outcome, message, result.Feedback!)),
            WriteStatus.Unchanged => TypedResults.Ok(new FeedbackDecisionResponse("unchanged",
                "Không có gì thay đổi; không có gì được ghi (nothing changed; nothing was written).", result.Feedback!)),
            WriteStatus.NotFound => FeedbackProblems.NotFound(),
            WriteStatus.Invalid => ApiProblems.Validation(result.Errors ?? []),
            WriteStatus.VersionMismatch => FeedbackProblems.VersionMismatch(result.Feedback is null ? null : ETags.For(result.Feedback.Version)),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a feedback decision outcome."),
        };
    }

    internal static bool TryStatus(string? text, out FeedbackStatus status)
    {
        switch (text)
        {
            case "pending": status = FeedbackStatus.Pending; return true;
            case "approved": status = FeedbackStatus.Approved; return true;
            case "rejected": status = FeedbackStatus.Rejected; return true;
            default: status = default; return false;
        }
    }
}

/// <summary>The feedback endpoints' problems.</summary>
internal static class FeedbackProblems
{
    public static ProblemHttpResult NotFound() => ApiProblems.Create(ProblemKind.NotFound, "Không có góp ý với id này (no feedback with this id).");

    public static ProblemHttpResult TaskGone() => ApiProblems.Create(ProblemKind.Gone,
        "Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai nên không nhận góp ý (this task was withdrawn and takes no feedback).");

    public static ProblemHttpResult VersionMismatch(string? currentETag) => ApiProblems.Create(ProblemKind.VersionMismatch,
        "Góp ý đã được xử lý sau khi bạn đọc; hãy đọc lại rồi quyết định với If-Match mới " +
        "(the feedback changed since you read it; read it again and retry with the new If-Match).",
        new Dictionary<string, object?> { ["currentETag"] = currentETag });
}
