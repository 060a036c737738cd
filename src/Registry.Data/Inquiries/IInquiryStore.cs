using Registry.Data.Abstractions;

namespace Registry.Data.Inquiries;

/// <summary>
/// Technology-transfer inquiries (yêu cầu chuyển giao công nghệ) and the host organizations' contact addresses they
/// are relayed to. Everything here is curator-only except <see cref="SubmitAsync"/> (the public form) and
/// <see cref="StatisticsAsync"/> (counts only).
/// </summary>
public interface IInquiryStore
{
    /// <summary>What is wrong with the fields of <paramref name="input"/> alone (no task looked at); empty when they are fine.</summary>
    IReadOnlyList<FieldError> Check(InquiryInput input);

    /// <summary>
    /// Stores an inquiry about a published task with a transferable output and, in the same transaction, queues its
    /// relay (to the host's contact, else the principal investigator, else the Department's mailbox) and the
    /// acknowledgement to the business. With no address at all the inquiry is kept as awaiting a contact.
    /// </summary>
    Task<InquirySubmission> SubmitAsync(string taskId, InquiryInput input, InquiryContext context, CancellationToken ct = default);

    /// <summary>Newest first; <paramref name="status"/> and <paramref name="taskId"/> filter.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<InquiryPage> ListAsync(InquiryStatus? status, string? taskId, string? cursor, int pageSize, CancellationToken ct = default);

    Task<InquiryRecord?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>Moves an inquiry to <see cref="InquiryStatus.Answered"/> or <see cref="InquiryStatus.Closed"/> with a note; audited.</summary>
    Task<InquiryWriteResult> SetStatusAsync(string id, InquiryStatus status, string? note, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// Relays an inquiry awaiting a contact now that an address exists (the routing order of <see cref="SubmitAsync"/>);
    /// Invalid when it is not awaiting a contact or when there is still no address. Audited.
    /// </summary>
    Task<InquiryWriteResult> RelayAsync(string id, string? taskUrl, Actor actor, CancellationToken ct = default);

    /// <summary>A host organization's contact for inquiries; null when the organization is unknown.</summary>
    Task<OrganizationContactView?> GetOrganizationContactAsync(string organizationId, CancellationToken ct = default);

    /// <summary>Sets (or with null clears) a host organization's contact address; audited. NotFound / Invalid / Ok / Unchanged.</summary>
    Task<(WriteStatus Status, OrganizationContactView? Contact, IReadOnlyList<FieldError>? Errors)> SetOrganizationContactAsync(
        string organizationId, string? email, Actor actor, CancellationToken ct = default);

    /// <summary>Counts for the public statistics: no name, no address.</summary>
    Task<InquiryStatistics> StatisticsAsync(CancellationToken ct = default);

    /// <summary>
    /// Erases contact name, e-mail, phone and need of inquiries older than the retention period, and the bodies and
    /// reply-to of their finished mails. Returns how many inquiries were erased.
    /// </summary>
    Task<int> ErasePersonalDataAsync(CancellationToken ct = default);
}
