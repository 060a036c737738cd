using Microsoft.Extensions.Options;
using Registry.Api.Feeds;
using Registry.Api.Search;
using Registry.Api.Web.Localization;
using Registry.Data;
using Registry.Data.Alerts;
using Registry.Data.Mail;

namespace Registry.Api.Alerts;

/// <summary>What a subscriber asks for, as sent by the API or the page's form (not yet validated).</summary>
public sealed record SubscribeInput(string? Email, IReadOnlyList<KeyValuePair<string, string?>> Search, string? Frequency, string? Language);

/// <summary>The outcome of a subscription request: errors to fix (parameter → messages), too many confirmations, or queued.</summary>
public sealed record SubscribeResult(IReadOnlyDictionary<string, string[]> Errors, bool TooMany)
{
    public bool Queued => Errors.Count == 0 && !TooMany;
}

/// <summary>The steps of double opt-in shared by <c>POST /api/v1/alerts</c> and the subscribe page.</summary>
public sealed class AlertSubscriptions(IAlertStore store, AlertTokens tokens, AlertLinks links, IOptions<AlertOptions> options)
{
    public AlertOptions Options => options.Value;

    /// <summary>Validates the request (everything is reported at once); the caller runs the form guard before <see cref="SubscribeAsync"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(SubscribeInput input, out string search, out AlertFrequency frequency, out string language)
    {
        var errors = new Dictionary<string, string[]>();
        search = AlertSearch.Read(input.Search, out var searchErrors) ?? "";
        foreach (var (key, messages) in searchErrors) errors[key] = messages;
        if (!MailAddresses.IsValid(input.Email))
            errors["email"] = ["Hãy nhập một địa chỉ e-mail hợp lệ, ví dụ ten@example.vn (enter one valid e-mail address, e.g. name@example.vn)"];
        frequency = AlertFrequency.Immediate;
        if (!TryFrequency(input.Frequency, out frequency))
            errors["frequency"] = ["Tần suất phải là immediate, daily hoặc weekly (frequency must be immediate, daily or weekly)"];
        language = string.IsNullOrWhiteSpace(input.Language) ? "vi" : input.Language.Trim().ToLowerInvariant();
        if (language is not ("vi" or "en"))
            errors["language"] = ["Ngôn ngữ phải là vi hoặc en (language must be vi or en)"];
        return errors;
    }

    /// <summary>Stores the pending subscription with its confirmation mail; the input must have passed <see cref="Validate"/>.</summary>
    public async Task<SubscribeResult> SubscribeAsync(SubscribeInput input, CancellationToken ct)
    {
        var errors = Validate(input, out var search, out var frequency, out var language);
        if (errors.Count > 0) return new SubscribeResult(errors, false);
        var id = PublicIds.NewAlertSubscriptionId();
        var token = AlertTokens.NewConfirmToken();
        var email = input.Email!.Trim();
        var lang = AlertMails.LanguageOf(language);
        var mail = AlertMails.Confirmation(email, id, Describe(search, lang), lang, links, token, Options.ConfirmationDays);
        var draft = new AlertSubscriptionDraft(id, email, search, frequency, language, AlertTokens.Hash(token)!, AlertTokens.NewSalt());
        var outcome = await store.SubscribeAsync(draft, mail, Options.MaxConfirmationsPerDay, ct);
        return new SubscribeResult(new Dictionary<string, string[]>(), outcome == SubscribeOutcome.TooManyConfirmations);
    }

    public Task<AlertSubscriptionView?> FindPendingAsync(string? token, CancellationToken ct) =>
        AlertTokens.Hash(token) is { } hash ? store.FindByConfirmTokenAsync(hash, ConfirmWindow, ct) : Task.FromResult<AlertSubscriptionView?>(null);

    public Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken ct) =>
        AlertTokens.Hash(token) is { } hash ? store.ConfirmAsync(hash, ConfirmWindow, ct) : Task.FromResult(ConfirmOutcome.NotFound);

    /// <summary>The subscription an unsubscribe token belongs to, when its signature is right and it is not yet left.</summary>
    public async Task<AlertSubscriptionView?> FindByUnsubscribeTokenAsync(string? token, CancellationToken ct)
    {
        if (AlertTokens.IdOf(token) is not { } id) return null;
        var subscription = await store.GetAsync(id, ct);
        return subscription is not null && subscription.Status != AlertStatus.Unsubscribed && tokens.Verify(token!, id, subscription.TokenSalt)
            ? subscription
            : null;
    }

    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct) =>
        await FindByUnsubscribeTokenAsync(token, ct) is { } subscription && await store.UnsubscribeAsync(subscription.PublicId, ct);

    /// <summary>A saved search in words ("chè · cấp tỉnh"), or "all tasks".</summary>
    public static string Describe(string search, WebLanguage language)
    {
        var request = AlertSearch.ToRequest(search, out _);
        var text = SearchDescription.Of(request, language);
        return text.Length > 0 ? text : AlertText.AllTasks.In(language);
    }

    private TimeSpan ConfirmWindow => TimeSpan.FromDays(Options.ConfirmationDays);

    public static bool TryFrequency(string? text, out AlertFrequency frequency)
    {
        frequency = AlertFrequency.Immediate;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "immediate": return true;
            case "daily": frequency = AlertFrequency.Daily; return true;
            case "weekly": frequency = AlertFrequency.Weekly; return true;
            default: return false;
        }
    }

    /// <summary>The links of mails: the configured public base URL (required for SMTP), else the local default.</summary>
    public static AlertLinks LinksFrom(FeedsOptions feeds) =>
        new(string.IsNullOrWhiteSpace(feeds.PublicBaseUrl) ? "http://localhost:5080" : feeds.PublicBaseUrl.TrimEnd('/'));
}
