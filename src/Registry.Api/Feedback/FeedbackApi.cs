using Registry.Api.Auth;
using Registry.Api.Feedback;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Tasks;
using Registry.Data.Feedback;

namespace Microsoft.AspNetCore.Builder;

/// <summary>POST /feedback (public, spam-guarded); the curators' moderation under /feedback; GET /tasks/{id}/feedback.</summary>
public static class FeedbackApi
{
    public const string Tag = "Feedback";

    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder v1)
    {
        var feedback = v1.MapGroup("/feedback").WithTags(Tag);

        feedback.MapPost("/", FeedbackHandlers.Submit)
            .WithName("SubmitFeedback")
            .WithSummary("Gửi góp ý về một nhiệm vụ hoặc về cơ sở dữ liệu (send feedback on a task or on the registry)")
            .WithDescription("No key needed. Body {task?, message, name?, email?, consent, language?, formToken, website}: task is a published task's id (omit it for feedback on the registry as a whole); " +
                $"message is plain text, {FeedbackLimits.MinMessage}–{FeedbackLimits.Message} characters, no HTML, at most {FeedbackLimits.MaxLinks} links. Name and e-mail are optional, never public, " +
                $"need consent=true (consent text version {FeedbackConsent.Version}, Decree 13/2023/NĐ-CP) and are erased after the configured retention period. " +
                "formToken comes from GET /api/v1/forms/token?purpose=feedback (single use, not before its notBefore); website is a honeypot and must stay empty. " +
                "Answers 202 with the feedback id: nothing is public until a curator approves it. Too many submissions from one address answer 429 with Retry-After; a withdrawn task 410.")
            .Accepts<FeedbackSubmitRequest>("application/json")
            .Produces<FeedbackSubmitResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .NeverCached()
            .RejectUnknownQueryParameters();

        var curators = feedback.MapGroup("").RequireAuthorization(RegistryRoles.CuratorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        curators.MapGet("/", FeedbackHandlers.List)
            .WithName("ListFeedback")
            .WithSummary("Góp ý cần duyệt và đã xử lý (feedback for moderation)")
            .WithDescription("Curators only. status=pending is the moderation queue, oldest first; approved, rejected or no status list newest first; task=t… filters by task. " +
                "Each item carries the sender's name and e-mail when given and not yet erased: never cached, never public.")
            .Produces<FeedbackListResponse>()
            .ProducesValidationProblem()
            .NeverCached()
            .RejectUnknownQueryParameters();

        curators.MapGet("/{id}", FeedbackHandlers.Get)
            .WithName("GetFeedback")
            .WithSummary("Một góp ý, kèm dữ liệu cá nhân nếu có (one feedback item, with personal data)")
            .WithDescription("Curators only; with the ETag to send as If-Match on a decision. Never cached.")
            .Produces<FeedbackRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .NeverCached()
            .RejectUnknownQueryParameters();

        curators.MapPost("/{id}/approve", FeedbackHandlers.Approve)
            .WithName("ApproveFeedback")
            .WithSummary("Duyệt góp ý để công bố (approve feedback for publication)")
            .WithDescription("Publishes the feedback on its task's page, the task's feedback feed and GET /api/v1/tasks/{id}/feedback (the registry-wide page for feedback without a task). " +
                "If-Match is optional; when given and stale the answer is 412. Approving approved feedback answers outcome \"unchanged\". Audited.")
            .Produces<FeedbackDecisionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .NeverCached();

        curators.MapPost("/{id}/reject", FeedbackHandlers.Reject)
            .WithName("RejectFeedback")
            .WithSummary("Không duyệt góp ý (reject feedback)")
            .WithDescription($"Body {{reason?}} (curator-only, up to {FeedbackLimits.Reason} characters). Approved feedback rejected later leaves the public pages. If-Match optional (412 when stale). Audited.")
            .Accepts<FeedbackRejectRequest>("application/json")
            .Produces<FeedbackDecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .NeverCached();

        curators.MapPost("/{id}/reply", FeedbackHandlers.Reply)
            .WithName("ReplyToFeedback")
            .WithSummary("Trả lời chính thức một góp ý (official reply to feedback)")
            .WithDescription($"Body {{text, approve?}}: the Department's reply (up to {FeedbackLimits.Reply} characters), public with the feedback. " +
                "Feedback must be approved, or send approve=true to approve it with the reply (400 otherwise). Replacing a reply is allowed and audited. If-Match optional (412 when stale).")
            .Accepts<FeedbackReplyRequest>("application/json")
            .Produces<FeedbackDecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .NeverCached();

        curators.MapPost("/{id}/erase", FeedbackHandlers.Erase)
            .WithName("EraseFeedbackPersonalData")
            .WithSummary("Xóa họ tên và thư điện tử của người gửi theo yêu cầu (erase the sender's personal data on request)")
            .WithDescription("For a sender who withdraws consent or asks for deletion (Decree 13/2023/NĐ-CP): erases name and e-mail now; the message and any decision stay. Audited without the erased values.")
            .Produces<FeedbackDecisionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .NeverCached();

        v1.MapGet("/tasks/{id}/feedback", FeedbackHandlers.ForTask)
            .WithTags(Tag)
            .WithName("GetTaskFeedback")
            .WithSummary("Góp ý đã duyệt về một nhiệm vụ và trả lời chính thức (approved feedback on a task with the official replies)")
            .WithDescription("Approved feedback only, oldest first, each with the Department's reply when there is one. Never the sender's name or e-mail. 404 for an unknown or draft task, 410 for a withdrawn one.")
            .Produces<TaskFeedbackResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();
        return feedback;
    }

    /// <summary>A task's feedback feed, beside the other feeds.</summary>
    public static IEndpointRouteBuilder MapFeedbackFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/tasks/{id}/feedback.atom", FeedbackFeed.Atom).WithTags(FeedsApi.Tag).WithName("TaskFeedbackAtomFeed")
            .WithSummary("Atom feed góp ý đã duyệt của một nhiệm vụ (Atom feed of a task's approved feedback)")
            .WithDescription("The task's approved feedback with the official replies, latest change first. Supports If-None-Match / If-Modified-Since. 404 / 410 as for the task.")
            .Produces(StatusCodes.Status200OK, contentType: FeedMediaTypes.Atom)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .AnswersConditionalGet(modifiedSince: true)
            .RejectUnknownQueryParameters();
        return app;
    }
}
