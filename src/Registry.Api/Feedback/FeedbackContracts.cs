using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Catalog;
using Registry.Data.Feedback;

namespace Registry.Api.Feedback;

/// <summary>
/// Body of <c>POST /api/v1/feedback</c>: the feedback (<see cref="FeedbackSubmission"/>'s fields) plus the spam
/// defences: <see cref="FormToken"/> from <c>GET /api/v1/forms/token?purpose=feedback</c>, and the honeypot
/// <see cref="Website"/> left empty.
/// </summary>
public sealed record FeedbackSubmitRequest
{
    /// <summary>The published task (t…) the feedback is about; omit it for feedback on the registry as a whole.</summary>
    public string? Task { get; init; }
    /// <summary>Plain text, 10–4000 characters; no HTML, at most 3 links.</summary>
    public string? Message { get; init; }
    /// <summary>Optional; never public. Needs consent.</summary>
    public string? Name { get; init; }
    /// <summary>Optional, for an answer; never public. Needs consent.</summary>
    public string? Email { get; init; }
    /// <summary>True: the sender agrees to the consent text (Decree 13/2023/NĐ-CP); required with a name or e-mail.</summary>
    public bool Consent { get; init; }
    /// <summary>vi (default) or en.</summary>
    public string? Language { get; init; }
    /// <summary>The signed form token; single use, valid from its notBefore until its expiresAt.</summary>
    public string? FormToken { get; init; }
    /// <summary>Honeypot: must be absent or empty.</summary>
    public string? Website { get; init; }

    public FeedbackSubmission ToSubmission() => new()
    {
        Task = Task, Message = Message, Name = Name, Email = Email, Consent = Consent, Language = Language,
    };
}

/// <summary>What the sender is told: the id to quote, and that the feedback awaits moderation.</summary>
/// <param name="Status">Always pending: nothing is public before a curator approves it.</param>
/// <param name="Message">The outcome in Vietnamese, then English.</param>
public sealed record FeedbackSubmitResponse(string Id, FeedbackStatus Status, string Message);

/// <summary>Query of the curators' list.</summary>
public sealed record FeedbackListQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "status")]
    [Description("pending (the queue, oldest first), approved or rejected (newest first); omit for all, newest first.")]
    public string? Status { get; init; }

    [FromQuery(Name = "task")]
    [Description("Only feedback on this task (public id t…).")]
    public string? Task { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Items per page, 1–200 (default 25).")]
    public int? PageSize { get; init; }
}

public sealed record FeedbackListResponse(CatalogListMeta Meta, IReadOnlyList<FeedbackRecord> Results);

/// <summary>Body of <c>/reject</c>.</summary>
public sealed record FeedbackRejectRequest
{
    /// <summary>Why, for the other curators; never public. Optional.</summary>
    public string? Reason { get; init; }
}

/// <summary>Body of <c>/reply</c>.</summary>
public sealed record FeedbackReplyRequest
{
    /// <summary>The Department's official reply, plain text up to 4000 characters; public once the feedback is approved.</summary>
    public string? Text { get; init; }
    /// <summary>True approves pending or rejected feedback together with the reply.</summary>
    public bool Approve { get; init; }
}

/// <summary>What a decision did, in words, and the feedback as it now stands (curator view).</summary>
/// <param name="Outcome">approved, rejected, replied, erased or unchanged.</param>
public sealed record FeedbackDecisionResponse(string Outcome, string Message, FeedbackRecord Feedback);

/// <summary>The approved feedback on one task, oldest first, with the official replies; no personal data.</summary>
public sealed record TaskFeedbackResponse(string Task, IReadOnlyList<PublicFeedback> Results);
