using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Registry.Api.Feeds.Syndication;

/// <summary>What a feed says about itself: the search it follows and where it lives.</summary>
public sealed record FeedHeader(string Title, string SelfUrl, string AlternateUrl, string FeedId, DateTimeOffset Updated);

/// <summary>Atom (RFC 4287), RSS 2.0 and JSON Feed 1.1 from the same entries.</summary>
public static class FeedWriters
{
    public const string Publisher = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static XDocument Atom1(FeedHeader header, IReadOnlyList<FeedEntry> entries)
    {
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "vi"),
            new XElement(Atom + "id", header.FeedId),
            new XElement(Atom + "title", header.Title),
            new XElement(Atom + "updated", Rfc3339(header.Updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", Publisher)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", FeedMediaTypes.Atom), new XAttribute("href", header.SelfUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", header.AlternateUrl)),
            new XElement(Atom + "rights", "Dữ liệu mở, tự do tái sử dụng với điều kiện ghi nguồn (open data, free reuse with attribution; Decree 47/2020/NĐ-CP)"),
            new XElement(Atom + "generator", "Registry"));
        foreach (var e in entries) feed.Add(AtomEntry(e));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    private static XElement AtomEntry(FeedEntry e)
    {
        var entry = new XElement(Atom + "entry",
            new XElement(Atom + "id", e.TagUri),
            new XElement(Atom + "title", e.Title),
            new XElement(Atom + "updated", Rfc3339(e.Updated)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", e.PageUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "application/json"), new XAttribute("href", e.ApiUrl)),
            new XElement(Atom + "summary", new XAttribute("type", "text"), e.PlainSummary ?? e.Summary));
        // With a plain summary as the summary, the whole text (it first, then the facts and the scientific summary) is the content.
        if (e.PlainSummary is not null) entry.Add(new XElement(Atom + "content", new XAttribute("type", "text"), e.Summary));
        if (e.Published is { } p) entry.Add(new XElement(Atom + "published", Rfc3339(p)));
        if (e.Author is { } a) entry.Add(new XElement(Atom + "author", new XElement(Atom + "name", a)));
        foreach (var (code, label) in e.Categories)
            entry.Add(new XElement(Atom + "category", new XAttribute("term", code), new XAttribute("label", label),
                new XAttribute("scheme", e.CategoryScheme)));
        return entry;
    }

    public static XDocument Rss2(FeedHeader header, IReadOnlyList<FeedEntry> entries)
    {
        XNamespace atom = Atom;
        var channel = new XElement("channel",
            new XElement("title", header.Title),
            new XElement("link", header.AlternateUrl),
            new XElement("description", "Nhiệm vụ KH&CN sử dụng ngân sách nhà nước tỉnh Phú Thọ (state-funded S&T tasks of Phú Thọ province)"),
            new XElement("language", "vi"),
            new XElement("lastBuildDate", header.Updated.ToString("r", CultureInfo.InvariantCulture)),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("type", FeedMediaTypes.Rss), new XAttribute("href", header.SelfUrl)));
        foreach (var e in entries)
        {
            var item = new XElement("item",
                new XElement("title", e.Title),
                new XElement("link", e.PageUrl),
                new XElement("guid", new XAttribute("isPermaLink", "false"), e.TagUri),
                new XElement("pubDate", e.Updated.ToString("r", CultureInfo.InvariantCulture)),
                new XElement("description", e.Summary));
            foreach (var (_, label) in e.Categories) item.Add(new XElement("category", label));
            channel.Add(item);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("rss", new XAttribute("version", "2.0"), new XAttribute(XNamespace.Xmlns + "atom", Atom.NamespaceName), channel));
    }

    public static JsonObject JsonFeed(FeedHeader header, IReadOnlyList<FeedEntry> entries) => new()
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = header.Title,
        ["home_page_url"] = header.AlternateUrl,
        ["feed_url"] = header.SelfUrl,
        ["language"] = "vi",
        ["authors"] = new JsonArray(new JsonObject { ["name"] = Publisher }),
        ["items"] = new JsonArray(entries.Select(e => (JsonNode)JsonItem(e)).ToArray()),
    };

    /// <summary>A JSON Feed item; <c>summary</c> (the plain summary) only when the task has one.</summary>
    private static JsonObject JsonItem(FeedEntry e)
    {
        var item = new JsonObject
        {
            ["id"] = e.TagUri,
            ["url"] = e.PageUrl,
            ["external_url"] = e.ApiUrl,
            ["title"] = e.Title,
            ["content_text"] = e.Summary,
            ["date_published"] = Rfc3339(e.Published ?? e.Updated),
            ["date_modified"] = Rfc3339(e.Updated),
            ["tags"] = new JsonArray(e.Categories.Select(c => (JsonNode)JsonValue.Create(c.Label)!).ToArray()),
            ["authors"] = e.Author is null ? new JsonArray() : new JsonArray(new JsonObject { ["name"] = e.Author }),
            ["language"] = "vi",
        };
        if (e.PlainSummary is { } plain) item["summary"] = plain;
        return item;
    }

    public static string Rfc3339(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
