using Microsoft.Extensions.Caching.Memory;
using Registry.Api.Problems;
using Registry.Api.Tasks;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;

namespace Registry.Api.Web.Cards;

/// <summary>
/// <c>GET /tasks/{id}/card.png</c>: the share card of a published task, named by og:image and twitter:image on its
/// page. Same public rules as the page and the API: drafts and unknown ids 404, withdrawn 410 (problem details).
/// Cards are cached in memory (bounded by bytes) under id + stored version, so an update draws a new card with a
/// new strong ETag; renders run at most <see cref="MaxConcurrentRenders"/> at a time.
/// </summary>
public static class TaskCardEndpoint
{
    /// <summary>Bumped when the drawing changes, so caches and ETags of old drawings are not reused.</summary>
    public const string Revision = "c3";

    public const int MaxConcurrentRenders = 2;

    /// <summary><c>Cache-Control: public, max-age</c> of a card (pages are outside the /api caching middleware, so the handler sets it).</summary>
    public const int MaxAgeSeconds = 3600;
    public const long CacheBytes = 32L * 1024 * 1024;
    public static readonly TimeSpan RenderWait = TimeSpan.FromSeconds(10);

    private static readonly MemoryCache Cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });
    private static readonly SemaphoreSlim Renders = new(MaxConcurrentRenders, MaxConcurrentRenders);

    public static string Path(string id) => "/tasks/" + Uri.EscapeDataString(id) + "/card.png";

    /// <summary>The address pages put in og:image: the version in the query, so platforms that cache by URL fetch a changed card.</summary>
    public static string VersionedPath(string id, long version) => $"{Path(id)}?v={version}";

    public static string ETag(long version) => $"\"card-{Revision}-{version}\"";

    public static async Task<IResult> Get(string id, HttpRequest request, HttpResponse response, IPublicCatalog catalog, CancellationToken ct)
    {
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        var etag = ETag(found.Version);
        response.Headers.ETag = etag;
        response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(s => s.Trim()).Any(s => s == etag || s == "*")))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        var key = (found.Record.Id ?? id, found.Version, Revision);
        if (!Cache.TryGetValue(key, out byte[]? png) || png is null)
        {
            if (!await Renders.WaitAsync(RenderWait, ct))
            {
                response.Headers.Remove("ETag");
                response.Headers.CacheControl = "no-store";
                response.Headers.RetryAfter = "5";
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Đang bận vẽ thẻ chia sẻ, vui lòng thử lại sau ít giây (busy drawing share cards, retry in a few seconds)");
            }
            try
            {
                if (!Cache.TryGetValue(key, out png) || png is null)
                {
                    png = TaskCardRenderer.RenderPng(TaskCardContent.From(found.Record));
                    Cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = TimeSpan.FromHours(6) });
                }
            }
            finally { Renders.Release(); }
        }
        return Results.File(png, "image/png");
    }
}
