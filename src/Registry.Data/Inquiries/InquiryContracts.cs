using System.ComponentModel.DataAnnotations;
using Registry.Data.Abstractions;

namespace Registry.Data.Inquiries;

/// <summary>Where an inquiry stands. Curators move it on with a note; every move is audited.</summary>
public enum InquiryStatus
{
    /// <summary>The relay to the host's contact is queued (its delivery is shown in <see cref="InquiryRecord.Relay"/>).</summary>
    Relayed,
    /// <summary>No address to relay to: the Department forwards it once a contact is recorded.</summary>
    AwaitingContact,
    /// <summary>The host answered the business (a curator records it).</summary>
    Answered,
    /// <summary>Nothing more to do (answered elsewhere, spam, withdrawn by the business).</summary>
    Closed,
}

/// <summary>Which address an inquiry was relayed to, by kind (the address itself is never logged with the inquiry).</summary>
public enum InquiryRoute
{
    /// <summary>The host organization's contact address recorded by curators.</summary>
    HostContact,
    /// <summary>The principal investigator's e-mail (curator-only field of the task).</summary>
    PrincipalInvestigator,
    /// <summary>The Department's mailbox, <c>Registry:Inquiries:FallbackAddress</c>.</summary>
    DepartmentMailbox,
    /// <summary>No address at all: status <see cref="InquiryStatus.AwaitingContact"/>.</summary>
    None,
}

/// <summary>Limits of an inquiry's fields, shared by the validator, the columns and the form.</summary>
public static class InquiryLimits
{
    public const int OrganizationName = TextLimits.ShortText;
    public const int ContactName = TextLimits.PersonName;
    public const int Phone = TextLimits.Phone;
    public const int NeedMin = 20;
    public const int Need = 4000;
    public const int StatusNote = 2000;
}

/// <summary>
/// The consent a business gives with its inquiry (Decree 13/2023/NĐ-CP on personal data protection): its contact
/// details go to the host of the task, for this inquiry only, and are erased after the retention period.
/// </summary>
public static class InquiryConsent
{
    /// <summary>Stored with each inquiry; change it whenever <see cref="TextVi"/> changes.</summary>
    public const string Version = "2026-12-v1";

    public const string TextVi =
        "Tôi đồng ý để Sở Khoa học và Công nghệ tỉnh Phú Thọ chuyển tên tổ chức, họ tên, e-mail, số điện thoại và nội dung yêu cầu này " +
        "đến tổ chức chủ trì nhiệm vụ, chỉ để trả lời yêu cầu này (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). " +
        "Họ tên, e-mail và số điện thoại được xoá sau thời hạn lưu trữ; tôi có thể đề nghị xoá sớm hơn bằng cách trả lời thư xác nhận.";

    public const string TextEn =
        "I agree that the Phú Thọ Department of Science and Technology passes my organisation's name, my name, e-mail, phone and this " +
        "request to the task's host organization, only to answer this request (Decree 13/2023 on personal data protection). " +
        "Name, e-mail and phone are erased after the retention period; I may ask for earlier erasure by replying to the acknowledgement.";
}

/// <summary>What a business sends (REST body, web form).</summary>
public sealed record InquiryInput
{
    /// <summary>The business or organisation asking, required.</summary>
    public string? Organization { get; init; }
    /// <summary>The person to answer, required.</summary>
    public string? ContactName { get; init; }
    /// <summary>Where the host replies (Reply-To of the relayed mail), required.</summary>
    public string? ContactEmail { get; init; }
    public string? Phone { get; init; }
    /// <summary>What the business needs from the result, plain text.</summary>
    public string? Need { get; init; }
    /// <summary>Index in the task's <c>outputs</c> (from 0) of the transferable output asked about; optional.</summary>
    public int? Output { get; init; }
    /// <summary>Must be true: the consent of <see cref="InquiryConsent"/>.</summary>
    public bool? Consent { get; init; }
}

/// <param name="TaskUrl">The task's public page, put in the mails; null leaves the link out.</param>
/// <param name="ClientLanguage">"vi" or "en": the language the acknowledgement leads with.</param>
public sealed record InquiryContext(string? TaskUrl, string ClientLanguage = "vi");

public enum InquirySubmitStatus
{
    Accepted,
    Invalid,
    /// <summary>Unknown or draft task (drafts are not public).</summary>
    TaskNotFound,
    /// <summary>The task was withdrawn.</summary>
    TaskGone,
    /// <summary>The task has no transferable output.</summary>
    NotTransferable,
}

public sealed record InquirySubmission(InquirySubmitStatus Status, string? Id = null, InquiryStatus? InquiryStatus = null,
    IReadOnlyList<FieldError>? Errors = null);

/// <summary>The relay mail's delivery as the mail queue knows it.</summary>
public sealed record InquiryRelayView(DateTimeOffset QueuedAt, DateTimeOffset? SentAt, DateTimeOffset? GaveUpAt, int Attempts, string? LastError);

/// <summary>One inquiry as curators see it (never public).</summary>
public sealed record InquiryRecord
{
    public required string Id { get; init; }
    public required string TaskId { get; init; }
    public string? TaskCode { get; init; }
    public string? TaskTitle { get; init; }
    public int? Output { get; init; }
    public string? OutputTitle { get; init; }
    public required string Organization { get; init; }
    /// <summary>Null once erased (<see cref="PersonalDataErasedAt"/>).</summary>
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? Phone { get; init; }
    /// <summary>Null once erased with the contact details.</summary>
    public string? Need { get; init; }
    public required string ConsentVersion { get; init; }
    public DateTimeOffset ConsentedAt { get; init; }
    public InquiryStatus Status { get; init; }
    public InquiryRoute Route { get; init; }
    public string? StatusNote { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RelayedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
    /// <summary>The relay mail, null when none was queued (awaiting a contact).</summary>
    public InquiryRelayView? Relay { get; init; }
}

/// <summary>One line of the curators' inquiry log.</summary>
public sealed record InquirySummary(string Id, string TaskId, string? TaskCode, string Organization, InquiryStatus Status, InquiryRoute Route,
    DateTimeOffset CreatedAt, DateTimeOffset? RelayedAt, DateTimeOffset UpdatedAt, bool PersonalDataErased);

public sealed record InquiryPage(IReadOnlyList<InquirySummary> Results, string? NextCursor, int Count);

public sealed record InquiryWriteResult(WriteStatus Status, InquiryRecord? Inquiry = null, IReadOnlyList<FieldError>? Errors = null)
{
    public bool Succeeded => Status is WriteStatus.Ok or WriteStatus.Unchanged;
}

/// <summary>Public figures: counts only, never a name or an address.</summary>
public sealed record InquiryStatistics(int Total, IReadOnlyDictionary<string, int> ByStatus, int Relayed, int TasksWithInquiries,
    IReadOnlyList<InquiryYearCount> ByYear);

/// <param name="Year">Calendar year in Vietnam time of the inquiries' arrival.</param>
public sealed record InquiryYearCount(int Year, int Count, int Relayed);

/// <summary>A host organization's contact for inquiries (curator-only).</summary>
public sealed record OrganizationContactView(string OrganizationId, string OrganizationName, string? Email, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary><c>Registry:Inquiries</c>.</summary>
public sealed class InquiryOptions
{
    public const string Section = "Registry:Inquiries";

    /// <summary>The Department's mailbox, used when neither the host nor the principal investigator has an address.</summary>
    public string? FallbackAddress { get; set; }

    /// <summary>Days after arrival when the business's contact name, e-mail and phone are erased.</summary>
    [Range(1, 3650)]
    public int PersonalDataRetentionDays { get; set; } = 365;

    /// <summary>Whether the business gets an acknowledgement (never naming the host's address).</summary>
    public bool SendAcknowledgement { get; set; } = true;
}
