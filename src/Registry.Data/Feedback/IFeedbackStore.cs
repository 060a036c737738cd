using Registry.Data.Abstractions;

namespace Registry.Data.Feedback;

/// <summary>
/// Public feedback and its moderation. A submission stores the feedback as pending; each curator decision commits the
/// change and its audit entry (never with the sender's name or e-mail) in one transaction.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Validates and stores a submission as pending; the task must be published.</summary>
    Task<FeedbackSubmitResult> SubmitAsync(FeedbackSubmission submission, CancellationToken ct = default);

    /// <summary>Curator view with personal data; null when unknown.</summary>
    Task<FeedbackRecord?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Curator list, by opaque cursor: pending oldest first (the queue), other statuses and "all" newest first.
    /// <paramref name="task"/> filters by the task's public id.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<FeedbackPage> ListAsync(FeedbackStatus? status, string? task, string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>Approved feedback on a task (or, with null, on the registry as a whole), oldest first, public view.</summary>
    Task<IReadOnlyList<PublicFeedback>> ListApprovedAsync(string? task, int max, CancellationToken ct = default);

    /// <summary>Publishes it (with the reply, if any). The same decision twice answers Unchanged and writes nothing.</summary>
    Task<FeedbackWriteResult> ApproveAsync(string id, long? expectedVersion, Actor actor, CancellationToken ct = default);

    /// <summary>Refuses it, with a curator-only reason; approved feedback is taken off the public pages.</summary>
    Task<FeedbackWriteResult> RejectAsync(string id, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default);

    /// <summary>Writes (or replaces) the official reply, and approves the feedback too when <paramref name="approve"/>.</summary>
    Task<FeedbackWriteResult> ReplyAsync(string id, string? text, bool approve, long? expectedVersion, Actor actor, CancellationToken ct = default);

    /// <summary>Erases the sender's name and e-mail now (the sender withdrew consent or asked for deletion).</summary>
    Task<FeedbackWriteResult> ErasePersonalDataAsync(string id, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// The retention rule: feedback sent before <paramref name="cutoff"/> loses its name and e-mail when approved and
    /// is deleted whole when pending or rejected. Each change is audited.
    /// </summary>
    Task<FeedbackSweep> SweepAsync(DateTimeOffset cutoff, CancellationToken ct = default);
}
