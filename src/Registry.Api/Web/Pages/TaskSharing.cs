using Registry.Api.Web.Cards;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;

namespace Registry.Api.Web.Pages;

/// <summary>Share links, the embed snippet and oEmbed discovery for a task page.</summary>
public static class TaskSharing
{
    /// <summary>The embeddable widget of one task (served by the feeds module).</summary>
    private static readonly UiString CardLink = new("Ảnh thẻ chia sẻ (PNG, 1200×630)", "Share card image (PNG, 1200×630)");

    public static string EmbedPath(string id) => "/embed/tasks/" + Uri.EscapeDataString(id);

    public static string OEmbedPath(PageContext ctx, string pagePath, string format = "json") =>
        $"/oembed?url={Uri.EscapeDataString(ctx.Absolute(pagePath))}&format={format}";

    /// <summary><c>&lt;link rel="alternate" type="application/json+oembed"&gt;</c> so consumers find the oEmbed answer.</summary>
    public static Markup DiscoveryLinks(PageContext ctx, TaskRecord task, string pagePath) => Html.Of($"""
        <link rel="alternate" type="application/json+oembed" href="{ctx.Absolute(OEmbedPath(ctx, pagePath))}" title="{task.Title}">
        <link rel="alternate" type="application/json" href="{ctx.Absolute("/api/v1/tasks/" + Uri.EscapeDataString(task.Id!))}">

        """);

    /// <summary>The share card named by og:image and twitter:image (<see cref="TaskCardEndpoint"/>).</summary>
    public static ShareImage CardImage(TaskRecord task, string id, long version) => new(
        TaskCardEndpoint.VersionedPath(id, version), TaskCardRenderer.Width, TaskCardRenderer.Height,
        $"Thẻ chia sẻ: {SocialMeta.Clean(task.Title ?? task.Code, SocialMeta.TitleLength)} (share card)");

    /// <summary>
    /// Plain links to each platform's share address, no third-party script: the page address and the title (cleaned
    /// to one line as in <see cref="SocialMeta.Clean"/>, so a newline or a bidi override cannot reach the post) are
    /// percent-encoded as query values; the markup encoder then writes each <c>&amp;</c> as <c>&amp;amp;</c>.
    /// </summary>
    public static IReadOnlyList<(string Name, string Href)> ShareLinks(string pageUrl, string? title)
    {
        var url = Uri.EscapeDataString(pageUrl);
        var text = Uri.EscapeDataString(SocialMeta.Clean(title, SocialMeta.TitleLength * 2));
        var body = Uri.EscapeDataString(SocialMeta.Clean(title, SocialMeta.TitleLength * 2) + "\r\n\r\n" + pageUrl);
        return
        [
            ("Facebook", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("Zalo", $"https://sp.zalo.me/share_inline?url={url}"),
            ("X", $"https://x.com/intent/post?url={url}&text={text}"),
            ("LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            ("E-mail", $"mailto:?subject={text}&body={body}"),
        ];
    }

    public static Markup Share(PageContext ctx, TaskRecord task, string pagePath)
    {
        var links = ShareLinks(ctx.Absolute(pagePath), task.Title ?? task.Code);
        var items = links.Select(l => l.Name == "E-mail"
            ? Html.Of($"""<li><a href="{l.Href}">{l.Name}</a></li>""")
            : Html.Of($"""<li><a href="{l.Href}" rel="noopener noreferrer" target="_blank">{l.Name}</a></li>"""));
        var snippet = $"<iframe src=\"{ctx.Absolute(EmbedPath(task.Id!))}\" title=\"{Html.Encode(task.Title)}\" width=\"100%\" height=\"320\" loading=\"lazy\" style=\"border:0\"></iframe>";
        return Html.Of($"""
            <section aria-labelledby="share-h">
            <h2 id="share-h">{ctx[T.Share]}</h2>
            <ul class="share">{items}</ul>
            <p><a href="{TaskCardEndpoint.Path(task.Id!)}" type="image/png">{ctx[CardLink]}</a></p>
            <h3 id="embed-h">{ctx[T.Embed]}</h3>
            <p>{ctx[T.EmbedHelp]} <a href="{OEmbedPath(ctx, pagePath)}"><code>{OEmbedPath(ctx, pagePath)}</code></a></p>
            <pre class="code" aria-labelledby="embed-h"><code>{snippet}</code></pre>
            </section>
            """);
    }
}
