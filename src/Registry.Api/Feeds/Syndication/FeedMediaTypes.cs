namespace Registry.Api.Feeds.Syndication;

/// <summary>The media types of the three feeds, named once for the endpoints, their self links and the DCAT catalogue.</summary>
public static class FeedMediaTypes
{
    public const string Atom = "application/atom+xml";

    public const string Rss = "application/rss+xml";

    /// <summary>JSON Feed 1.1 (jsonfeed.org): not registered with IANA, but the type the specification asks for.</summary>
    public const string JsonFeed = "application/feed+json";
}
