using System.Text.Json.Nodes;
using Registry.Api.Feeds;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data;
using Registry.Data.Collections;

namespace Registry.Api.Web.Pages;

/// <summary>
/// <c>/collections</c> (every collection, latest date first) and <c>/collections/{id}</c> (one collection: its
/// published tasks in the curators' order, its feeds and embed code, schema.org <c>CollectionPage</c> with an
/// <c>ItemList</c>). Drafts and withdrawn tasks never appear: the store gives the public view only.
/// </summary>
public static class CollectionPages
{
    private const int ListPageSize = 50;

    public static async Task<IResult> List(HttpContext http, ICollectionStore store, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var cursor = http.Request.Query["cursor"].ToString();
        CollectionPage page;
        try
        {
            page = await store.ListAsync(cursor.Length == 0 ? null : cursor, ListPageSize, ct);
        }
        catch (FormatException) // a cursor this site did not make: the first page is what the reader wants
        {
            page = await store.ListAsync(null, ListPageSize, ct);
        }

        var items = page.Results.Select(c => Html.Of($"""
            <li>
            <h2><a href="{CollectionText.CollectionUrl(c.Id)}" lang="vi">{c.Title}</a></h2>
            {English(ctx, c.TitleEn)}<p class="meta"><span>{ctx.Format.Date(c.Date)}</span><span>{ctx.Format.Number(c.TaskCount)} {ctx[T.PublishedTasks]}</span></p>
            <p lang="vi">{Fragments.Shorten(c.Description, 240)}</p>
            </li>
            """));
        var next = page.NextCursor is { } n ? Html.Of($"""<p><a href="{ctx.WithQuery("/collections", "cursor", n)}" rel="next">{ctx[CollectionText.More]}</a></p>""") : Markup.Empty;
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[CollectionText.Collections]}</h1>
            <p class="lead">{ctx[CollectionText.CollectionsLead]}</p>
            {(page.Results.Count == 0 ? Html.Of($"<p>{ctx[CollectionText.NoCollections]}</p>") : Html.Of($"""<ol class="results">{items}</ol>"""))}
            {next}
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(ctx[CollectionText.Collections], ctx[CollectionText.CollectionsLead], main, CanonicalPath: "/collections"));
    }

    public static async Task<IResult> Single(string id, HttpContext http, ICollectionStore store, PublicUrls urls, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (!PublicIds.IsWellFormed(id, 'c') || await store.FindAsync(id, ct: ct) is not { } collection) return ErrorPages.NotFound(ctx);

        var path = CollectionText.CollectionUrl(id);
        var title = ctx.Language == WebLanguage.En && collection.TitleEn is { } en ? en : collection.Title;
        var description = ctx.Language == WebLanguage.En && collection.DescriptionEn is { } d ? d : collection.Description;
        var tasks = collection.Items.Select(item => WithNote(Fragments.TaskItem(ctx, item.Task, null, "h3"), Note(ctx, item.Note)));
        var list = collection.Items.Count == 0
            ? Html.Of($"<p>{ctx[CollectionText.Empty]}</p>")
            : Html.Of($"""<ol class="results">{tasks}</ol>""");
        var main = Html.Of($"""
            <div class="wrap">
            <p class="meta"><a href="/collections">{ctx[CollectionText.Collections]}</a></p>
            <h1 lang="{(ReferenceEquals(title, collection.Title) ? "vi" : "en")}">{title}</h1>
            <p class="meta"><span><time datetime="{collection.Date.ToString("yyyy-MM-dd")}">{ctx.Format.Date(collection.Date)}</time></span><span>{ctx.Format.Number(collection.TaskCount)} {ctx[T.PublishedTasks]}</span></p>
            {Paragraphs(description)}
            <section aria-labelledby="tasks-h">
            <h2 id="tasks-h">{ctx[CollectionText.TasksHeading]}</h2>
            {list}
            </section>
            {Reuse(ctx, id, urls.Base(http.Request))}
            </div>
            """);
        var head = Html.Of($"""
            <link rel="alternate" type="application/atom+xml" title="{collection.Title}" href="/feeds/collections/{id}.atom">
            <link rel="alternate" type="application/feed+json" title="{collection.Title}" href="/feeds/collections/{id}.json">
            {TaskJsonLd.Script(JsonLd(ctx, collection))}
            """);
        var summary = Fragments.Shorten(description, 200) ?? $"{ctx.Format.Date(collection.Date)}: {collection.TaskCount} {ctx[T.PublishedTasks]}";
        return WebResults.Page(ctx, new PageShell(title, summary, main, path, head));
    }

    private static Markup English(PageContext ctx, string? titleEn) =>
        ctx.Language == WebLanguage.En && !string.IsNullOrWhiteSpace(titleEn) ? Html.Of($"""<p class="meta" lang="en">{titleEn}</p>""") : Markup.Empty;

    /// <summary>The shared task item with the curator's note as its last line.</summary>
    private static Markup WithNote(Markup item, Markup note)
    {
        var end = item.Value.LastIndexOf("</li>", StringComparison.Ordinal);
        return end < 0 ? item : new Markup(item.Value[..end] + note.Value + item.Value[end..]);
    }

    private static Markup Note(PageContext ctx, string? note) =>
        note is null ? Markup.Empty : Html.Of($"""<p class="meta"><strong>{ctx[CollectionText.Note]}:</strong> <span lang="vi">{note}</span></p>""");

    private static Markup Paragraphs(string? text) => text is null ? Markup.Empty
        : Html.Join(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => Html.Of($"<p>{p}</p>")));

    private static Markup Reuse(PageContext ctx, string id, string baseUrl)
    {
        var frame = $"<iframe src=\"{baseUrl}/embed/collections/{id}\" width=\"100%\" height=\"420\" style=\"border:0\" title=\"{Html.Encode(id)}\"></iframe>";
        return Html.Of($"""
            <section aria-labelledby="reuse-h">
            <h2 id="reuse-h">{ctx[CollectionText.Reuse]}</h2>
            <ul class="plain">
            <li><a href="/feeds/collections/{id}.atom">Atom</a> · <a href="/feeds/collections/{id}.rss">RSS</a> · <a href="/feeds/collections/{id}.json">JSON Feed</a> · <a href="/api/v1/collections/{id}">JSON (API)</a></li>
            </ul>
            <p><label for="embed-code">{ctx[CollectionText.Embed]}</label></p>
            <textarea id="embed-code" rows="3" cols="72" readonly>{frame}</textarea>
            </section>
            """);
    }

    /// <summary>schema.org CollectionPage whose main entity is the ordered ItemList of the tasks shown.</summary>
    private static JsonObject JsonLd(PageContext ctx, CollectionRecord c)
    {
        var url = ctx.Absolute(CollectionText.CollectionUrl(c.Id));
        var items = new JsonArray(c.Items.Select(i => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i.Position,
            ["url"] = ctx.Absolute(Fragments.TaskUrl(i.Task.Id!)),
            ["name"] = i.Task.Title,
        }).ToArray());
        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CollectionPage",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = c.Title,
            ["inLanguage"] = "vi",
            ["datePublished"] = c.CreatedAt.ToString("yyyy-MM-dd"),
            ["dateModified"] = c.UpdatedAt.ToString("yyyy-MM-dd"),
            ["temporalCoverage"] = c.Date.ToString("yyyy-MM-dd"),
            ["publisher"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = Feeds.Syndication.FeedWriters.Publisher },
            ["mainEntity"] = new JsonObject
            {
                ["@type"] = "ItemList",
                ["itemListOrder"] = "https://schema.org/ItemListOrderAscending",
                ["numberOfItems"] = c.Items.Count,
                ["itemListElement"] = items,
            },
        };
        if (c.TitleEn is not null) page["alternateName"] = c.TitleEn;
        if (c.Description is not null) page["description"] = c.Description;
        return page;
    }
}
