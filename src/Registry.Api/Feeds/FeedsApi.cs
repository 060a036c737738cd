using Registry.Api.Feeds.Dcat;
using Registry.Api.Feeds.Embed;
using Registry.Api.Feeds.Oai;
using Registry.Api.Feeds.SchemaOrg;
using Registry.Api.Feeds.Snapshots;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Problems;
using Registry.Api.Search;

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
            .WithDescription("Same q and filters as the REST search; the 50 most recently changed tasks, newest first. Supports If-None-Match / If-Modified-Since.")
            .DeclaresFeed(FeedMediaTypes.Atom);
        feeds.MapGet("/tasks.rss", FeedHandlers.Rss).WithName("TasksRssFeed")
            .WithSummary("RSS 2.0 feed của một tìm kiếm (RSS feed of any search)")
            .WithDescription("As the Atom feed, in RSS 2.0.")
            .DeclaresFeed(FeedMediaTypes.Rss);
        feeds.MapGet("/tasks.json", FeedHandlers.Json).WithName("TasksJsonFeed")
            .WithSummary("JSON Feed 1.1 của một tìm kiếm (JSON Feed of any search)")
            .WithDescription("As the Atom feed, in JSON Feed 1.1 (https://jsonfeed.org/version/1.1).")
            .DeclaresFeed(FeedMediaTypes.JsonFeed);

        app.MapGet("/oai", OaiHandler.Handle).WithTags(Tag).WithName("OaiPmhGet")
            .WithSummary("OAI-PMH 2.0 (GET)").WithDescription("Verbs Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord; formats oai_dc and oai_cerif_openaire. " +
                "Protocol errors (badVerb, badArgument, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch, badResumptionToken) are 200 responses with <error> elements, as OAI-PMH requires.")
            .WithQueryParameters(OaiParameters)
            .Produces(StatusCodes.Status200OK, contentType: OaiXml);
        app.MapPost("/oai", OaiHandler.Handle).WithTags(Tag).WithName("OaiPmhPost").DisableAntiforgery()
            .WithSummary("OAI-PMH 2.0 (POST, application/x-www-form-urlencoded)")
            .WithDescription("The same arguments as GET /oai, sent as a form.")
            .Accepts<OaiPmhArguments>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status200OK, contentType: OaiXml)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapGet("/catalog", CatalogHandler.Get).WithTags(Tag).WithName("DcatCatalog")
            .WithSummary("Danh mục DCAT-AP (DCAT-AP catalogue, JSON-LD or Turtle)")
            .WithDescription("The DCAT-AP 3 catalogue of the registry's datasets and distributions. JSON-LD by default; Turtle with Accept: text/turtle.")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json", additionalContentTypes: "text/turtle");
        app.MapGet("/api/v1/tasks/{id}.jsonld", TaskJsonLdHandler.Get).WithTags(Tag).WithName("GetTaskJsonLd")
            .WithSummary("Nhiệm vụ dạng schema.org JSON-LD (a task as schema.org ResearchProject)")
            .WithDescription("A published task as schema.org JSON-LD with its own strong ETag. 404 for unknown ids and drafts; 410 with the tombstone for withdrawn tasks.")
            .Produces(StatusCodes.Status200OK, contentType: TaskJsonLd.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json");

        app.MapGet("/snapshots/manifest.json", SnapshotHandlers.Manifest).WithTags(Tag).WithName("SnapshotManifest")
            .WithSummary("Danh mục bản sao toàn bộ (bulk snapshot manifest)")
            .WithDescription("What a mirror downloads first: one gzip JSON Lines partition per month of updatedAt, each with its SHA-256 (also its ETag).")
            .Produces<SnapshotManifest>(StatusCodes.Status200OK, "application/json")
            .AnswersConditionalGet(modifiedSince: true);
        app.MapGet("/snapshots/{file}", SnapshotHandlers.File).WithTags(Tag).WithName("SnapshotFile")
            .WithSummary("Một phân vùng bản sao, JSON Lines nén gzip (one snapshot partition)")
            .WithDescription("A partition named in the manifest (tasks-yyyy-MM.jsonl.gz): gzip JSON Lines of public records v1. Range requests are supported (206, 416).")
            .Produces(StatusCodes.Status200OK, contentType: "application/gzip")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/gzip")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .AnswersConditionalGet(modifiedSince: true);

        app.MapGet("/embed/tasks", EmbedHandlers.List).WithTags(Tag).WithName("EmbedTasks").ExcludeFromDescription();
        app.MapGet("/embed/tasks/{id}", EmbedHandlers.Single).WithTags(Tag).WithName("EmbedTask").ExcludeFromDescription();
        app.MapGet("/embed/tasks.json", EmbedHandlers.Json).WithTags(Tag).WithName("EmbedTasksJson")
            .WithSummary("Danh sách gọn cho tiện ích nhúng, CORS mở (compact list for the embed widget, CORS *)")
            .WithDescription($"The newest-changed published tasks matching q and the filters, {EmbedHandlers.DefaultLimit} by default (limit up to {EmbedHandlers.MaxLimit}): total, moreUrl and items {{id, title, url, code, …}}.")
            .WithQueryParameters([.. FeedParameters, new("limit", "integer", $"Số nhiệm vụ, 1–{EmbedHandlers.MaxLimit} (how many tasks).", "10")])
            .Produces<EmbedTaskList>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem();
        app.MapGet("/embed.js", EmbedHandlers.Script).WithTags(Tag).WithName("EmbedScript").ExcludeFromDescription();
        app.MapGet("/oembed", OEmbedHandler.Get).WithTags(Tag).WithName("OEmbed")
            .WithSummary("oEmbed cho trang nhiệm vụ và trang tìm kiếm (oEmbed for task and search pages)")
            .WithDescription("oEmbed 1.0 (https://oembed.com) rich type for a task page (/tasks/{id}) or a search page (/tasks?…) of this site. 404 for other URLs and unpublished tasks; 501 for format other than json.")
            .WithQueryParameters(
            [
                new("url", "string", "Địa chỉ trang nhiệm vụ hoặc trang tìm kiếm của trang này (a task or search page of this site).", "https://registry.phutho.gov.vn/tasks/t0123456789ab"),
                new("maxwidth", "integer", $"Chiều rộng tối đa, px (maximum width; at most {OEmbedHandler.DefaultWidth}).", "600"),
                new("maxheight", "integer", "Chiều cao tối đa, px (maximum height).", "240"),
                new("format", "string", "Chỉ json (only json).", "json"),
            ])
            .Produces<OEmbedResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented);

        app.MapGet("/sitemap.xml", SitemapHandlers.Sitemap).WithTags(Tag).WithName("Sitemap").ExcludeFromDescription();
        app.MapGet("/sitemaps/{part:int}.xml", SitemapHandlers.Part).WithTags(Tag).WithName("SitemapPart").ExcludeFromDescription();
        app.MapGet("/robots.txt", SitemapHandlers.Robots).WithTags(Tag).WithName("Robots").ExcludeFromDescription();
        return app;
    }

    private const string OaiXml = "text/xml";

    /// <summary>The feeds read q and the REST search filters (not sort, paging or facets: newest change first).</summary>
    private static readonly IReadOnlyList<QueryParameter> FeedParameters =
        SearchParameters.Common.Where(p => p.Name != SearchParameters.Sort).ToList();

    private static readonly IReadOnlyList<QueryParameter> OaiParameters =
    [
        new("verb", "string", "Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords hoặc GetRecord.", "ListRecords"),
        new("metadataPrefix", "string", "oai_dc hoặc oai_cerif_openaire (ListIdentifiers, ListRecords, GetRecord).", "oai_dc"),
        new("identifier", "string", "oai:registry.phutho.gov.vn:<id> (GetRecord, ListMetadataFormats).", null),
        new("from", "string", "Ngày hoặc thời điểm UTC, YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ (lower bound of the datestamp).", "2025-01-01"),
        new("until", "string", "Như from (upper bound of the datestamp, same granularity as from).", "2025-12-31"),
        new("set", "string", "setSpec từ ListSets (a setSpec from ListSets).", null),
        new("resumptionToken", "string", "Mã tiếp tục của lần trả lời trước; dùng một mình (the previous answer's resumption token; exclusive).", null),
    ];

    /// <summary>A feed: 200 in its media type, 304 on If-None-Match / If-Modified-Since, 400 for bad filters.</summary>
    private static RouteHandlerBuilder DeclaresFeed(this RouteHandlerBuilder builder, string mediaType) => builder
        .WithQueryParameters(FeedParameters)
        .Produces(StatusCodes.Status200OK, contentType: mediaType)
        .ProducesValidationProblem()
        .AnswersConditionalGet(modifiedSince: true);
}
