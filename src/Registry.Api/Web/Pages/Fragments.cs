using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;

namespace Registry.Api.Web.Pages;

/// <summary>Pieces several pages share: the search form and a task in a list.</summary>
public static class Fragments
{
    public static string TaskUrl(string id) => "/tasks/" + Uri.EscapeDataString(id);

    public static string OrganizationUrl(string id) => "/organizations/" + Uri.EscapeDataString(id);

    /// <param name="hidden">Filters kept when the text changes (the results page keeps its facets).</param>
    public static Markup SearchForm(PageContext ctx, string? text, IEnumerable<KeyValuePair<string, string>>? hidden = null, bool large = false)
    {
        var keep = (hidden ?? []).Select(p => Html.Of($"""<input type="hidden" name="{p.Key}" value="{p.Value}">"""));
        return Html.Of($"""
            <form class="search{(large ? " large" : "")}" action="/tasks" method="get" role="search">
            <label for="q">{ctx[T.SearchLabel]}</label>
            <input type="search" id="q" name="q" value="{text}" placeholder="{ctx[T.SearchPlaceholder]}" autocomplete="off" aria-describedby="q-hint">
            {keep}<button type="submit">{ctx[T.SearchButton]}</button>
            <p class="hint" id="q-hint">{ctx[T.SearchHint]}</p>
            </form>
            """);
    }

    /// <summary>A task in a list: title (highlighted when the engine marked it), key facts, summary snippet (the engine's
    /// summary snippet when it marked one, else the plain summary, else the start of the summary).</summary>
    /// <param name="highlights">Engine snippets by field (title, summary); null outside search results.</param>
    public static Markup TaskItem(PageContext ctx, TaskRecord task, IReadOnlyDictionary<string, IReadOnlyList<string>>? highlights, string headingTag = "h2")
    {
        var title = highlights?.GetValueOrDefault("title") is [var t, ..] ? Html.Highlight(t) : Html.Of($"{task.Title}");
        var summary = highlights?.GetValueOrDefault("summary") is [var s, ..] ? Html.Highlight(s) : Html.Of($"{Shorten(task.PlainSummary ?? task.Summary, 240)}");
        var english = ctx.Language == WebLanguage.En && !string.IsNullOrWhiteSpace(task.TitleEn)
            ? Html.Of($"""<p class="meta" lang="en">{task.TitleEn}</p>""") : Markup.Empty;
        var badge = Html.When(HasTransferable(task), Html.Of($""" <span class="badge">{ctx[T.Transferable]}</span>"""));
        return Html.Of($"""
            <li>
            <{headingTag} lang="vi"><a href="{TaskUrl(task.Id!)}">{title}</a>{badge}</{headingTag}>
            {english}<p class="meta">{Facts(ctx, task)}</p>
            <p lang="vi">{summary}</p>
            </li>
            """);
    }

    public static bool HasTransferable(TaskRecord task) => task.Outputs?.Any(o => o.Transferable == true) == true;

    private static IEnumerable<Markup> Facts(PageContext ctx, TaskRecord task)
    {
        if (task.Code is { } code) yield return Html.Of($"<span>{code}</span>");
        if (task.Level is { } level) yield return Html.Of($"<span>{ctx[EnumText.Of(level)]}</span>");
        if (task.Status is { } status) yield return Html.Of($"<span>{ctx[EnumText.Of(status)]}</span>");
        if (task.HostOrganization?.Name is { } org) yield return Html.Of($"<span lang=\"vi\">{org}</span>");
        if (Period(ctx, task) is { } period) yield return Html.Of($"<span>{period}</span>");
        if (task.Budget?.TotalVnd is { } total) yield return Html.Of($"<span>{ctx.Format.VndShort(total)}</span>");
    }

    public static string? Period(PageContext ctx, TaskRecord task) => (task.StartDate, task.EndDate) switch
    {
        ({ } start, { } end) => $"{ctx.Format.Date(start)} – {ctx.Format.Date(end)}",
        ({ } start, null) => ctx.Format.Date(start) + " –",
        (null, { } end) => "– " + ctx.Format.Date(end),
        _ => null,
    };

    public static string? Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)] + "…";
    }
}
