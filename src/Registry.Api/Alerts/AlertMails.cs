using System.Globalization;
using System.Text;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Alerts;
using Registry.Data.Mail;
using Registry.Data.Records;

namespace Registry.Api.Alerts;

/// <summary>A task in an alert: its public record and whether it was first published in this period.</summary>
public sealed record AlertItem(TaskRecord Task, bool IsNew);

/// <summary>The absolute links a mail carries, from the configured public base URL.</summary>
public sealed record AlertLinks(string BaseUrl)
{
    public string Confirm(string token) => $"{BaseUrl}/alerts/confirm?token={Uri.EscapeDataString(token)}";
    public string Unsubscribe(string token) => $"{BaseUrl}/alerts/unsubscribe?token={Uri.EscapeDataString(token)}";
    public string Search(string stored) => stored.Length == 0 ? $"{BaseUrl}/tasks" : $"{BaseUrl}/tasks?{stored}";
    public string Task(string id) => Feeds.PublicUrls.TaskPage(BaseUrl, id);
}

/// <summary>
/// The mails of the alerts, in the subscriber's language (Vietnamese unless English was chosen): a plain-text body
/// and an HTML alternative in which every title, name and link is encoded (<see cref="Html.Of"/>).
/// </summary>
public static class AlertMails
{
    public static WebLanguage LanguageOf(string code) => code == "en" ? WebLanguage.En : WebLanguage.Vi;

    public static OutgoingMail Confirmation(string email, string publicId, string searchText, WebLanguage lang, AlertLinks links,
        string confirmToken, int confirmationDays)
    {
        string S(UiString s) => s.In(lang);
        var confirm = links.Confirm(confirmToken);
        var ignore = string.Format(CultureInfo.InvariantCulture, S(AlertText.ConfirmMailIgnore), confirmationDays);
        var text = $"""
            {S(AlertText.ConfirmMailIntro)}

              {searchText}

            {S(AlertText.ConfirmMailAction)}
            {confirm}

            {ignore}
            """;
        var html = Html.Of($"""
            <!DOCTYPE html><html lang="{lang.Code()}"><body>
            <p>{S(AlertText.ConfirmMailIntro)}</p>
            <p><strong>{searchText}</strong></p>
            <p>{S(AlertText.ConfirmMailAction)}<br><a href="{confirm}">{S(AlertText.ConfirmButton)}</a></p>
            <p>{ignore}</p>
            </body></html>
            """);
        return new OutgoingMail
        {
            To = email,
            Subject = S(AlertText.ConfirmSubject),
            TextBody = text,
            HtmlBody = html.Value,
            Purpose = MailPurposes.AlertConfirmation,
            RelatedId = publicId,
        };
    }

    /// <param name="more">Matching tasks left out of the mail (over the per-mail limit).</param>
    public static OutgoingMail Alert(AlertSubscriptionView subscription, string searchText, IReadOnlyList<AlertItem> items, int more,
        AlertLinks links, string unsubscribeToken)
    {
        var lang = LanguageOf(subscription.Language);
        string S(UiString s) => s.In(lang);
        var total = items.Count + more;
        var subject = string.Format(CultureInfo.InvariantCulture, S(AlertText.AlertSubject), total, Shorten(searchText, 80));
        var unsubscribe = links.Unsubscribe(unsubscribeToken);
        var search = links.Search(subscription.Search);
        var why = string.Format(CultureInfo.InvariantCulture, S(AlertText.WhyMail), S(AlertText.Frequency(subscription.Frequency)));
        var moreText = more > 0 ? string.Format(CultureInfo.InvariantCulture, S(AlertText.MoreTasks), more) : null;

        var text = new StringBuilder();
        text.AppendLine(S(AlertText.AlertIntro)).AppendLine(searchText).AppendLine();
        foreach (var item in items)
        {
            var t = item.Task;
            text.AppendLine($"* [{S(item.IsNew ? AlertText.NewTask : AlertText.UpdatedTask)}] {OneLine(Title(t, lang))}");
            text.AppendLine($"  {S(AlertText.HostLabel)}: {OneLine(t.HostOrganization?.Name ?? "")}; {S(AlertText.YearLabel)}: {Year(t)}");
            text.AppendLine($"  {links.Task(t.Id!)}").AppendLine();
        }
        if (moreText is not null) text.AppendLine(moreText).AppendLine();
        text.AppendLine($"{S(AlertText.SeeSearch)}: {search}").AppendLine();
        text.AppendLine("-- ").AppendLine(why).AppendLine($"{S(AlertText.UnsubscribeMail)}: {unsubscribe}");

        var list = items.Select(item => Html.Of($"""
            <li><a href="{links.Task(item.Task.Id!)}">{Title(item.Task, lang)}</a> <small>({S(item.IsNew ? AlertText.NewTask : AlertText.UpdatedTask)})</small><br>
            {S(AlertText.HostLabel)}: {item.Task.HostOrganization?.Name ?? ""} · {S(AlertText.YearLabel)}: {Year(item.Task)}</li>
            """));
        var html = Html.Of($"""
            <!DOCTYPE html><html lang="{lang.Code()}"><body>
            <p>{S(AlertText.AlertIntro)}<br><strong>{searchText}</strong></p>
            <ul>{list}</ul>
            {(moreText is null ? Markup.Empty : Html.Of($"<p>{moreText}</p>"))}
            <p><a href="{search}">{S(AlertText.SeeSearch)}</a></p>
            <hr><p><small>{why} <a href="{unsubscribe}">{S(AlertText.UnsubscribeMail)}</a></small></p>
            </body></html>
            """);
        return new OutgoingMail
        {
            To = subscription.Email,
            Subject = subject,
            TextBody = text.ToString(),
            HtmlBody = html.Value,
            Purpose = MailPurposes.Alert,
            UnsubscribeUrl = unsubscribe,
            RelatedId = subscription.PublicId,
        };
    }

    private static string Title(TaskRecord t, WebLanguage lang) =>
        lang == WebLanguage.En && !string.IsNullOrWhiteSpace(t.TitleEn) ? t.TitleEn! : t.Title ?? t.Code ?? t.Id ?? "";

    private static string Year(TaskRecord t) => t.StartDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Titles go into a text line: line breaks and controls become spaces, so a title cannot fake a line of the mail.</summary>
    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
