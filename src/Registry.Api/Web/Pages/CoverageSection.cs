using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;

namespace Registry.Api.Web.Pages;

/// <summary>
/// "Truyền thông" on the task page: the articles, broadcasts, posts and events that communicated the task, newest
/// first, each as date, kind, outlet and its title linked to the item. Links are http(s) only and carry
/// rel="noopener" as the page's other outside links do; every text is escaped.
/// </summary>
public static class CoverageSection
{
    private static readonly UiString Heading = UiString.From(RecordFields.Coverage.Label);

    public static Markup Render(PageContext ctx, TaskRecord task)
    {
        var items = (task.Coverage ?? []).Where(c => c.Date is not null && c.Kind is not null)
            .Select((c, i) => (Item: c, Index: i)).OrderByDescending(p => p.Item.Date).ThenBy(p => p.Index).Select(p => p.Item).ToList();
        if (items.Count == 0) return Markup.Empty;
        var rows = items.Select(c =>
        {
            var text = c.Title ?? c.Outlet ?? c.Url ?? "";
            var link = TaskSections.SafeUrl(c.Url) is { } href
                ? Html.Of($"""<a href="{href}" rel="noopener" lang="vi">{text}</a>""")
                : Html.Of($"""<span lang="vi">{text}</span>""");
            var outlet = c.Outlet is { } o && c.Title is not null ? Html.Of($""" — <span lang="vi">{o}</span>""") : Markup.Empty;
            return Html.Of($"""<li><time datetime="{c.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}">{ctx.Format.Date(c.Date.Value)}</time> · <span class="count">{ctx[EnumText.Of(c.Kind!.Value)]}</span><br><strong>{link}</strong>{outlet}</li>""");
        });
        return Html.Of($"""
            <section aria-labelledby="coverage-h">
            <h2 id="coverage-h">{ctx[Heading]}</h2>
            <ul class="plain coverage">{rows}</ul>
            </section>
            """);
    }
}
