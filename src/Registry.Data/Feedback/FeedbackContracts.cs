using System.Text.Json.Serialization;
using Registry.Data.Abstractions;

namespace Registry.Data.Feedback;

/// <summary>Limits of feedback, shared by the validator and the column definitions.</summary>
public static class FeedbackLimits
{
    public const int MinMessage = 10;
    public const int Message = 4000;
    public const int Name = 200;
    public const int Reason = 1000;
    public const int Reply = 4000;
    /// <summary>More links than this in one message is what spam looks like, not feedback.</summary>
    public const int MaxLinks = 3;
}

/// <summary>Where curators' moderation has got to.</summary>
public enum FeedbackStatus
{
    /// <summary>Chờ duyệt: sent, not yet seen by a curator; never public.</summary>
    Pending,
    /// <summary>Đã duyệt: public on the task page, in its feed and the API, with the official reply if any.</summary>
    Approved,
    /// <summary>Không duyệt: never public; the reason stays with curators.</summary>
    Rejected,
}

/// <summary>What a member of the public sends (the form or <c>POST /api/v1/feedback</c>, less the spam-defence fields).</summary>
public sealed record FeedbackSubmission
{
    /// <summary>The published task (t…) the feedback is about; absent for feedback on the registry as a whole.</summary>
    public string? Task { get; init; }
    /// <summary>The feedback itself, plain text, 10–4000 characters, no HTML.</summary>
    public string? Message { get; init; }
    /// <summary>Optional; only with consent.</summary>
    public string? Name { get; init; }
    /// <summary>Optional, to receive an answer; only with consent.</summary>
    public string? Email { get; init; }
    /// <summary>Required (true) when a name or e-mail is given: the sender agrees to <see cref="FeedbackConsent"/>.</summary>
    public bool Consent { get; init; }
    /// <summary>"vi" (default) or "en".</summary>
    public string? Language { get; init; }
}

/// <summary>The Department's official reply as the public sees it.</summary>
public sealed record FeedbackReply(string Text, DateTimeOffset RepliedAt);

/// <summary>Approved feedback as anyone may see it: no name, no e-mail, nothing about moderation.</summary>
/// <param name="Task">The task's public id, or null for feedback on the registry as a whole.</param>
public sealed record PublicFeedback(string Id, string? Task, string Message, string Language, DateTimeOffset CreatedAt,
    DateTimeOffset ApprovedAt, FeedbackReply? Reply);

/// <summary>Feedback as curators see it, personal data included. Never cached, never public.</summary>
public sealed record FeedbackRecord(
    string Id,
    string? Task,
    string Message,
    string Language,
    FeedbackStatus Status,
    string? Name,
    string? Email,
    string? ConsentVersion,
    DateTimeOffset? ConsentAt,
    string? RejectReason,
    string? Reply,
    DateTimeOffset? RepliedAt,
    string? RepliedBy,
    DateTimeOffset? ModeratedAt,
    string? ModeratedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PersonalDataErasedAt)
{
    /// <summary>Increments on every decision; the REST ETag is derived from it.</summary>
    [JsonIgnore]
    public long Version { get; init; }
}

public sealed record FeedbackPage(IReadOnlyList<FeedbackRecord> Results, string? NextCursor, int Count);

/// <summary>What a submission did: <see cref="Id"/> when stored, else the errors (or <see cref="TaskGone"/>).</summary>
public sealed record FeedbackSubmitResult(string? Id, IReadOnlyList<FieldError>? Errors = null, bool TaskGone = false)
{
    public bool Succeeded => Id is not null;
}

/// <summary>What a decision did. <see cref="Feedback"/> is the curator view after the write.</summary>
public sealed record FeedbackWriteResult(WriteStatus Status, FeedbackRecord? Feedback = null, IReadOnlyList<FieldError>? Errors = null)
{
    public bool Succeeded => Status is WriteStatus.Ok or WriteStatus.Unchanged;
}

/// <summary>What one retention sweep did.</summary>
/// <param name="Erased">Approved feedback whose name and e-mail were erased.</param>
/// <param name="Deleted">Pending or rejected feedback deleted whole.</param>
public sealed record FeedbackSweep(int Erased, int Deleted);

/// <summary><c>Registry:Feedback</c>: how long personal data is kept, and how often the sweep runs.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Registry:Feedback";

    /// <summary>
    /// Days after sending when the sender's name and e-mail are erased, and unapproved feedback deleted.
    /// Quoted in the consent text, so a change applies to what the text promises from then on.
    /// </summary>
    public int PersonalDataRetentionDays { get; set; } = 180;

    /// <summary>Minutes between two retention sweeps (one also runs at start).</summary>
    public int SweepIntervalMinutes { get; set; } = 60;
}

/// <summary>Checks <see cref="FeedbackOptions"/> at start with messages naming the setting.</summary>
internal sealed class FeedbackOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<FeedbackOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        var failures = new List<string>();
        if (options.PersonalDataRetentionDays is < 1 or > 3650)
        {
            failures.Add($"Registry:Feedback:PersonalDataRetentionDays must be between 1 and 3650 days (it is {options.PersonalDataRetentionDays})");
        }
        if (options.SweepIntervalMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"Registry:Feedback:SweepIntervalMinutes must be between 1 and 1440 (it is {options.SweepIntervalMinutes})");
        }
        return failures.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
