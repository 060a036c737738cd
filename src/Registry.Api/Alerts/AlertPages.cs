using System.Globalization;
using Registry.Api.Forms;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Alerts;

namespace Registry.Api.Alerts;

/// <summary>
/// The alert pages, all without JavaScript: the subscribe form (its own page, a fresh form token, never stored by
/// caches), and confirm / unsubscribe pages whose GET only shows a button: link scanners that open mail links must
/// not confirm or unsubscribe anyone. The one-click POST of RFC 8058 goes to the unsubscribe address itself.
/// </summary>
public static class AlertPages
{
    public static IResult New(HttpContext http, FormGuard guard, AlertSubscriptions alerts)
    {
        var ctx = PageContext.For(http);
        var pairs = http.Request.Query.Where(p => p.Key != "lang")
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))).ToList();
        var search = AlertSearch.Read(pairs, out var errors);
        return Form(ctx, guard, alerts.Options, search ?? "", null, AlertFrequency.Immediate, ctx.Language.Code(), errors, search is null ? 400 : 200);
    }

    public static async Task<IResult> Submit(HttpContext http, FormGuard guard, AlertSubscriptions alerts, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var form = await ReadFormAsync(http, ct);
        string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var search = F("search") ?? "";
        var pairs = AlertSearch.Pairs(search).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).ToList();
        var input = new SubscribeInput(F("email"), pairs, F("frequency"), F("language"));
        var errors = AlertSubscriptions.Validate(input, out _, out var frequency, out var language);
        if (errors.Count == 0)
        {
            var check = await guard.CheckAsync(FormPurpose.Alert, F("formToken"), F(FormGuard.HoneypotField), http.Connection.RemoteIpAddress, ct);
            if (!check.Passed) errors = ProblemErrors(check);
        }
        if (errors.Count > 0) return Form(ctx, guard, alerts.Options, search, F("email"), frequency, language, errors, 400);
        var result = await alerts.SubscribeAsync(input, ct);
        if (result.TooMany)
        {
            var message = $"Địa chỉ này đã nhận {alerts.Options.MaxConfirmationsPerDay} thư xác nhận trong 24 giờ qua; hãy dùng thư đã nhận hoặc thử lại ngày mai "
                + $"(this address already received {alerts.Options.MaxConfirmationsPerDay} confirmation mails in the last 24 hours; use one of them or try tomorrow)";
            return Form(ctx, guard, alerts.Options, search, F("email"), frequency, language, new Dictionary<string, string[]> { ["email"] = [message] }, 429);
        }
        return Message(ctx, AlertText.CheckMailTitle, AlertText.CheckMailBody, 200);
    }

    public static async Task<IResult> ConfirmPage(HttpContext http, string? token, AlertSubscriptions alerts, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (await alerts.FindPendingAsync(token, ct) is not { } subscription) return Invalid(ctx);
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[AlertText.ConfirmTitle]}</h1>
            <p>{ctx[AlertText.ConfirmLead]}</p>
            <p><strong>{AlertSubscriptions.Describe(subscription.Search, ctx.Language)}</strong> ({ctx[AlertText.Frequency(subscription.Frequency)]})</p>
            <form action="/alerts/confirm" method="post"><input type="hidden" name="token" value="{token}">
            <button type="submit">{ctx[AlertText.ConfirmButton]}</button></form>
            </div>
            """);
        return Private(http, WebResults.Page(ctx, new PageShell(ctx[AlertText.ConfirmTitle], ctx[AlertText.ConfirmLead], main)));
    }

    public static async Task<IResult> Confirm(HttpContext http, AlertSubscriptions alerts, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var form = await ReadFormAsync(http, ct);
        var outcome = await alerts.ConfirmAsync(form.TryGetValue("token", out var t) ? t.ToString() : null, ct);
        return outcome == ConfirmOutcome.NotFound ? Invalid(ctx) : Message(ctx, AlertText.ConfirmedTitle, AlertText.ConfirmedBody, 200);
    }

    public static async Task<IResult> UnsubscribePage(HttpContext http, string? token, AlertSubscriptions alerts, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (await alerts.FindByUnsubscribeTokenAsync(token, ct) is not { } subscription) return Invalid(ctx);
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[AlertText.UnsubscribeTitle]}</h1>
            <p>{ctx[AlertText.UnsubscribeLead]}</p>
            <p><strong>{AlertSubscriptions.Describe(subscription.Search, ctx.Language)}</strong></p>
            <form action="/alerts/unsubscribe?token={Uri.EscapeDataString(token!)}" method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">{ctx[AlertText.UnsubscribeButton]}</button></form>
            </div>
            """);
        return Private(http, WebResults.Page(ctx, new PageShell(ctx[AlertText.UnsubscribeTitle], ctx[AlertText.UnsubscribeLead], main)));
    }

    /// <summary>The one-click unsubscribe (RFC 8058: <c>List-Unsubscribe=One-Click</c> posted to the header's address) and the page's button.</summary>
    public static async Task<IResult> Unsubscribe(HttpContext http, string? token, AlertSubscriptions alerts, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        return await alerts.UnsubscribeAsync(token, ct) ? Message(ctx, AlertText.UnsubscribedTitle, AlertText.UnsubscribedBody, 200) : Invalid(ctx);
    }

    private static IResult Form(PageContext ctx, FormGuard guard, AlertOptions options, string search, string? email, AlertFrequency frequency, string language,
        IReadOnlyDictionary<string, string[]> errors, int status)
    {
        var issued = guard.Issue(FormPurpose.Alert);
        var problems = errors.Count == 0 ? Markup.Empty : Html.Of($"""
            <div class="notice" role="alert"><h2>{ctx[AlertText.FixForm]}</h2>
            <ul>{errors.SelectMany(e => e.Value.Select(m => Html.Of($"<li><code>{e.Key}</code>: {m}</li>")))}</ul></div>
            """);
        Markup Radio(string name, string value, string label, bool on) =>
            Html.Of($"""<label><input type="radio" name="{name}" value="{value}"{(on ? Html.Of($" checked") : Markup.Empty)}> {label}</label><br>""");
        var daily = string.Format(CultureInfo.InvariantCulture, ctx[AlertText.Daily], options.DigestHour.ToString("00", CultureInfo.InvariantCulture));
        var consent = string.Format(CultureInfo.InvariantCulture, ctx[AlertText.Consent], options.ConfirmationDays);
        var described = search.Length == 0 && errors.Count > 0 ? "" : AlertSubscriptions.Describe(search, ctx.Language);
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[AlertText.SubscribeTitle]}</h1>
            <p>{ctx[AlertText.SubscribeLead]}</p>
            {problems}
            <form action="/alerts/new" method="post">
            <input type="hidden" name="search" value="{search}">
            <input type="hidden" name="formToken" value="{issued.Token}">
            <p>{ctx[AlertText.SearchLabel]}: <strong>{described}</strong></p>
            <p><label for="alert-email">{ctx[AlertText.EmailLabel]}</label><br>
            <input id="alert-email" type="email" name="email" required maxlength="254" autocomplete="email" value="{email ?? ""}"></p>
            <fieldset><legend>{ctx[AlertText.FrequencyLabel]}</legend>
            {Radio("frequency", "immediate", ctx[AlertText.Immediate], frequency == AlertFrequency.Immediate)}
            {Radio("frequency", "daily", daily, frequency == AlertFrequency.Daily)}
            {Radio("frequency", "weekly", ctx[AlertText.Weekly], frequency == AlertFrequency.Weekly)}
            </fieldset>
            <fieldset><legend>{ctx[AlertText.LanguageLabel]}</legend>
            {Radio("language", "vi", ctx[AlertText.Vietnamese], language != "en")}
            {Radio("language", "en", ctx[AlertText.English], language == "en")}
            </fieldset>
            <p class="visually-hidden" aria-hidden="true"><label for="alert-website">{ctx[AlertText.HoneypotLabel]}</label>
            <input id="alert-website" type="text" name="{FormGuard.HoneypotField}" tabindex="-1" autocomplete="off"></p>
            <p><small>{consent}</small></p>
            <p><button type="submit">{ctx[AlertText.SubscribeButton]}</button></p>
            </form>
            </div>
            """);
        return Private(ctx.Http, WebResults.Page(ctx, new PageShell(ctx[AlertText.SubscribeTitle], ctx[AlertText.SubscribeLead], main), status));
    }

    private static IResult Message(PageContext ctx, UiString title, UiString body, int status)
    {
        var main = Html.Of($"""
            <div class="wrap"><h1>{ctx[title]}</h1><p>{ctx[body]}</p><p><a href="/tasks">{ctx[T.BackToSearch]}</a></p></div>
            """);
        return Private(ctx.Http, WebResults.Page(ctx, new PageShell(ctx[title], ctx[body], main), status));
    }

    private static IResult Invalid(PageContext ctx) => Message(ctx, AlertText.InvalidLinkTitle, AlertText.InvalidLinkBody, StatusCodes.Status404NotFound);

    /// <summary>These pages carry a token or an address: never stored by a browser or a proxy.</summary>
    private static IResult Private(HttpContext http, IResult page)
    {
        http.Response.Headers.CacheControl = "no-store";
        return page;
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext http, CancellationToken ct) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;

    private static IReadOnlyDictionary<string, string[]> ProblemErrors(FormCheck check)
    {
        var details = check.Problem!.ProblemDetails;
        if (details is Microsoft.AspNetCore.Http.HttpValidationProblemDetails validation) return validation.Errors.ToDictionary();
        return new Dictionary<string, string[]> { ["formToken"] = [details.Detail ?? details.Title ?? ""] };
    }
}
