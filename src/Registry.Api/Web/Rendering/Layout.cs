using Registry.Api.Web.Localization;

namespace Registry.Api.Web.Rendering;

/// <summary>Everything a page declares about itself for the shared shell.</summary>
/// <param name="Head">Extra elements for &lt;head&gt; (JSON-LD, oEmbed discovery).</param>
/// <param name="OpenGraphType">og:type: "website" for the site's pages, "article" for a task.</param>
public sealed record PageShell(string Title, string Description, Markup Main, string? CanonicalPath = null, Markup Head = default,
    string OpenGraphType = "website", ShareImage? Image = null);

/// <summary>The shared page shell: skip link, header with navigation and language switch, main, footer.</summary>
public static class Layout
{
    public static string Render(PageContext ctx, PageShell page)
    {
        var lang = ctx.Language.Code();
        var title = page.Title == ctx[T.SiteName] ? page.Title : $"{page.Title} · {ctx[T.SiteName]}";
        var canonical = page.CanonicalPath is null ? Markup.Empty : Html.Of($"""
            <link rel="canonical" href="{ctx.Absolute(page.CanonicalPath)}">
            <link rel="alternate" hreflang="vi" href="{ctx.Absolute(WithLang(page.CanonicalPath, "vi"))}">
            <link rel="alternate" hreflang="en" href="{ctx.Absolute(WithLang(page.CanonicalPath, "en"))}">
            """);
        var doc = Html.Of($"""
            <!doctype html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <meta name="description" content="{SocialMeta.Clean(page.Description, 300)}">
            <meta name="theme-color" content="#0b4f6c">
            <link rel="stylesheet" href="{StaticAssets.Url("site.css")}">
            <link rel="icon" href="{StaticAssets.Url("icon.svg")}" type="image/svg+xml">
            {canonical}{SocialMeta.Render(ctx, page, ShareUrl(ctx, page))}{page.Head}
            </head>
            <body>
            <a class="skip" href="#main">{ctx[T.SkipToContent]}</a>
            {Header(ctx)}
            <main id="main" tabindex="-1">
            {page.Main}
            </main>
            {Footer(ctx)}
            </body>
            </html>
            """);
        return doc.Value;
    }

    /// <summary>The canonical address when the page has one, else the address as asked (a search, an error).</summary>
    private static string ShareUrl(PageContext ctx, PageShell page) =>
        ctx.Absolute(page.CanonicalPath ?? (ctx.Http.Request.Path.Value ?? "/") + ctx.Http.Request.QueryString.Value);

    private static string WithLang(string path, string lang) => path + (path.Contains('?') ? "&" : "?") + "lang=" + lang;

    private static Markup Header(PageContext ctx)
    {
        var path = ctx.Http.Request.Path.Value ?? "/";
        Markup Item(string href, UiString label, bool current) => current
            ? Html.Of($"""<li><a href="{href}" aria-current="page">{ctx[label]}</a></li>""")
            : Html.Of($"""<li><a href="{href}">{ctx[label]}</a></li>""");
        var other = ctx.Language.Other();
        var otherName = other == WebLanguage.En ? "English" : "Tiếng Việt";
        return Html.Of($"""
            <header class="site">
            <div class="wrap bar">
            <a class="brand" href="/">{ctx[T.SiteName]}</a>
            <nav aria-label="{ctx[T.MainNav]}">
            <ul>
            {Item("/", T.NavHome, path == "/")}
            {Item("/tasks", T.NavTasks, path.StartsWith("/tasks", StringComparison.Ordinal))}
            {Item("/collections", Pages.CollectionText.Collections, path.StartsWith("/collections", StringComparison.Ordinal))}
            {Item("/stats", T.NavStats, path == "/stats")}
            {Item("/swagger", T.NavApi, false)}
            </ul>
            </nav>
            <a class="lang" href="{ctx.SwitchLanguageUrl()}" hreflang="{other.Code()}" lang="{other.Code()}" title="{ctx[T.LanguageSwitch]}">{otherName}</a>
            </div>
            </header>
            """);
    }

    private static Markup Footer(PageContext ctx) => Html.Of($"""
        <footer class="site">
        <div class="wrap">
        <p>{ctx[T.FooterPublisher]}. <a href="/license" rel="license">{ctx[T.FooterLicence]}</a> · <a href="/feedback">{ctx[Registry.Api.Web.Pages.FeedbackText.WriteGeneral]}</a></p>
        <p><a href="/swagger">API</a> · <a href="/api/v1/tasks">JSON</a> · <a href="/catalog">DCAT-AP</a> · <a href="/oai?verb=Identify">OAI-PMH</a> · <a href="/graphql">GraphQL</a></p>
        </div>
        </footer>
        """);
}
