using Registry.Api.Collections;
using Registry.Api.Feeds.Embed;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Data.Collections;

namespace Microsoft.AspNetCore.Builder;

/// <summary>GET /collections, /collections/{id}; curator POST, PUT, DELETE.</summary>
public static class CollectionsApi
{
    public const string Tag = "Collections";

    public static RouteGroupBuilder MapCollectionsApi(this IEndpointRouteBuilder v1)
    {
        var collections = v1.MapGroup("/collections").WithTags(Tag);

        collections.MapGet("/", CollectionHandlers.List)
            .WithName("ListCollections")
            .WithSummary("Các bộ sưu tập nhiệm vụ (curated collections)")
            .WithDescription("Collections curators assembled for a day (Vietnam S&T Day 18/5, Innovation Day 1/10, Digital Transformation Day 10/10), a campaign or a theme, latest date first, cursor paging (pageSize 1–200, default 25). " +
                "Envelope {meta: {count, nextCursor, pageSize}, results: [{id, title, titleEn, description, descriptionEn, date, taskCount, updatedAt}]}; taskCount counts published tasks only.")
            .Produces<CollectionListResponse>()
            .ProducesValidationProblem()
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();

        collections.MapGet("/{id}", CollectionHandlers.Get)
            .WithName("GetCollection")
            .WithSummary("Một bộ sưu tập và các nhiệm vụ của nó theo thứ tự (a collection with its tasks in order)")
            .WithDescription("The collection with items [{position, note, public, task: record v1}] in the curators' order. The public sees published tasks only (drafts and withdrawn tasks are left out and the rest renumbered from 1); " +
                "a curator key sees every task, with public=false on those hidden, and the ETag to send as If-Match. Public answers carry an ETag of their content (it changes when a task in it is published or withdrawn). 404 when unknown.")
            .Produces<CollectionRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();

        collections.MapPost("/", CollectionHandlers.Create)
            .WithName("CreateCollection")
            .WithSummary("Tạo bộ sưu tập (create a collection)")
            .WithDescription($"Body {{title, titleEn, description, descriptionEn, date, items: [{{task, note}}]}}; title and date (YYYY-MM-DD) are required; task is a public id (t…) or a registry code. " +
                $"At most {CollectionLimits.MaxItems} items, each task once; unknown tasks are named by item path. Duplicate or unknown properties answer 400 by path. Answers 201 with Location and ETag. Every write is audited.")
            .Accepts<CollectionInput>("application/json")
            .Produces<CollectionWriteResponse>(StatusCodes.Status201Created)
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType);

        collections.MapPut("/{id}", CollectionHandlers.Update)
            .WithName("UpdateCollection")
            .WithSummary("Sửa bộ sưu tập (replace a collection)")
            .WithDescription("Replaces title, texts, date and items (the order given is the order shown). If-Match with the ETag you read is required (428 without it, 412 with the current ETag when stale). Unchanged content answers 200 with outcome \"unchanged\".")
            .Accepts<CollectionInput>("application/json")
            .Produces<CollectionWriteResponse>()
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);

        collections.MapDelete("/{id}", CollectionHandlers.Delete)
            .WithName("DeleteCollection")
            .WithSummary("Xóa bộ sưu tập (delete a collection)")
            .WithDescription("Deletes the collection; its tasks are untouched. If-Match is optional; when given and stale the answer is 412. The deletion is audited.")
            .Produces<CollectionWriteResponse>()
            .WriteProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);

        return collections;
    }

    /// <summary>A collection's feeds (in its order) and its embeddable card list, beside the other feeds and embeds.</summary>
    public static IEndpointRouteBuilder MapCollectionFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds/collections").WithTags(FeedsApi.Tag);
        feeds.MapGet("/{id}.atom", CollectionFeeds.Atom).WithName("CollectionAtomFeed")
            .WithSummary("Atom feed của một bộ sưu tập (Atom feed of a collection)")
            .WithDescription("The collection's published tasks in the curators' order. Supports If-None-Match / If-Modified-Since. 404 when unknown.")
            .DeclaresCollectionFeed(FeedMediaTypes.Atom);
        feeds.MapGet("/{id}.rss", CollectionFeeds.Rss).WithName("CollectionRssFeed")
            .WithSummary("RSS 2.0 feed của một bộ sưu tập (RSS feed of a collection)")
            .WithDescription("As the collection's Atom feed, in RSS 2.0.")
            .DeclaresCollectionFeed(FeedMediaTypes.Rss);
        feeds.MapGet("/{id}.json", CollectionFeeds.Json).WithName("CollectionJsonFeed")
            .WithSummary("JSON Feed 1.1 của một bộ sưu tập (JSON Feed of a collection)")
            .WithDescription("As the collection's Atom feed, in JSON Feed 1.1.")
            .DeclaresCollectionFeed(FeedMediaTypes.JsonFeed);

        app.MapGet("/embed/collections/{id}", CollectionEmbed.Get).WithTags(FeedsApi.Tag).WithName("EmbedCollection").ExcludeFromDescription();
        return app;
    }

    private static RouteHandlerBuilder DeclaresCollectionFeed(this RouteHandlerBuilder builder, string mediaType) => builder
        .Produces(StatusCodes.Status200OK, contentType: mediaType)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .AnswersConditionalGet(modifiedSince: true)
        .RejectUnknownQueryParameters();
}
