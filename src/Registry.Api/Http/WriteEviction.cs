using Microsoft.AspNetCore.OutputCaching;

namespace Registry.Api.Http;

/// <summary>
/// Evicts the public output cache after a successful request that may have written (any method but GET, HEAD and
/// OPTIONS), before the client sees the answer. A handler that only reads over POST (a GraphQL query, an
/// OAI-PMH POST) says so with <see cref="MarkReadOnly"/>; otherwise any anonymous POST could empty the cache for
/// everyone. Writes made outside a request (imports, the indexer) evict through the index
/// (<see cref="SearchIndexCacheEviction"/>).
/// </summary>
public static class WriteEviction
{
    private static readonly object ReadOnlyKey = new();

    /// <summary>This request changed nothing: its success must not evict the cache.</summary>
    public static void MarkReadOnly(HttpContext context) => context.Items[ReadOnlyKey] = true;

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
        {
            context.Response.OnStarting(async () =>
            {
                if (context.Response.StatusCode < 400 && !context.Items.ContainsKey(ReadOnlyKey))
                {
                    await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(HttpCaching.PublicTag, default);
                }
            });
        }

        return next(context);
    }
}
