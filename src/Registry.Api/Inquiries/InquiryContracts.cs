using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Catalog;
using Registry.Data.Inquiries;

namespace Registry.Api.Inquiries;

/// <summary>Body of POST /tasks/{id}/inquiries: the business's inquiry plus the form's spam defences.</summary>
public sealed record InquiryRequest
{
    /// <summary>From GET /api/v1/forms/token?purpose=inquiry, sent back unchanged; single use.</summary>
    public string? FormToken { get; init; }
    /// <summary>The honeypot: must be absent or empty.</summary>
    public string? Website { get; init; }
    /// <summary>The business or organisation asking (one line, at most 300 characters). Required.</summary>
    public string? Organization { get; init; }
    /// <summary>The person to answer (one line, at most 200 characters). Required.</summary>
    public string? ContactName { get; init; }
    /// <summary>One bare address; the host replies to it. Required.</summary>
    public string? ContactEmail { get; init; }
    /// <summary>Digits, spaces and + - . ( ); optional.</summary>
    public string? Phone { get; init; }
    /// <summary>What the business needs, 20–4000 characters, line breaks kept. Required.</summary>
    public string? Need { get; init; }
    /// <summary>Index (from 0) in the task's outputs of the transferable output asked about; optional.</summary>
    public int? Output { get; init; }
    /// <summary>Must be true: consent to passing the contact details to the host (Decree 13/2023/NĐ-CP).</summary>
    public bool? Consent { get; init; }

    public InquiryInput ToInput() => new()
    {
        Organization = Organization, ContactName = ContactName, ContactEmail = ContactEmail, Phone = Phone, Need = Need, Output = Output, Consent = Consent,
    };
}

/// <summary>What happens next, in words; the id to quote when writing to the Department.</summary>
/// <param name="Status">relayed (passed to the host) or awaitingContact (the Department forwards it).</param>
public sealed record InquiryAcceptedResponse(string Id, InquiryStatus Status, string Message, string ConsentVersion);

/// <summary>Query of GET /inquiries.</summary>
public sealed record InquiryListQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "status")]
    [Description("relayed, awaitingContact, answered or closed.")]
    public string? Status { get; init; }

    [FromQuery(Name = "task")]
    [Description("A task's public id (t…).")]
    public string? Task { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Inquiries per page, 1–200 (default 25).")]
    public int? PageSize { get; init; }
}

public sealed record InquiryListResponse(CatalogListMeta Meta, IReadOnlyList<InquirySummary> Results);

/// <summary>Body of POST /inquiries/{id}/status.</summary>
public sealed record InquiryStatusRequest
{
    /// <summary>answered or closed.</summary>
    public InquiryStatus? Status { get; init; }
    /// <summary>What was done, for the log (at most 2000 characters).</summary>
    public string? Note { get; init; }
}

public sealed record InquiryWriteResponse(string Outcome, string Message, InquiryRecord Inquiry);

/// <summary>Body of PUT /organizations/{id}/contact.</summary>
public sealed record OrganizationContactRequest
{
    /// <summary>One bare address; null or empty clears the contact.</summary>
    public string? Email { get; init; }
}

/// <summary>GET /stats/inquiries: counts only.</summary>
public sealed record InquiryStatisticsResponse(int Total, IReadOnlyDictionary<string, int> ByStatus, int Relayed, int TasksWithInquiries,
    IReadOnlyList<InquiryYearCount> ByYear);
