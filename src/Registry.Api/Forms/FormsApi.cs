using Registry.Api.Forms;
using Registry.Api.Http;
using Registry.Api.Problems;

namespace Microsoft.AspNetCore.Builder;

/// <summary>GET /forms/token: the signed token every public form (feedback, inquiry, alert subscription) sends back.</summary>
public static class FormsApi
{
    public const string Tag = "Forms";

    public static RouteGroupBuilder MapFormsApi(this IEndpointRouteBuilder v1)
    {
        var forms = v1.MapGroup("/forms").WithTags(Tag);
        forms.MapGet("/token", Token)
            .WithName("GetFormToken")
            .WithSummary("Mã biểu mẫu cho góp ý, yêu cầu chuyển giao và đăng ký nhận tin (form token for feedback, inquiries and alert subscriptions)")
            .WithDescription("A signed, single-use token for one purpose (purpose=feedback|inquiry|alert). Send it back as formToken with the submission, " +
                "no sooner than notBefore (minimum fill time) and before expiresAt, and leave the honeypot field (named in honeypotField) empty. " +
                "Submissions are also limited per client address. Never cached (Cache-Control: no-store).")
            .Produces<FormTokenResponse>()
            .ProducesValidationProblem()
            .NeverCached()
            .RejectUnknownQueryParameters();
        return forms;
    }

    private static IResult Token(string? purpose, FormGuard guard, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!TryPurpose(purpose, out var kind))
        {
            return ApiProblems.Validation("purpose",
                "Hãy chọn purpose là feedback, inquiry hoặc alert (purpose must be feedback, inquiry or alert)");
        }
        var issued = guard.Issue(kind);
        return TypedResults.Ok(new FormTokenResponse(issued.Token, issued.NotBefore, issued.ExpiresAt, issued.HoneypotField));
    }

    private static bool TryPurpose(string? text, out FormPurpose purpose)
    {
        purpose = default;
        switch (text)
        {
            case "feedback": purpose = FormPurpose.Feedback; return true;
            case "inquiry": purpose = FormPurpose.Inquiry; return true;
            case "alert": purpose = FormPurpose.Alert; return true;
            default: return false;
        }
    }
}

/// <param name="Token">Send back unchanged as <c>formToken</c>.</param>
/// <param name="NotBefore">Submissions sent before this are refused (minimum fill time).</param>
/// <param name="HoneypotField">A field people never see; a submission that fills it is refused.</param>
public sealed record FormTokenResponse(string Token, DateTimeOffset NotBefore, DateTimeOffset ExpiresAt, string HoneypotField);
