using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Registry.Data.Records;

namespace Registry.Api.Feeds.Dcat;

/// <summary><c>GET /catalog</c>: the DCAT-AP catalogue as JSON-LD, or Turtle when the client asks for <c>text/turtle</c>.</summary>
public static class CatalogHandler
{
    public static async Task<IResult> Get(HttpContext http, PublicUrls urls, CatalogFactsCache facts, TimeProvider clock, CancellationToken ct)
    {
        var catalog = DcatCatalog.Build(urls.Base(http.Request), await facts.GetAsync().WaitAsync(ct), clock.GetUtcNow());
        http.Response.Headers.Vary = "Accept";
        if (WantsTurtle(http.Request))
            return Results.Text(TurtleWriter.Write(catalog), "text/turtle; charset=utf-8", Encoding.UTF8);
        return Results.Text(catalog.ToJsonString(RegistryJson.Options), "application/ld+json; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Turtle only when it is preferred over JSON-LD (by quality, then order).</summary>
    private static bool WantsTurtle(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0) return false;
        var best = accept.Where(a => a.MediaType.Value is "text/turtle" or "application/ld+json" or "application/json" or "*/*")
            .OrderByDescending(a => a.Quality ?? 1).FirstOrDefault();
        return best?.MediaType.Value == "text/turtle";
    }
}
