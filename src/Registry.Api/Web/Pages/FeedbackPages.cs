using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Registry.Api.Forms;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Feedback;

namespace Registry.Api.Web.Pages;

/// <summary>
/// The feedback forms: <c>/feedback</c> (the registry as a whole) and <c>/tasks/{id}/feedback</c>. Plain HTML forms that
/// work without JavaScript: POST, then a redirect to the thank-you page, or the form again with what to fix. Each
/// render embeds a fresh signed token, so the pages are never stored by caches.
/// </summary>
public static partial class FeedbackPages
{
    private sealed record FormState(string? Message = null, string? Name = null, string? Email = null, bool Consent = false,
        IReadOnlyList<string>? Errors = null);

    public static async Task<IResult> General(HttpContext http, FormGuard guard, IFeedbackStore store, IOptions<FeedbackOptions> options, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var approved = await store.ListApprovedAsync(null, 100, ct);
        return GeneralPage(ctx, guard, options.Value, new FormState(), approved, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SubmitGeneral(HttpContext http, FormGuard guard, IFeedbackStore store, IOptions<FeedbackOptions> options, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var (state, status, sent) = await SubmitAsync(ctx, null, guard, store, ct);
        if (state is null) return Redirect(ctx, sent!, null);
        return GeneralPage(ctx, guard, options.Value, state, await store.ListApprovedAsync(null, 100, ct), status);
    }

    public static async Task<IResult> ForTask(string id, HttpContext http, IPublicCatalog catalog, FormGuard guard, IOptions<FeedbackOptions> options, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is PublicTaskLookup.Gone gone) return ErrorPages.Gone(ctx, gone.Tombstone);
        if (lookup is not PublicTaskLookup.Found found) return ErrorPages.NotFound(ctx);
        return TaskFormPage(ctx, found, guard, options.Value, new FormState(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> SubmitForTask(string id, HttpContext http, IPublicCatalog catalog, FormGuard guard, IFeedbackStore store,
        IOptions<FeedbackOptions> options, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is PublicTaskLookup.Gone gone) return ErrorPages.Gone(ctx, gone.Tombstone);
        if (lookup is not PublicTaskLookup.Found found) return ErrorPages.NotFound(ctx);
        var (state, status, sent) = await SubmitAsync(ctx, found.Id, guard, store, ct);
        if (state is null) return Redirect(ctx, sent!, found.Id);
        return TaskFormPage(ctx, found, guard, options.Value, state, status);
    }

    /// <summary>The thank-you page: the id to quote for deletion, and that the feedback awaits moderation.</summary>
    public static IResult Thanks(string? id, string? task, HttpContext http)
    {
        var ctx = PageContext.For(http);
        if (!PublicIds.IsWellFormed(id, 'f')) return ErrorPages.NotFound(ctx);
        var back = PublicIds.IsWellFormed(task, 't')
            ? Html.Of($"""<p><a href="{Fragments.TaskUrl(task!)}">{ctx[FeedbackText.BackToTask]}</a></p>""")
            : Html.Of($"""<p><a href="/">{ctx[T.NavHome]}</a></p>""");
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[FeedbackText.ThanksTitle]}</h1>
            <p class="notice" role="status">{ctx[FeedbackText.ThanksBody]}</p>
            <p>{ctx[FeedbackText.ThanksId]} <code>{id}</code></p>
            {back}
            </div>
            """);
        var result = WebResults.Page(ctx, new PageShell(ctx[FeedbackText.ThanksTitle], ctx[FeedbackText.ThanksBody], main));
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return result;
    }

    /// <summary>Null state: stored under <c>Id</c>; otherwise the form again with what to fix, and its status.</summary>
    private static async Task<(FormState? State, int Status, string? Id)> SubmitAsync(PageContext ctx, string? taskId, FormGuard guard, IFeedbackStore store, CancellationToken ct)
    {
        var http = ctx.Http;
        if (!http.Request.HasFormContentType)
        {
            return (new FormState(Errors: [Text(ctx, "Hãy gửi biểu mẫu từ trang góp ý (send the form from the feedback page).")]), StatusCodes.Status415UnsupportedMediaType, null);
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return (new FormState(Errors: [Text(ctx, "Biểu mẫu quá lớn hoặc không đọc được (the form is too large or unreadable).")]), StatusCodes.Status400BadRequest, null);
        }
        var submission = new FeedbackSubmission
        {
            Task = taskId,
            Message = form["message"].ToString(),
            Name = form["name"].ToString(),
            Email = form["email"].ToString(),
            Consent = form["consent"].ToString() == "yes",
            Language = ctx.Language.Code(),
        };
        var state = new FormState(submission.Message, submission.Name, submission.Email, submission.Consent);
        if (FeedbackRules.Check(submission) is { Count: > 0 } errors)
        {
            return (state with { Errors = errors.Select(e => Text(ctx, e.Message)).ToList() }, StatusCodes.Status400BadRequest, null);
        }
        var check = await guard.CheckAsync(FormPurpose.Feedback, form["formToken"].ToString(), form[FormGuard.HoneypotField].ToString(), http.Connection.RemoteIpAddress, ct);
        if (!check.Passed)
        {
            check.ApplyHeaders(http.Response);
            return (state with { Errors = Messages(ctx, check.Problem!) }, check.Problem!.StatusCode, null);
        }
        var result = await store.SubmitAsync(submission, ct);
        if (result.TaskGone)
        {
            return (state with { Errors = [Text(ctx, "Nhiệm vụ đã bị rút nên không nhận góp ý (the task was withdrawn and takes no feedback).")] }, StatusCodes.Status410Gone, null);
        }
        if (!result.Succeeded)
        {
            return (state with { Errors = (result.Errors ?? []).Select(e => Text(ctx, e.Message)).ToList() }, StatusCodes.Status400BadRequest, null);
        }
        return (null, StatusCodes.Status303SeeOther, result.Id);
    }

    /// <summary>303 to the thank-you page, so reloading it never sends the form again.</summary>
    private static IResult Redirect(PageContext ctx, string id, string? task)
    {
        var http = ctx.Http;
        var url = $"/feedback/thanks?id={Uri.EscapeDataString(id)}&lang={ctx.Language.Code()}" + (task is null ? "" : "&task=" + Uri.EscapeDataString(task));
        http.Response.Headers.Location = url;
        http.Response.Headers.CacheControl = "no-store";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult GeneralPage(PageContext ctx, FormGuard guard, FeedbackOptions options, FormState state, IReadOnlyList<PublicFeedback> approved, int status)
    {
        var published = approved.Count == 0 ? Markup.Empty : Html.Of($"""
            <section aria-labelledby="published-h">
            <h2 id="published-h">{ctx[FeedbackText.Published]}</h2>
            {FeedbackSection.Items(ctx, approved)}
            </section>
            """);
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[FeedbackText.GeneralTitle]}</h1>
            <p class="lead">{ctx[FeedbackText.GeneralLead]}</p>
            {Form(ctx, "/feedback", guard, options, state)}
            {published}
            </div>
            """);
        return FormResult(ctx, new PageShell(ctx[FeedbackText.GeneralTitle], ctx[FeedbackText.GeneralLead], main, "/feedback"), status);
    }

    private static IResult TaskFormPage(PageContext ctx, PublicTaskLookup.Found found, FormGuard guard, FeedbackOptions options, FormState state, int status)
    {
        var task = found.Record;
        var main = Html.Of($"""
            <div class="wrap">
            <p class="meta"><a href="{Fragments.TaskUrl(found.Id)}">{task.Code}</a></p>
            <h1>{ctx[FeedbackText.TaskTitle]}</h1>
            <p class="lead" lang="vi">{task.Title}</p>
            <p>{ctx[FeedbackText.TaskLead]}</p>
            {Form(ctx, FeedbackText.TaskFormUrl(found.Id), guard, options, state)}
            </div>
            """);
        return FormResult(ctx, new PageShell($"{ctx[FeedbackText.TaskTitle]}: {task.Title}", ctx[FeedbackText.TaskLead], main, FeedbackText.TaskFormUrl(found.Id)), status);
    }

    private static IResult FormResult(PageContext ctx, PageShell shell, int status)
    {
        var result = WebResults.Page(ctx, shell, status);
        // A fresh single-use token is in the page: neither the browser nor a shared cache may keep it.
        ctx.Http.Response.Headers.CacheControl = "no-store";
        return result;
    }

    private static Markup Form(PageContext ctx, string action, FormGuard guard, FeedbackOptions options, FormState state)
    {
        var token = guard.Issue(FormPurpose.Feedback);
        var errors = state.Errors is { Count: > 0 } list ? Html.Of($"""
            <div class="notice" role="alert" id="feedback-errors">
            <p>{ctx[FeedbackText.Problems]}</p>
            <ul>{list.Select(e => Html.Of($"<li>{e}</li>"))}</ul>
            </div>
            """) : Markup.Empty;
        var consentText = ctx.Language == WebLanguage.En
            ? FeedbackConsent.TextEn(options.PersonalDataRetentionDays)
            : FeedbackConsent.TextVi(options.PersonalDataRetentionDays);
        var agree = ctx.Language == WebLanguage.En ? FeedbackConsent.AgreeEn : FeedbackConsent.AgreeVi;
        var lang = ctx.Language.Code();
        return Html.Of($"""
            {errors}
            <form class="feedback" method="post" action="{action}?lang={lang}" accept-charset="utf-8">
            <input type="hidden" name="formToken" value="{token.Token}">
            <p><label for="fb-message">{ctx[FeedbackText.Message]}</label>
            <textarea id="fb-message" name="message" rows="8" required minlength="{FeedbackLimits.MinMessage}" maxlength="{FeedbackLimits.Message}" aria-describedby="fb-message-hint">{state.Message}</textarea>
            <span class="hint" id="fb-message-hint">{ctx[FeedbackText.MessageHint]}</span></p>
            <fieldset>
            <legend>{ctx[FeedbackText.Optional]}</legend>
            <p class="consent" id="fb-consent-text" data-consent-version="{FeedbackConsent.Version}">{consentText}</p>
            <p><label for="fb-name">{ctx[FeedbackText.Name]}</label>
            <input id="fb-name" name="name" type="text" autocomplete="name" maxlength="{FeedbackLimits.Name}" value="{state.Name}" aria-describedby="fb-consent-text"></p>
            <p><label for="fb-email">{ctx[FeedbackText.Email]}</label>
            <input id="fb-email" name="email" type="email" autocomplete="email" maxlength="{TextLimits.Email}" value="{state.Email}" aria-describedby="fb-consent-text"></p>
            <p><input id="fb-consent" name="consent" type="checkbox" value="yes"{(state.Consent ? new Markup(" checked") : Markup.Empty)}>
            <label for="fb-consent">{agree}</label></p>
            </fieldset>
            <div class="hp" aria-hidden="true"><label for="fb-website">{ctx[FeedbackText.Honeypot]}</label>
            <input id="fb-website" name="{FormGuard.HoneypotField}" type="text" tabindex="-1" autocomplete="off" value=""></div>
            <p><button type="submit">{ctx[FeedbackText.Send]}</button></p>
            </form>
            """);
    }

    /// <summary>The messages of a refused check, in the page language.</summary>
    private static List<string> Messages(PageContext ctx, ProblemHttpResult problem)
    {
        if (problem.ProblemDetails is HttpValidationProblemDetails validation)
        {
            return validation.Errors.SelectMany(e => e.Value).Select(m => Text(ctx, m)).ToList();
        }
        return [Text(ctx, problem.ProblemDetails.Detail ?? "")];
    }

    /// <summary>A bilingual message "tiếng Việt (English)" in the page language: the Vietnamese part, or the English one.</summary>
    internal static string Text(PageContext ctx, string message)
    {
        var match = Bilingual().Match(message);
        if (!match.Success) return message;
        var text = ctx.Language == WebLanguage.En ? match.Groups["en"].Value : match.Groups["vi"].Value;
        text = text.TrimEnd(';', ' ', '.');
        return text.Length == 0 ? message : char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    [GeneratedRegex(@"^(?<vi>.+?) \((?<en>[^()]*(?:\([^()]*\)[^()]*)*)\)\.?$", RegexOptions.Singleline)]
    private static partial Regex Bilingual();
}
