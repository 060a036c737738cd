namespace Registry.Api.OpenApi;

/// <summary>Endpoint metadata read only by the OpenAPI filters: facts the handler's signature cannot show.</summary>
public sealed record ServesHtml;

/// <summary>The endpoint answers a matching <c>If-None-Match</c> (or <c>If-Modified-Since</c>) with 304.</summary>
public sealed record AnswersConditionalGet(bool ModifiedSince);

public static class ContractMetadataExtensions
{
    /// <summary>Documents <c>text/html</c> beside the JSON answers: the page a browser gets at the same address.</summary>
    public static TBuilder AlsoServesHtml<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ServesHtml());

    /// <summary>
    /// Documents 304 Not Modified and the <c>If-None-Match</c> header (plus <c>If-Modified-Since</c> when
    /// <paramref name="modifiedSince"/>) for endpoints outside <c>/api</c> that validate themselves (feeds, snapshots).
    /// Public reads under <c>/api</c> get it from the ETag middleware and are documented without this.
    /// </summary>
    public static TBuilder AnswersConditionalGet<TBuilder>(this TBuilder builder, bool modifiedSince = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnswersConditionalGet(modifiedSince));
}
