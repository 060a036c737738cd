using System.Text;
using Registry.Api.Tasks;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary>
/// A task as schema.org JSON-LD: <c>GET /api/v1/tasks/{id}.jsonld</c>, and <c>GET /api/v1/tasks/{id}</c> when the
/// client prefers it (<see cref="TaskHandlers.ReadTask"/>). Public rules whoever asks: drafts 404, withdrawn 410.
/// </summary>
public static class TaskJsonLdHandler
{
    public static async Task<IResult> Get(string id, HttpRequest request, IPublicCatalog catalog, PublicUrls urls, HttpResponse response, CancellationToken ct)
    {
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        // Its own tag: a strong ETag names one representation, and record v1 already uses the bare version.
        var etag = $"\"ld-{found.Version}\"";
        if (request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        response.Headers.ETag = etag;
        var json = TaskJsonLd.Build(found.Record, urls.Base(request));
        return Results.Text(json.ToJsonString(RegistryJson.Options), TaskJsonLd.MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>True when application/ld+json is acceptable and ranked above application/json.</summary>
    public static bool IsPreferred(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0) return false;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var ld = Quality(TaskJsonLd.MediaType);
        return ld > 0 && ld > Quality("application/json");
    }
}
