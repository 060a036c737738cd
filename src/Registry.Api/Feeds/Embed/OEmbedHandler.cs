using System.Text;
using System.Text.Json.Nodes;
using Registry.Api.Problems;
using Registry.Data;
using Registry.Data.Catalog;
using Registry.Data.Collections;
using Registry.Data.Records;

using static Registry.Api.Web.Rendering.Html;

namespace Registry.Api.Feeds.Embed;

/// <summary>
/// oEmbed 1.0 (rich type) for task pages <c>/tasks/{id}</c>, search pages <c>/tasks?…</c> and collection pages
/// <c>/collections/{id}</c> of this site.
/// Other URLs answer 404 and formats other than JSON 501, as the spec asks.
/// </summary>
public static class OEmbedHandler
{
    public const int DefaultWidth = 600;

    public static async Task<IResult> Get(HttpContext http, IPublicCatalog catalog, ICollectionStore collections, PublicUrls urls, CancellationToken ct)
    {
        var q = http.Request.Query;
        var format = q["format"].ToString();
        if (format.Length > 0 && format != "json")
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Chưa hỗ trợ (not implemented)",
                detail: "Chỉ hỗ trợ format=json (only format=json is implemented).");
        var baseUrl = urls.Base(http.Request);
        if (!Uri.TryCreate(q["url"].ToString(), UriKind.Absolute, out var url) || !SameSite(url, baseUrl, http.Request))
            return NotFound("url phải là trang nhiệm vụ hoặc trang tìm kiếm của trang này (url must be a task or search page of this site).");
        var width = Bound(q["maxwidth"], DefaultWidth);
        var segments = url.AbsolutePath.Trim('/').Split('/');
        if (segments is ["tasks", var id] && id.Length > 0)
        {
            // Withdrawn tasks have no card to embed: not found, like drafts.
            if (await catalog.FindByIdAsync(Uri.UnescapeDataString(id), ct: ct) is not PublicTaskLookup.Found task)
                return NotFound("Không có nhiệm vụ công khai này (no such published task).");
            var height = Bound(q["maxheight"], 240);
            return Answer(task.Record.Title!, $"{baseUrl}/embed/tasks/{Uri.EscapeDataString(task.Id)}", baseUrl, width, height);
        }
        if (segments is ["tasks"])
        {
            var height = Bound(q["maxheight"], 480);
            return Answer("Nhiệm vụ KH&CN tỉnh Phú Thọ", $"{baseUrl}/embed/tasks{url.Query}", baseUrl, width, height);
        }
        if (segments is ["collections", var cid] && cid.Length > 0)
        {
            if (!PublicIds.IsWellFormed(Uri.UnescapeDataString(cid), 'c') || await collections.FindAsync(Uri.UnescapeDataString(cid), ct: ct) is not { } collection)
                return NotFound("Không có bộ sưu tập này (no such collection).");
            var height = Bound(q["maxheight"], 480);
            return Answer(collection.Title, $"{baseUrl}/embed/collections/{Uri.EscapeDataString(collection.Id)}", baseUrl, width, height);
        }
        return NotFound("Chỉ nhúng được trang /tasks/{id}, /tasks?… và /collections/{id} (only task, search and collection pages can be embedded).");
    }

    private static IResult Answer(string title, string src, string baseUrl, int width, int height)
    {
        var iframe = $"<iframe src=\"{Encode(src)}\" width=\"{width}\" height=\"{height}\" title=\"{Encode(title)}\" " +
                     "style=\"border:1px solid #e3e6ea;max-width:100%\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";
        var body = new JsonObject
        {
            ["version"] = "1.0",
            ["type"] = "rich",
            ["title"] = title,
            ["provider_name"] = "Sở KH&CN tỉnh Phú Thọ — Cơ sở dữ liệu nhiệm vụ KH&CN",
            ["provider_url"] = baseUrl + "/",
            ["cache_age"] = 3600,
            ["html"] = iframe,
            ["width"] = width,
            ["height"] = height,
        };
        return Results.Text(body.ToJsonString(RegistryJson.Options), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static bool SameSite(Uri url, string baseUrl, HttpRequest request)
    {
        if (url.Scheme is not ("http" or "https")) return false;
        var configured = new Uri(baseUrl + "/");
        return string.Equals(url.Authority, configured.Authority, StringComparison.OrdinalIgnoreCase)
            || string.Equals(url.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static int Bound(Microsoft.Extensions.Primitives.StringValues text, int preferred) =>
        int.TryParse(text.ToString(), out var max) && max > 0 ? Math.Min(max, preferred) : preferred;

    private static IResult NotFound(string detail) => ApiProblems.Create(ProblemKind.NotFound, detail);
}
