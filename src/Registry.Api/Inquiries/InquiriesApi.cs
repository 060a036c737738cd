using Registry.Api.Auth;
using Registry.Api.Http;
using Registry.Api.Inquiries;
using Registry.Data.Inquiries;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Technology-transfer inquiries: the public POST on a task, the curators' log and status, the host organizations'
/// curator-only contact, and public counts.
/// </summary>
public static class InquiriesApi
{
    public const string Tag = "Inquiries";

    public static IEndpointRouteBuilder MapInquiriesApi(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/tasks/{id}/inquiries", InquiryHandlers.Submit)
            .WithTags(Tag)
            .WithName("SubmitInquiry")
            .WithSummary("Gửi yêu cầu chuyển giao công nghệ (send a technology-transfer inquiry)")
            .WithDescription("No key. For a published task with at least one output marked transferable. Body {formToken, website, organization, contactName, contactEmail, phone, need, output, consent}: " +
                "formToken from GET /api/v1/forms/token?purpose=inquiry (single use, sent no sooner than its notBefore), website is the honeypot and must stay empty, " +
                "output is the index (from 0) of a transferable output in the task's outputs, consent must be true (Decree 13/2023/NĐ-CP: the contact details go to the task's host). " +
                $"One-line fields refuse line breaks and control characters; need is {InquiryLimits.NeedMin}–{InquiryLimits.Need} characters; the body is at most {InquiryHandlers.MaxBodyBytes / 1024} KB. " +
                "The service relays the inquiry by e-mail to the host's contact (which stays curator-only), replying to contactEmail, and answers 202 with the inquiry id and status " +
                "relayed or awaitingContact (the Department forwards it). Field errors answer 400 without using up the token; the per-address limit answers 429. " +
                "404 for an unknown or draft task, 410 for a withdrawn one, 400 (path task) when the task has no transferable output.")
            .Accepts<InquiryRequest>("application/json")
            .Produces<InquiryAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .NeverCached()
            .RejectUnknownQueryParameters();

        v1.MapGet("/stats/inquiries", InquiryHandlers.Statistics)
            .WithTags(Tag, Registry.Api.Catalog.StatisticsApi.Tag)
            .WithName("GetInquiryStatistics")
            .WithSummary("Thống kê yêu cầu chuyển giao công nghệ (technology-transfer inquiry counts)")
            .WithDescription("Counts only, never a name or an address: total, byStatus (relayed, awaitingContact, answered, closed), relayed (ever passed to a host), tasksWithInquiries, and byYear (Vietnam time) with how many of each year were relayed.")
            .Produces<InquiryStatisticsResponse>()
            .NeverCached()
            .RejectUnknownQueryParameters();

        var inquiries = v1.MapGroup("/inquiries").WithTags(Tag);
        inquiries.MapGet("/", InquiryHandlers.List)
            .WithName("ListInquiries")
            .WithSummary("Sổ yêu cầu chuyển giao công nghệ (the inquiry log, curators)")
            .WithDescription("Curator key. Newest first, cursor paging (pageSize 1–200, default 25), filters status (relayed, awaitingContact, answered, closed) and task (t…). " +
                "Each line: id, taskId, taskCode, organization, status, route (hostContact, principalInvestigator, departmentMailbox, none: which kind of address, never the address), createdAt, relayedAt, updatedAt, personalDataErased.")
            .Produces<InquiryListResponse>()
            .CuratorOnly(StatusCodes.Status400BadRequest);

        inquiries.MapGet("/{id}", InquiryHandlers.Get)
            .WithName("GetInquiry")
            .WithSummary("Một yêu cầu chuyển giao (one inquiry, curators)")
            .WithDescription("Curator key. The inquiry with the business's contact (until erased after Registry:Inquiries:PersonalDataRetentionDays), its need, consent version and time, status and note, route, and relay: the relay mail's queue time, sent time, attempts and last error.")
            .Produces<InquiryRecord>()
            .CuratorOnly(StatusCodes.Status404NotFound);

        inquiries.MapPost("/{id}/status", InquiryHandlers.SetStatus)
            .WithName("SetInquiryStatus")
            .WithSummary("Cập nhật tình trạng yêu cầu (set an inquiry's status, curators)")
            .WithDescription("Curator key. Body {status: answered|closed, note}. A closed inquiry stays closed. Audited (who, when, status and note before and after).")
            .Accepts<InquiryStatusRequest>("application/json")
            .Produces<InquiryWriteResponse>()
            .CuratorOnly(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);

        inquiries.MapPost("/{id}/relay", InquiryHandlers.Relay)
            .WithName("RelayInquiry")
            .WithSummary("Chuyển tiếp yêu cầu đang chờ địa chỉ (relay an inquiry awaiting a contact, curators)")
            .WithDescription("Curator key. For an inquiry with status awaitingContact, once an address exists (PUT /organizations/{id}/contact, the principal investigator's e-mail, or Registry:Inquiries:FallbackAddress): queues the relay and sets status relayed. Audited.")
            .Produces<InquiryWriteResponse>()
            .CuratorOnly(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var contacts = v1.MapGroup("/organizations/{id}/contact").WithTags(Tag);
        contacts.MapGet("/", InquiryHandlers.GetContact)
            .WithName("GetOrganizationContact")
            .WithSummary("Địa chỉ liên hệ chuyển giao của tổ chức chủ trì (a host organization's inquiry contact, curators)")
            .WithDescription("Curator key. {organizationId, organizationName, email, updatedAt, updatedBy}; email null when none is recorded. Never shown without a key.")
            .Produces<OrganizationContactView>()
            .CuratorOnly(StatusCodes.Status404NotFound);

        contacts.MapPut("/", InquiryHandlers.SetContact)
            .WithName("SetOrganizationContact")
            .WithSummary("Ghi địa chỉ liên hệ chuyển giao của tổ chức chủ trì (set a host organization's inquiry contact, curators)")
            .WithDescription("Curator key. Body {email}: one bare address, or null/empty to clear it. Inquiries about this organization's tasks are relayed to it first. Audited.")
            .Accepts<OrganizationContactRequest>("application/json")
            .Produces<OrganizationContactView>()
            .CuratorOnly(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        return v1;
    }

    /// <summary>Curator key required; never cached; unknown query parameters refused.</summary>
    private static RouteHandlerBuilder CuratorOnly(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.WriteProblems(statuses).NeverCached().RejectUnknownQueryParameters();
}
