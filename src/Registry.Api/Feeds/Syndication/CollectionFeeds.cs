using System.Security.Cryptography;
using System.Text;
using Registry.Api.Problems;
using Registry.Data.Collections;
using Registry.Data.Records;

namespace Registry.Api.Feeds.Syndication;

/// <summary>
/// <c>/feeds/collections/{id}.atom|.rss|.json</c>: a collection's published tasks as entries, in the curators' order
/// (not by date: the order is the point of a collection). 304 on If-None-Match / If-Modified-Since; 404 when unknown.
/// </summary>
public static class CollectionFeeds
{
    public static Task<IResult> Atom(string id, HttpContext http, ICollectionStore store, PublicUrls urls, CancellationToken ct) =>
        Handle(FeedFormat.Atom, id, http, store, urls, ct);

    public static Task<IResult> Rss(string id, HttpContext http, ICollectionStore store, PublicUrls urls, CancellationToken ct) =>
        Handle(FeedFormat.Rss, id, http, store, urls, ct);

    public static Task<IResult> Json(string id, HttpContext http, ICollectionStore store, PublicUrls urls, CancellationToken ct) =>
        Handle(FeedFormat.Json, id, http, store, urls, ct);

    private static async Task<IResult> Handle(FeedFormat format, string id, HttpContext http, ICollectionStore store, PublicUrls urls, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct: ct) is not { } collection)
        {
            return ApiProblems.Create(ProblemKind.NotFound, "Không có bộ sưu tập với id này (no collection with this id).");
        }

        var baseUrl = urls.Base(http.Request);
        var entries = collection.Items.Select(i => FeedEntry.From(i.Task, baseUrl)).ToList();
        var updated = entries.Select(e => e.Updated).Append(collection.UpdatedAt).Max();
        var etag = ETagOf(format, collection, entries);
        if (ConditionalGet.NotModified(http.Request, etag, updated)) return ConditionalGet.Answer304(http.Response, etag, updated);
        ConditionalGet.SetValidators(http.Response, etag, updated);

        var escaped = Uri.EscapeDataString(collection.Id);
        var header = new FeedHeader(
            $"{FeedHandlers.CatalogueTitle} — {collection.Title}",
            baseUrl + http.Request.Path,
            $"{baseUrl}/collections/{escaped}",
            $"tag:{PublicUrls.Authority},2025:collections/{escaped}",
            updated);
        return format switch
        {
            FeedFormat.Atom => Results.Text(XmlText.Serialize(FeedWriters.Atom1(header, entries).Root!), FeedMediaTypes.Atom + "; charset=utf-8", Encoding.UTF8),
            FeedFormat.Rss => Results.Text(XmlText.Serialize(FeedWriters.Rss2(header, entries).Root!), FeedMediaTypes.Rss + "; charset=utf-8", Encoding.UTF8),
            _ => Results.Text(FeedWriters.JsonFeed(header, entries).ToJsonString(RegistryJson.Options), FeedMediaTypes.JsonFeed + "; charset=utf-8", Encoding.UTF8),
        };
    }

    /// <summary>Strong validator over what a reader sees: the collection's version and each entry in order.</summary>
    private static string ETagOf(FeedFormat format, CollectionRecord collection, IReadOnlyList<FeedEntry> entries)
    {
        var text = new StringBuilder().Append(format).Append('|').Append(collection.Id).Append('@').Append(collection.Version);
        foreach (var e in entries) text.Append('|').Append(e.Id).Append('@').Append(e.Updated.UtcTicks);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32] + "\"";
    }
}
