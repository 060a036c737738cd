using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Problems;
using Registry.Api.Search;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Feeds.Embed;

/// <summary>
/// <c>/embed/tasks</c> (an iframe list of any search), <c>/embed/tasks/{id}</c> (one task card),
/// <c>/embed/tasks.json</c> (the same list for <c>/embed.js</c>, CORS open) and the script itself.
/// </summary>
public static class EmbedHandlers
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>Framable from any site, and nothing may load from elsewhere.</summary>
    public const string FramePolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";

    public static async Task<IResult> List(HttpContext http, ISearchIndex index, PublicUrls urls, CancellationToken ct)
    {
        var baseUrl = urls.Base(http.Request);
        var read = FeedQuery.Read(http.Request.Query, Surface);
        if (!read.IsValid) return Framable(http, EmbedHtml.Notice(EmbedNotice.BadSearch(read.Errors), baseUrl), StatusCodes.Status400BadRequest);
        var request = read.Request;
        var result = await index.SearchAsync(request, ct);
        var organizations = await SearchDescription.OrganizationNamesAsync(request, result.Hits.Select(h => h.Record),
            http.RequestServices.GetService<IOrganizationDirectory>(), ct);
        var heading = FeedHandlers.Title(request, organizations);
        var html = EmbedHtml.List(heading, result.Hits.Select(h => h.Record).ToList(), baseUrl, SearchPage(baseUrl, http.Request), result.Total);
        return Framable(http, html);
    }

    /// <summary>
    /// One published task's card. A withdrawn task shows a card saying so (410), an unknown id one saying it is not
    /// found (404): both small HTML cards, since the reader sees them inside someone else's page.
    /// </summary>
    public static async Task<IResult> Single(string id, HttpContext http, IPublicCatalog catalog, PublicUrls urls, CancellationToken ct)
    {
        var baseUrl = urls.Base(http.Request);
        return await catalog.FindByIdAsync(id, ct: ct) switch
        {
            PublicTaskLookup.Found found => Framable(http, EmbedHtml.Single(found.Record, baseUrl)),
            PublicTaskLookup.Gone gone => Framable(http, EmbedHtml.Notice(EmbedNotice.Withdrawn(gone.Tombstone), baseUrl), StatusCodes.Status410Gone),
            _ => Framable(http, EmbedHtml.Notice(EmbedNotice.NotFound(), baseUrl), StatusCodes.Status404NotFound),
        };
    }

    public static async Task<IResult> Json(HttpContext http, ISearchIndex index, PublicUrls urls, CancellationToken ct)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var (request, problem) = Parse(http.Request);
        if (problem is not null) return problem;
        var result = await index.SearchAsync(request!, ct);
        var baseUrl = urls.Base(http.Request);
        var body = new JsonObject
        {
            ["total"] = result.Total,
            ["moreUrl"] = SearchPage(baseUrl, http.Request),
            ["items"] = new JsonArray(result.Hits.Select(h => (JsonNode)new JsonObject
            {
                ["id"] = h.Id,
                ["title"] = h.Record.Title,
                ["url"] = PublicUrls.TaskPage(baseUrl, h.Id),
                ["code"] = h.Record.Code,
                ["organization"] = h.Record.HostOrganization?.Name,
                ["startYear"] = h.Record.StartDate?.Year,
                ["endYear"] = h.Record.EndDate?.Year,
                ["status"] = h.Record.Status is { } s ? EnumLabels.Of(s).Vi : null,
                // Tóm tắt phổ thông: the item's text in the widget when the task has one.
                ["plainSummary"] = h.Record.PlainSummary,
            }).ToArray()),
        };
        return Results.Text(body.ToJsonString(RegistryJson.Options), "application/json; charset=utf-8", Encoding.UTF8);
    }

    public static IResult Script(HttpContext http)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(EmbedScript.Source, "text/javascript; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>An embed reads the search of a feed, its size given by <c>limit</c> (1–50, default 10).</summary>
    public static readonly SearchSurface Surface = new(new SearchPaging("limit", DefaultLimit, MaxLimit), SearchParts.None, "lang");

    private static (SearchRequest?, IResult?) Parse(HttpRequest http)
    {
        var read = FeedQuery.Read(http.Query, Surface);
        return read.IsValid ? (read.Request, null) : (null, ApiProblems.Validation(read.Errors));
    }

    private static string SearchPage(string baseUrl, HttpRequest http)
    {
        var query = Microsoft.AspNetCore.Http.QueryString.Create(http.Query.Where(p => p.Key != "limit"));
        return baseUrl + "/tasks" + query;
    }

    internal static IResult Framable(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        // Set when the response starts, so a site-wide header added by other middleware cannot forbid framing here.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.Remove("X-Frame-Options");
            http.Response.Headers.ContentSecurityPolicy = FramePolicy;
            return Task.CompletedTask;
        });
        http.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
