using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Registry.Api.Http;

/// <summary>
/// Server-side cache of public reads (200 only), keyed by path, every query parameter and, where the endpoint
/// negotiates its representation, the Accept header; tagged <see cref="HttpCaching.PublicTag"/> so writes and index
/// changes evict it. Requests with an API key bypass it, and so does everything when <paramref name="enabled"/> is false.
/// </summary>
internal sealed class PublicOutputCachePolicy(bool enabled = true) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = enabled && HttpCaching.IsPublicRead(http) && !HttpCaching.IsStreamed(http);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return ValueTask.CompletedTask;

        context.CacheVaryByRules.QueryKeys = "*";
        if (HttpCaching.VariesByAccept(http)) context.CacheVaryByRules.HeaderNames = HeaderNames.Accept;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(HttpCaching.MaxAge(http));
        context.Tags.Add(HttpCaching.PublicTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
