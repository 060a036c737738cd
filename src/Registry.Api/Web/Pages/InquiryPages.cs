using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Feeds;
using Registry.Api.Forms;
using Registry.Api.Inquiries;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Inquiries;
using Registry.Data.Records;

namespace Registry.Api.Web.Pages;

/// <summary>
/// <c>/tasks/{id}/inquiry</c>: the technology-transfer inquiry form, server-rendered so it works without JavaScript.
/// Every render carries a fresh form token and is never stored by a cache; a POST goes through
/// <see cref="InquirySubmit"/> like the REST endpoint, and answers the thank-you page or the form again with its
/// errors beside the fields and what was typed kept.
/// </summary>
public static class InquiryPages
{
    private static readonly string[] Fields = ["organization", "contactName", "contactEmail", "phone", "need", "output", "consent"];

    public static async Task<IResult> Form(string id, HttpContext http, IPublicCatalog catalog, FormGuard guard, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (await FindAsync(ctx, id, catalog, ct) is not { } task) return Missing(ctx, await catalog.FindByIdAsync(id, ct: ct));
        if (!HasTransferable(task)) return NotTransferable(ctx, task);
        var selected = int.TryParse(http.Request.Query["output"], out var o) ? o : (int?)null;
        return Render(ctx, task, guard, new FormState(new InquiryInput { Output = selected }, [], null), StatusCodes.Status200OK);
    }

    public static async Task<IResult> Post(string id, HttpContext http, IPublicCatalog catalog, IInquiryStore store, FormGuard guard, PublicUrls urls,
        CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (await FindAsync(ctx, id, catalog, ct) is not { } task) return Missing(ctx, await catalog.FindByIdAsync(id, ct: ct));
        if (!HasTransferable(task)) return NotTransferable(ctx, task);
        if (http.Request.ContentLength > InquiryHandlers.MaxBodyBytes || !http.Request.HasFormContentType)
        {
            return Render(ctx, task, guard, new FormState(new InquiryInput(), [], ctx[Unreadable]), StatusCodes.Status400BadRequest);
        }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = InquiryHandlers.MaxBodyBytes;
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueCountLimit = 32, KeyLengthLimit = 64, ValueLengthLimit = InquiryHandlers.MaxBodyBytes }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Render(ctx, task, guard, new FormState(new InquiryInput(), [], ctx[Unreadable]), StatusCodes.Status400BadRequest);
        }

        var input = new InquiryInput
        {
            Organization = One(form, "organization"),
            ContactName = One(form, "contactName"),
            ContactEmail = One(form, "contactEmail"),
            Phone = One(form, "phone"),
            Need = One(form, "need"),
            Output = int.TryParse(One(form, "output"), out var index) ? index : null,
            Consent = One(form, "consent") == "yes",
        };
        var outcome = await InquirySubmit.RunAsync(id, input, One(form, "formToken"), One(form, FormGuard.HoneypotField), http, store, guard, urls,
            ctx.Language.Code(), ct);
        if (outcome.Accepted is { } accepted) return Thanks(ctx, task, accepted);

        var (fieldErrors, summary, status) = Explain(outcome);
        return Render(ctx, task, guard, new FormState(input, fieldErrors, summary), status);
    }

    private sealed record FormState(InquiryInput Input, IReadOnlyList<FieldError> Errors, string? Summary);

    private static readonly UiString Unreadable = new("Không đọc được biểu mẫu; hãy điền lại rồi gửi (the form could not be read; fill it in and send again)",
        "The form could not be read; fill it in and send again");

    private static async Task<TaskRecord?> FindAsync(PageContext ctx, string id, IPublicCatalog catalog, CancellationToken ct) =>
        await catalog.FindByIdAsync(id, ct: ct) is PublicTaskLookup.Found found ? found.Record : null;

    private static IResult Missing(PageContext ctx, PublicTaskLookup lookup) =>
        lookup is PublicTaskLookup.Gone gone ? ErrorPages.Gone(ctx, gone.Tombstone) : ErrorPages.NotFound(ctx);

    private static bool HasTransferable(TaskRecord task) => task.Outputs?.Any(o => o.Transferable == true) == true;

    private static string? One(IFormCollection form, string key) => form.TryGetValue(key, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>Field errors go beside their fields; anything else (token, honeypot, limits) above the form, with its status.</summary>
    private static (IReadOnlyList<FieldError> Fields, string? Summary, int Status) Explain(InquirySubmitOutcome outcome)
    {
        if (outcome.FieldErrors is { } errors) return (errors, null, StatusCodes.Status400BadRequest);
        var problem = outcome.Problem!.ProblemDetails;
        var status = problem.Status ?? StatusCodes.Status400BadRequest;
        if (problem is HttpValidationProblemDetails validation)
        {
            var all = validation.Errors.SelectMany(e => e.Value.Select(m => new FieldError(e.Key, m))).ToList();
            var own = all.Where(e => Fields.Contains(e.Path)).ToList();
            var rest = all.Where(e => !Fields.Contains(e.Path)).Select(e => e.Message);
            return (own, string.Join(" ", rest) is { Length: > 0 } text ? text : null, status);
        }
        return ([], problem.Detail, status);
    }

    private static IResult Render(PageContext ctx, TaskRecord task, FormGuard guard, FormState state, int status)
    {
        var token = guard.Issue(FormPurpose.Inquiry);
        var input = state.Input;
        var taskUrl = Fragments.TaskUrl(task.Id!);
        var action = InquiryText.FormUrl(task.Id!) + (ctx.Http.Request.Query.ContainsKey(LanguageSelection.QueryKey) ? $"?{LanguageSelection.QueryKey}={ctx.Language.Code()}" : "");
        var summary = state.Errors.Count == 0 && state.Summary is null ? Markup.Empty : Html.Of($"""
            <div class="form-errors" role="alert" tabindex="-1" id="form-errors">
            <h2>{ctx[InquiryText.ErrorsHeading]}</h2>
            <ul>{state.Errors.Select(e => Html.Of($"""<li><a href="#f-{e.Path}">{e.Message}</a></li>"""))}{(state.Summary is null ? Markup.Empty : Html.Of($"<li>{state.Summary}</li>"))}</ul>
            </div>
            """);
        var outputs = task.Outputs!.Select((o, i) => (o, i)).Where(x => x.o.Transferable == true)
            .Select(x => Html.Of($"""<option value="{x.i}"{(input.Output == x.i ? Html.Of($" selected") : Markup.Empty)}>{x.o.Title}</option>"""));
        var main = Html.Of($"""
            <div class="wrap">
            <p class="meta"><a href="{taskUrl}">{task.Code}</a></p>
            <h1>{ctx[InquiryText.Heading]}</h1>
            <p class="lead">{ctx[InquiryText.Lead]}</p>
            <p><strong>{ctx[InquiryText.Task]}:</strong> <a href="{taskUrl}" lang="vi">{task.Title}</a></p>
            {summary}
            <form class="inquiry-form" method="post" action="{action}" accept-charset="utf-8" novalidate>
            <input type="hidden" name="formToken" value="{token.Token}">
            <div class="hp" aria-hidden="true"><label for="f-website">{ctx[InquiryText.Honeypot]}</label><input type="text" id="f-website" name="{FormGuard.HoneypotField}" value="" tabindex="-1" autocomplete="off"></div>
            {Field(ctx, state, "organization", InquiryText.Organization, Html.Of($"""<input type="text" id="f-organization" name="organization" required maxlength="{InquiryLimits.OrganizationName}" autocomplete="organization" value="{input.Organization}"{Invalid(state, "organization")}>"""), required: true)}
            {Field(ctx, state, "contactName", InquiryText.ContactName, Html.Of($"""<input type="text" id="f-contactName" name="contactName" required maxlength="{InquiryLimits.ContactName}" autocomplete="name" value="{input.ContactName}"{Invalid(state, "contactName")}>"""), required: true)}
            {Field(ctx, state, "contactEmail", InquiryText.ContactEmail, Html.Of($"""<input type="email" id="f-contactEmail" name="contactEmail" required maxlength="254" autocomplete="email" value="{input.ContactEmail}"{Invalid(state, "contactEmail")}>"""), required: true)}
            {Field(ctx, state, "phone", InquiryText.Phone, Html.Of($"""<input type="tel" id="f-phone" name="phone" maxlength="{InquiryLimits.Phone}" autocomplete="tel" value="{input.Phone}"{Invalid(state, "phone")}>"""), required: false)}
            {Field(ctx, state, "output", InquiryText.Output, Html.Of($"""<select id="f-output" name="output"{Invalid(state, "output")}><option value="">{ctx[InquiryText.AnyOutput]}</option>{outputs}</select>"""), required: false)}
            {Field(ctx, state, "need", InquiryText.Need, Html.Of($"""<p class="count" id="f-need-hint">{ctx[InquiryText.NeedHint]}</p><textarea id="f-need" name="need" rows="8" cols="60" required maxlength="{InquiryLimits.Need}" aria-describedby="f-need-hint"{Invalid(state, "need")}>{input.Need}</textarea>"""), required: true)}
            <fieldset class="consent">
            <legend>{ctx[InquiryText.ConsentHeading]}</legend>
            <p id="consent-text" lang="{ctx.Language.Code()}">{ctx[InquiryText.Consent]}</p>
            {Errors(state, "consent")}
            <p><input type="checkbox" id="f-consent" name="consent" value="yes" aria-describedby="consent-text"{(input.Consent == true ? Html.Of($" checked") : Markup.Empty)}{Invalid(state, "consent")}> <label for="f-consent">{ctx[InquiryText.ConsentHeading]} ({ctx[InquiryText.Required]})</label></p>
            </fieldset>
            <p><button type="submit">{ctx[InquiryText.Send]}</button></p>
            </form>
            </div>
            """);
        var result = WebResults.Page(ctx, new PageShell(ctx[InquiryText.Heading], ctx[InquiryText.Lead], main, Head: NoIndex), status);
        ctx.Http.Response.Headers.CacheControl = "no-store";
        return result;
    }

    private static readonly Markup NoIndex = new("""<meta name="robots" content="noindex">""");

    private static Markup Field(PageContext ctx, FormState state, string name, UiString label, Markup control, bool required) => Html.Of($"""
        <div class="field">
        <label for="f-{name}">{ctx[label]}{(required ? Html.Of($" <span class=\"count\">({ctx[InquiryText.Required]})</span>") : Markup.Empty)}</label>
        {Errors(state, name)}
        {control}
        </div>
        """);

    private static Markup Errors(FormState state, string name)
    {
        var mine = state.Errors.Where(e => e.Path == name).ToList();
        return mine.Count == 0 ? Markup.Empty : Html.Of($"""<p class="field-error" id="f-{name}-error">{string.Join(" ", mine.Select(e => e.Message))}</p>""");
    }

    private static Markup Invalid(FormState state, string name) =>
        state.Errors.Any(e => e.Path == name) ? Html.Of($""" aria-invalid="true" """) : Markup.Empty;

    private static IResult Thanks(PageContext ctx, TaskRecord task, InquirySubmission accepted)
    {
        var taskUrl = Fragments.TaskUrl(task.Id!);
        var next = accepted.InquiryStatus == InquiryStatus.AwaitingContact ? InquiryText.ThanksAwaiting : InquiryText.ThanksRelayed;
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[InquiryText.ThanksTitle]}</h1>
            <p class="lead">{ctx[next]}</p>
            <p><strong>{ctx[InquiryText.InquiryId]}:</strong> <code>{accepted.Id}</code></p>
            <p><strong>{ctx[InquiryText.Task]}:</strong> <a href="{taskUrl}" lang="vi">{task.Title}</a></p>
            <p><a href="{taskUrl}">{ctx[InquiryText.BackToTask]}</a></p>
            </div>
            """);
        var result = WebResults.Page(ctx, new PageShell(ctx[InquiryText.ThanksTitle], ctx[next], main, Head: NoIndex));
        ctx.Http.Response.Headers.CacheControl = "no-store";
        return result;
    }

    private static IResult NotTransferable(PageContext ctx, TaskRecord task)
    {
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[InquiryText.Heading]}</h1>
            <p>{ctx[InquiryText.NotTransferable]}</p>
            <p><a href="{Fragments.TaskUrl(task.Id!)}">{ctx[InquiryText.BackToTask]}</a> · <a href="/tasks?transferable=true">{ctx[InquiryText.FindTransferable]}</a></p>
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(ctx[InquiryText.Heading], ctx[InquiryText.NotTransferable], main, Head: NoIndex), StatusCodes.Status409Conflict);
    }

    /// <summary>The task page's invitation, for a task with at least one transferable output.</summary>
    public static Markup TaskLink(PageContext ctx, TaskRecord task)
    {
        if (string.IsNullOrEmpty(task.Id) || !HasTransferable(task)) return Markup.Empty;
        return Html.Of($"""
            <section aria-labelledby="inquiry-h" class="inquiry-link">
            <h2 id="inquiry-h">{ctx[InquiryText.Link]}</h2>
            <p>{ctx[InquiryText.LinkHint]}</p>
            <p><a class="button" href="{InquiryText.FormUrl(task.Id)}">{ctx[InquiryText.Link]}</a></p>
            </section>
            """);
    }
}
