namespace Registry.Api.Http;

/// <summary>How long a public GET may be cached by browsers and proxies (<c>Cache-Control: public, max-age</c>).</summary>
public sealed record PublicCaching(int MaxAgeSeconds);

/// <summary>The endpoint answers in more than one representation, chosen by the request's <c>Accept</c> header.</summary>
public sealed record VariesByAcceptHeader;

/// <summary>The answer is for one client only (a form token): never cached, by the server or anyone else.</summary>
public sealed record NeverCachedResponse;

/// <summary>The endpoint writes its body as it goes (exports): no buffering for an ETag, no output caching.</summary>
public sealed record StreamedResponse;

public static class HttpCaching
{
    public const int DefaultMaxAge = 60;
    /// <summary>Searches change with every indexed write; a short lifetime keeps them fresh.</summary>
    public const int SearchMaxAge = 10;
    /// <summary>Output-cache tag of every public response; evicted when the store or the index changes.</summary>
    public const string PublicTag = "public";

    public static TBuilder CachePublicly<TBuilder>(this TBuilder builder, int maxAgeSeconds) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicCaching(maxAgeSeconds));

    public static TBuilder VariesByAccept<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new VariesByAcceptHeader());

    public static TBuilder StreamsResponse<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new StreamedResponse());

    /// <summary>Marks an endpoint whose answers are for one client: <c>Cache-Control: no-store</c>, no server cache.</summary>
    public static TBuilder NeverCached<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NeverCachedResponse());

    public static bool IsNeverCached(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<NeverCachedResponse>() is not null;

    /// <summary>
    /// A public read: GET or HEAD under /api/ without an API key (curators may see contacts, which must never
    /// sit in a shared cache).
    /// </summary>
    public static bool IsPublicRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Headers.ContainsKey(Auth.ApiKeyAuthenticationHandler.HeaderName)
        && !context.Request.Headers.ContainsKey("Authorization")
        && !IsNeverCached(context);

    public static int MaxAge(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PublicCaching>()?.MaxAgeSeconds ?? DefaultMaxAge;

    public static bool VariesByAccept(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<VariesByAcceptHeader>() is not null;

    public static bool IsStreamed(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<StreamedResponse>() is not null;
}
