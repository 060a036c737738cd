using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Auth;
using Registry.Api.Catalog;
using Registry.Api.Feeds;
using Registry.Api.Forms;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
using Registry.Data.Inquiries;
using System.Security.Claims;

namespace Registry.Api.Inquiries;

/// <summary>Handlers of the inquiry endpoints.</summary>
public static class InquiryHandlers
{
    /// <summary>A generous ceiling for one inquiry (the need is at most 4,000 characters).</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static async Task<Results<Accepted<InquiryAcceptedResponse>, ProblemHttpResult>> Submit(
        string id, HttpContext http, IInquiryStore store, FormGuard guard, PublicUrls urls, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.ContentLength > MaxBodyBytes) return TooLarge();
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        var body = await JsonBody<InquiryRequest>.BindAsync(http);
        if (body!.Problem is { } problem) return problem;
        var request = body.Value!;
        var outcome = await InquirySubmit.RunAsync(id, request.ToInput(), request.FormToken, request.Website, http, store, guard, urls, "vi", ct);
        if (outcome.Accepted is not { } accepted) return outcome.AsProblem();
        var status = accepted.InquiryStatus!.Value;
        return TypedResults.Accepted((string?)null,
            new InquiryAcceptedResponse(accepted.Id!, status, InquirySubmit.AcceptedMessage(status), InquiryConsent.Version));
    }

    public static async Task<Results<Ok<InquiryListResponse>, ProblemHttpResult>> List(
        [Microsoft.AspNetCore.Http.AsParameters] InquiryListQuery query, IInquiryStore store, CancellationToken ct)
    {
        if (CatalogProblems.CheckPageSize(query.PageSize, InquiryListQuery.MaxPageSize) is { } bad) return bad;
        InquiryStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            if (!TryStatus(query.Status, out var s))
            {
                return ApiProblems.Validation("status", "status là một trong: relayed, awaitingContact, answered, closed (status is one of: relayed, awaitingContact, answered, closed)");
            }
            status = s;
        }
        if (!string.IsNullOrEmpty(query.Task) && !Registry.Data.PublicIds.IsWellFormed(query.Task, 't'))
        {
            return ApiProblems.Validation("task", "task là id công khai của nhiệm vụ, dạng t… (task is a task's public id, t…)");
        }
        var size = query.PageSize ?? InquiryListQuery.DefaultPageSize;
        try
        {
            var page = await store.ListAsync(status, string.IsNullOrEmpty(query.Task) ? null : query.Task, string.IsNullOrEmpty(query.Cursor) ? null : query.Cursor, size, ct);
            return TypedResults.Ok(new InquiryListResponse(new CatalogListMeta(page.Count, page.NextCursor, size), page.Results));
        }
        catch (FormatException)
        {
            return CatalogProblems.Cursor("cursor");
        }
    }

    public static async Task<Results<Ok<InquiryRecord>, ProblemHttpResult>> Get(string id, IInquiryStore store, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        return await store.FindAsync(id, ct) is { } inquiry ? TypedResults.Ok(inquiry) : NotFound();
    }

    public static async Task<Results<Ok<InquiryWriteResponse>, ProblemHttpResult>> SetStatus(
        string id, JsonBody<InquiryStatusRequest> body, ClaimsPrincipal user, IInquiryStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        if (body.Value!.Status is not { } status) return ApiProblems.Validation("status", "Thiếu status: answered hoặc closed (status is required: answered or closed)");
        var result = await store.SetStatusAsync(id, status, body.Value.Note, RegistryRoles.ActorOf(user)!, ct);
        return Written(result, "Đã cập nhật tình trạng yêu cầu (inquiry status updated).");
    }

    public static async Task<Results<Ok<InquiryWriteResponse>, ProblemHttpResult>> Relay(
        string id, HttpContext http, ClaimsPrincipal user, IInquiryStore store, PublicUrls urls, CancellationToken ct)
    {
        var stored = await store.FindAsync(id, ct);
        var url = stored is null ? null : PublicUrls.TaskPage(urls.Base(http.Request), stored.TaskId);
        var result = await store.RelayAsync(id, url, RegistryRoles.ActorOf(user)!, ct);
        return Written(result, "Đã chuyển yêu cầu đến địa chỉ liên hệ (inquiry relayed to the contact).");
    }

    public static async Task<Results<Ok<OrganizationContactView>, ProblemHttpResult>> GetContact(string id, IInquiryStore store, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        return await store.GetOrganizationContactAsync(id, ct) is { } contact ? TypedResults.Ok(contact) : CatalogProblems.OrganizationNotFound();
    }

    public static async Task<Results<Ok<OrganizationContactView>, ProblemHttpResult>> SetContact(
        string id, JsonBody<OrganizationContactRequest> body, ClaimsPrincipal user, IInquiryStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var (status, contact, errors) = await store.SetOrganizationContactAsync(id, body.Value!.Email, RegistryRoles.ActorOf(user)!, ct);
        return status switch
        {
            WriteStatus.Ok or WriteStatus.Unchanged => TypedResults.Ok(contact!),
            WriteStatus.NotFound => CatalogProblems.OrganizationNotFound(),
            _ => ApiProblems.Validation(errors ?? []),
        };
    }

    public static async Task<Ok<InquiryStatisticsResponse>> Statistics(IInquiryStore store, CancellationToken ct)
    {
        var s = await store.StatisticsAsync(ct);
        return TypedResults.Ok(new InquiryStatisticsResponse(s.Total, s.ByStatus, s.Relayed, s.TasksWithInquiries, s.ByYear));
    }

    public static bool TryStatus(string text, out InquiryStatus status)
    {
        foreach (var value in Enum.GetValues<InquiryStatus>())
        {
            if (string.Equals(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), text, StringComparison.Ordinal))
            {
                status = value;
                return true;
            }
        }
        status = default;
        return false;
    }

    private static Results<Ok<InquiryWriteResponse>, ProblemHttpResult> Written(InquiryWriteResult result, string message) => result.Status switch
    {
        WriteStatus.Ok => TypedResults.Ok(new InquiryWriteResponse("updated", message, result.Inquiry!)),
        WriteStatus.Unchanged => TypedResults.Ok(new InquiryWriteResponse("unchanged", "Không có gì thay đổi (nothing changed).", result.Inquiry!)),
        WriteStatus.NotFound => NotFound(),
        _ => ApiProblems.Validation(result.Errors ?? []),
    };

    private static ProblemHttpResult NotFound() => ApiProblems.Create(ProblemKind.NotFound, "Không có yêu cầu với id này (no inquiry with this id).");

    private static ProblemHttpResult TooLarge() => ApiProblems.Create(ProblemKind.PayloadTooLarge,
        $"Yêu cầu quá lớn: tối đa {MaxBodyBytes / 1024} KB (the inquiry is too large: at most {MaxBodyBytes / 1024} KB).");
}
