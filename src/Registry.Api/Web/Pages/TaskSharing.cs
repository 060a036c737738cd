using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;

namespace Registry.Api.Web.Pages;

/// <summary>Share links, the embed snippet and oEmbed discovery for a task page.</summary>
public static class TaskSharing
{
    /// <summary>The embeddable widget of one task (served by the feeds module).</summary>
    public static string EmbedPath(string id) => "/embed/tasks/" + Uri.EscapeDataString(id);

    public static string OEmbedPath(PageContext ctx, string pagePath, string format = "json") =>
        $"/oembed?url={Uri.EscapeDataString(ctx.Absolute(pagePath))}&format={format}";

    /// <summary><c>&lt;link rel="alternate" type="application/json+oembed"&gt;</c> so consumers find the oEmbed answer.</summary>
    public static Markup DiscoveryLinks(PageContext ctx, TaskRecord task, string pagePath) => Html.Of($"""
        <link rel="alternate" type="application/json+oembed" href="{ctx.Absolute(OEmbedPath(ctx, pagePath))}" title="{task.Title}">
        <link rel="alternate" type="application/json" href="{ctx.Absolute("/api/v1/tasks/" + Uri.EscapeDataString(task.Id!))}">

        """);

    public static Markup Share(PageContext ctx, TaskRecord task, string pagePath)
    {
        var url = Uri.EscapeDataString(ctx.Absolute(pagePath));
        var text = Uri.EscapeDataString(task.Title ?? "");
        var links = new (string Name, string Href)[]
        {
            ("Facebook", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("Zalo", $"https://sp.zalo.me/share_inline?url={url}"),
            ("X", $"https://x.com/intent/post?url={url}&text={text}"),
            ("LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            ("E-mail", $"mailto:?subject={text}&body={url}"),
        };
        var items = links.Select(l => Html.Of($"""<li><a href="{l.Href}" rel="noopener" target="_blank">{l.Name}</a></li>"""));
        var snippet = $"<iframe src=\"{ctx.Absolute(EmbedPath(task.Id!))}\" title=\"{Html.Encode(task.Title)}\" width=\"100%\" height=\"320\" loading=\"lazy\" style=\"border:0\"></iframe>";
        return Html.Of($"""
            <section aria-labelledby="share-h">
            <h2 id="share-h">{ctx[T.Share]}</h2>
            <ul class="share">{items}</ul>
            <h3 id="embed-h">{ctx[T.Embed]}</h3>
            <p>{ctx[T.EmbedHelp]} <a href="{OEmbedPath(ctx, pagePath)}"><code>{OEmbedPath(ctx, pagePath)}</code></a></p>
            <pre class="code" aria-labelledby="embed-h"><code>{snippet}</code></pre>
            </section>
            """);
    }
}
