using Microsoft.Net.Http.Headers;
using Registry.Api.Feeds;
using Registry.Api.Feeds.SchemaOrg;
using Registry.Data.Abstractions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>GET /api/v1/tasks/{id}</c> with <c>Accept: application/ld+json</c> answers the schema.org JSON-LD instead of
/// record v1. A middleware that runs after routing (so it knows the matched endpoint) rather than a change to the
/// REST task handler, which other work owns; <c>/api/v1/tasks/{id}.jsonld</c> answers the same without negotiation.
/// It must run before the output cache, which keys on the path only and would otherwise mix the two representations.
/// </summary>
public static class TaskJsonLdNegotiation
{
    private const string GetTaskEndpoint = "GetTask";

    public static IApplicationBuilder UseTaskJsonLdNegotiation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (name != GetTaskEndpoint || !HttpMethods.IsGet(http.Request.Method))
        {
            await next(http);
            return;
        }
        // Both representations say they depend on Accept, so a shared cache never hands record v1 to a client
        // that asked for JSON-LD or the reverse.
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (!PrefersJsonLd(http.Request) || http.Request.RouteValues["id"] is not string id)
        {
            await next(http);
            return;
        }
        var services = http.RequestServices;
        var result = await TaskJsonLdHandler.Get(id, http, services.GetRequiredService<ITaskStore>(), services.GetRequiredService<PublicUrls>(), http.RequestAborted);
        await result.ExecuteAsync(http);
    });

    /// <summary>True when application/ld+json is acceptable and ranked above application/json.</summary>
    private static bool PrefersJsonLd(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0) return false;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var ld = Quality(TaskJsonLd.MediaType);
        return ld > 0 && ld > Quality("application/json");
    }
}
