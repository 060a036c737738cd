using Registry.Api.Feeds.Dcat;
using Registry.Api.Feeds.Embed;
using Registry.Api.Feeds.Oai;
using Registry.Api.Feeds.SchemaOrg;
using Registry.Api.Feeds.Snapshots;
using Registry.Api.Feeds.Syndication;

namespace Microsoft.AspNetCore.Builder;

public static class FeedsApi
{
    public const string Tag = "Open data";

    /// <summary>Maps feeds, OAI-PMH, the DCAT catalogue, task JSON-LD, snapshots, embeds, oEmbed, sitemap and robots.txt.</summary>
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags(Tag);
        feeds.MapGet("/tasks.atom", FeedHandlers.Atom).WithName("TasksAtomFeed")
            .WithSummary("Atom feed của một tìm kiếm (Atom feed of any search)")
            .WithDescription("Same q and filters as the REST search; the 50 most recently changed tasks, newest first. Supports If-None-Match / If-Modified-Since.");
        feeds.MapGet("/tasks.rss", FeedHandlers.Rss).WithName("TasksRssFeed")
            .WithSummary("RSS 2.0 feed của một tìm kiếm (RSS feed of any search)");
        feeds.MapGet("/tasks.json", FeedHandlers.Json).WithName("TasksJsonFeed")
            .WithSummary("JSON Feed 1.1 của một tìm kiếm (JSON Feed of any search)");

        app.MapGet("/oai", OaiHandler.Handle).WithTags(Tag).WithName("OaiPmhGet")
            .WithSummary("OAI-PMH 2.0 (GET)").WithDescription("Verbs Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord; formats oai_dc and oai_cerif_openaire.");
        app.MapPost("/oai", OaiHandler.Handle).WithTags(Tag).WithName("OaiPmhPost").DisableAntiforgery()
            .WithSummary("OAI-PMH 2.0 (POST, application/x-www-form-urlencoded)");

        app.MapGet("/catalog", CatalogHandler.Get).WithTags(Tag).WithName("DcatCatalog")
            .WithSummary("Danh mục DCAT-AP (DCAT-AP catalogue, JSON-LD or Turtle)");
        app.MapGet("/api/v1/tasks/{id}.jsonld", TaskJsonLdHandler.Get).WithTags(Tag).WithName("GetTaskJsonLd")
            .WithSummary("Nhiệm vụ dạng schema.org JSON-LD (a task as schema.org ResearchProject)");

        app.MapGet("/snapshots/manifest.json", SnapshotHandlers.Manifest).WithTags(Tag).WithName("SnapshotManifest")
            .WithSummary("Danh mục bản sao toàn bộ (bulk snapshot manifest)");
        app.MapGet("/snapshots/{file}", SnapshotHandlers.File).WithTags(Tag).WithName("SnapshotFile")
            .WithSummary("Một phân vùng bản sao, JSON Lines nén gzip (one snapshot partition)");

        app.MapGet("/embed/tasks", EmbedHandlers.List).WithTags(Tag).WithName("EmbedTasks").ExcludeFromDescription();
        app.MapGet("/embed/tasks/{id}", EmbedHandlers.Single).WithTags(Tag).WithName("EmbedTask").ExcludeFromDescription();
        app.MapGet("/embed/tasks.json", EmbedHandlers.Json).WithTags(Tag).WithName("EmbedTasksJson")
            .WithSummary("Danh sách gọn cho tiện ích nhúng, CORS mở (compact list for the embed widget, CORS *)");
        app.MapGet("/embed.js", EmbedHandlers.Script).WithTags(Tag).WithName("EmbedScript").ExcludeFromDescription();
        app.MapGet("/oembed", OEmbedHandler.Get).WithTags(Tag).WithName("OEmbed")
            .WithSummary("oEmbed cho trang nhiệm vụ và trang tìm kiếm (oEmbed for task and search pages)");

        app.MapGet("/sitemap.xml", SitemapHandlers.Sitemap).WithTags(Tag).WithName("Sitemap").ExcludeFromDescription();
        app.MapGet("/sitemaps/{part:int}.xml", SitemapHandlers.Part).WithTags(Tag).WithName("SitemapPart").ExcludeFromDescription();
        app.MapGet("/robots.txt", SitemapHandlers.Robots).WithTags(Tag).WithName("Robots").ExcludeFromDescription();
        return app;
    }
}
