using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Registry.Api.Problems;
using Registry.Api.Search;
using Registry.Api.Web.Localization;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Feeds.Syndication;

public enum FeedFormat { Atom, Rss, Json }

/// <summary>The three feed endpoints: run the search, answer 304 when nothing changed, else write the format.</summary>
public static class FeedHandlers
{
    public static Task<IResult> Atom(HttpContext http, ISearchIndex index, PublicUrls urls, IOptions<FeedsOptions> options, CancellationToken ct) =>
        Handle(FeedFormat.Atom, http, index, urls, options.Value, ct);

    public static Task<IResult> Rss(HttpContext http, ISearchIndex index, PublicUrls urls, IOptions<FeedsOptions> options, CancellationToken ct) =>
        Handle(FeedFormat.Rss, http, index, urls, options.Value, ct);

    public static Task<IResult> Json(HttpContext http, ISearchIndex index, PublicUrls urls, IOptions<FeedsOptions> options, CancellationToken ct) =>
        Handle(FeedFormat.Json, http, index, urls, options.Value, ct);

    private static async Task<IResult> Handle(FeedFormat format, HttpContext http, ISearchIndex index, PublicUrls urls, FeedsOptions options, CancellationToken ct)
    {
        var read = FeedQuery.Read(http.Request.Query, FeedQuery.Feed(options.FeedSize));
        if (!read.IsValid) return ApiProblems.Validation(read.Errors);
        var request = read.Request;
        var result = await index.SearchAsync(request, ct);
        var baseUrl = urls.Base(http.Request);
        var entries = result.Hits.Select(h => FeedEntry.From(h.Record, baseUrl)).ToList();
        var lastModified = entries.Count > 0 ? entries.Max(e => e.Updated) : await LatestChangeAsync(index, http, ct);
        var etag = ETagOf(format, http.Request.QueryString.Value, entries);

        if (ConditionalGet.NotModified(http.Request, etag, lastModified)) return ConditionalGet.Answer304(http.Response, etag, lastModified);
        ConditionalGet.SetValidators(http.Response, etag, lastModified);

        var organizations = await SearchDescription.OrganizationNamesAsync(request, result.Hits.Select(h => h.Record),
            http.RequestServices.GetService<IOrganizationDirectory>(), ct);
        var header = Header(request, organizations, http.Request, baseUrl, lastModified);
        return format switch
        {
            FeedFormat.Atom => Xml(FeedWriters.Atom1(header, entries), FeedMediaTypes.Atom + "; charset=utf-8"),
            FeedFormat.Rss => Xml(FeedWriters.Rss2(header, entries), FeedMediaTypes.Rss + "; charset=utf-8"),
            _ => Results.Text(FeedWriters.JsonFeed(header, entries).ToJsonString(RegistryJson.Options), FeedMediaTypes.JsonFeed + "; charset=utf-8", Encoding.UTF8),
        };
    }

    /// <summary>
    /// The date of a feed with no entries: the newest change in the public catalogue (what a reader polls for), or,
    /// in a catalogue with nothing published yet, the time of the answer. Never 1970: readers show it.
    /// </summary>
    private static async Task<DateTimeOffset> LatestChangeAsync(ISearchIndex index, HttpContext http, CancellationToken ct)
    {
        var newest = await index.SearchAsync(new SearchRequest { Sort = new SearchSort(SortBy.Updated, SortDirection.Descending), PageSize = 1 }, ct);
        return newest.Hits is [var hit] && (hit.Record.UpdatedAt ?? hit.Record.PublishedAt) is { } changed
            ? changed
            : http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
    }

    /// <summary>The catalogue's name, and what the search selects as a reader would say it (never the raw query string).</summary>
    public const string CatalogueTitle = "Nhiệm vụ KH&CN tỉnh Phú Thọ";

    /// <summary>A feed's or an embed's title: <see cref="CatalogueTitle"/>, then the search in words.</summary>
    public static string Title(SearchRequest request, Func<string, string?> organizationName)
    {
        var what = SearchDescription.Of(request, WebLanguage.Vi, organizationName);
        return CatalogueTitle + (what.Length > 0 ? " — " + what : "");
    }

    private static FeedHeader Header(SearchRequest request, Func<string, string?> organizations, HttpRequest http, string baseUrl, DateTimeOffset updated)
    {
        var title = Title(request, organizations);
        var self = baseUrl + http.Path + http.QueryString;
        var alternate = baseUrl + "/tasks" + http.QueryString;
        // The feed id follows the search, not the format, so the same search has one identity.
        var feedId = $"tag:{PublicUrls.Authority},2025:feeds/tasks{http.QueryString}";
        return new FeedHeader(title, self, alternate, feedId, updated);
    }

    /// <summary>Strong validator over what a reader would see: the search and each entry's id and change time.</summary>
    private static string ETagOf(FeedFormat format, string? query, IReadOnlyList<FeedEntry> entries)
    {
        var text = new StringBuilder().Append(format).Append('|').Append(query);
        foreach (var e in entries) text.Append('|').Append(e.Id).Append('@').Append(e.Updated.UtcTicks);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32] + "\"";
    }

    private static IResult Xml(XDocument doc, string contentType)
    {
        return Results.Text(XmlText.Serialize(doc.Root!), contentType, Encoding.UTF8);
    }
}

/// <summary>ETag and Last-Modified handling shared by feeds, sitemaps and snapshots (RFC 9110 §13).</summary>
public static class ConditionalGet
{
    /// <summary>If-None-Match wins over If-Modified-Since, as RFC 9110 asks.</summary>
    public static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } inm)
            return inm.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == etag);
        return headers.IfModifiedSince is { } since && TruncateToSeconds(lastModified) <= since;
    }

    public static void SetValidators(HttpResponse response, string etag, DateTimeOffset lastModified)
    {
        response.Headers.ETag = etag;
        response.Headers.LastModified = TruncateToSeconds(lastModified).ToString("r");
        response.Headers.CacheControl = "public, max-age=300";
    }

    public static IResult Answer304(HttpResponse response, string etag, DateTimeOffset lastModified)
    {
        SetValidators(response, etag, lastModified);
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
