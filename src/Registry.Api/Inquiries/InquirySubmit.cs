using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Feeds;
using Registry.Api.Forms;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
using Registry.Data.Inquiries;

namespace Registry.Api.Inquiries;

/// <summary>What became of a submission: accepted, field errors to show beside the fields, or another problem.</summary>
public sealed record InquirySubmitOutcome(InquirySubmission? Accepted, IReadOnlyList<FieldError>? FieldErrors, ProblemHttpResult? Problem)
{
    /// <summary>The answer of the REST endpoint for a refusal.</summary>
    public ProblemHttpResult AsProblem() => Problem ?? ApiProblems.Validation(FieldErrors ?? []);
}

/// <summary>
/// The one path a submission takes, from the REST endpoint and from the web form alike: the fields are judged first
/// (nothing stored, the form token kept), then the spam defences (token, minimum fill time, honeypot, per-address
/// limit), then the store (task published, transferable, routing, inquiry and mails in one transaction).
/// </summary>
public static class InquirySubmit
{
    public static async Task<InquirySubmitOutcome> RunAsync(string taskId, InquiryInput input, string? formToken, string? honeypot,
        HttpContext http, IInquiryStore store, FormGuard guard, PublicUrls urls, string language, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(honeypot) || string.IsNullOrWhiteSpace(formToken))
        {
            return Guarded(await guard.CheckAsync(FormPurpose.Inquiry, formToken, honeypot, http.Connection.RemoteIpAddress, ct));
        }
        var errors = store.Check(input);
        if (errors.Count > 0) return new InquirySubmitOutcome(null, errors, null);
        var check = await guard.CheckAsync(FormPurpose.Inquiry, formToken, honeypot, http.Connection.RemoteIpAddress, ct);
        if (!check.Passed) return Guarded(check);

        var url = PublicUrls.TaskPage(urls.Base(http.Request), taskId);
        var submission = await store.SubmitAsync(taskId, input, new InquiryContext(url, language), ct);
        return submission.Status switch
        {
            InquirySubmitStatus.Accepted => new InquirySubmitOutcome(submission, null, null),
            InquirySubmitStatus.Invalid => new InquirySubmitOutcome(null, submission.Errors, null),
            InquirySubmitStatus.TaskNotFound => new InquirySubmitOutcome(null, null, ApiProblems.TaskNotFound(new("với id này", "with this id"))),
            InquirySubmitStatus.TaskGone => new InquirySubmitOutcome(null, null, ApiProblems.Create(ProblemKind.Gone,
                "Nhiệm vụ đã bị rút khỏi cơ sở dữ liệu công khai; không gửi yêu cầu được (the task was withdrawn; it takes no inquiries).")),
            InquirySubmitStatus.NotTransferable => new InquirySubmitOutcome(null, [new FieldError("task", NotTransferableMessage)], null),
            _ => throw new ArgumentOutOfRangeException(nameof(submission), submission.Status, "Unknown submission status"),
        };
    }

    public const string NotTransferableMessage =
        "Nhiệm vụ này không có kết quả nào được ghi là có thể chuyển giao, nên không nhận yêu cầu chuyển giao; hãy tìm nhiệm vụ với bộ lọc transferable=true " +
        "(this task has no output marked transferable, so it takes no technology-transfer inquiries; find tasks with the filter transferable=true)";

    public static string AcceptedMessage(InquiryStatus status) => status == InquiryStatus.AwaitingContact
        ? "Đã nhận yêu cầu. Sở Khoa học và Công nghệ sẽ chuyển yêu cầu đến tổ chức chủ trì, tổ chức chủ trì sẽ trả lời qua e-mail của bạn " +
          "(inquiry received; the Department of Science and Technology will forward it to the host organization, which will answer at your e-mail)."
        : "Đã nhận yêu cầu và chuyển đến tổ chức chủ trì nhiệm vụ; tổ chức chủ trì sẽ trả lời trực tiếp qua e-mail của bạn " +
          "(inquiry received and passed to the task's host organization, which will answer you directly by e-mail).";

    private static InquirySubmitOutcome Guarded(FormCheck check) =>
        check.Passed ? throw new InvalidOperationException("A passed check is not a refusal") : new InquirySubmitOutcome(null, null, check.Problem);
}
