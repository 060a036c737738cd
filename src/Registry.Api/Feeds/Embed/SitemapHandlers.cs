using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Registry.Api.Problems;
using Registry.Data.Catalog;
using Registry.Data.Collections;

namespace Registry.Api.Feeds.Embed;

/// <summary>
/// <c>/sitemap.xml</c> (the public pages, every published task and every organization hosting one) and
/// <c>robots.txt</c>. Past <see cref="FeedsOptions.SitemapMaxUrls"/> URLs the sitemap becomes a sitemap index of
/// <c>/sitemaps/{n}.xml</c> parts, as the protocol's 50,000 limit requires.
/// </summary>
public static class SitemapHandlers
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] StaticPages = ["/", "/tasks", "/stats", "/collections"];

    private sealed record Entry(string Path, DateTimeOffset? LastModified);

    public static async Task<IResult> Sitemap(HttpContext http, IPublicCatalog catalog, ICollectionStore collections, PublicUrls urls, IOptions<FeedsOptions> options, CancellationToken ct)
    {
        var entries = await EntriesAsync(catalog, collections, ct);
        var baseUrl = urls.Base(http.Request);
        var max = options.Value.SitemapMaxUrls;
        if (entries.Count <= max) return Xml(UrlSet(entries, baseUrl));
        var parts = (entries.Count + max - 1) / max;
        var index = new XElement(Ns + "sitemapindex", Enumerable.Range(1, parts).Select(n =>
            new XElement(Ns + "sitemap", new XElement(Ns + "loc", $"{baseUrl}/sitemaps/{n}.xml"))));
        return Xml(index);
    }

    public static async Task<IResult> Part(int part, HttpContext http, IPublicCatalog catalog, ICollectionStore collections, PublicUrls urls, IOptions<FeedsOptions> options, CancellationToken ct)
    {
        var entries = await EntriesAsync(catalog, collections, ct);
        var max = options.Value.SitemapMaxUrls;
        if (part < 1 || (part - 1) * (long)max >= entries.Count || entries.Count <= max)
            return ApiProblems.Create(ProblemKind.NotFound, "Không có phần sitemap này; xem /sitemap.xml (no such sitemap part).");
        return Xml(UrlSet(entries.Skip((part - 1) * max).Take(max).ToList(), urls.Base(http.Request)));
    }

    public static IResult Robots(HttpContext http, PublicUrls urls)
    {
        var baseUrl = urls.Base(http.Request);
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /api/v1/imports\n")
            .Append("Disallow: /api/v1/apikeys\n")
            .Append("Disallow: /api/v1/tasks/*/publish\n")
            .Append("Disallow: /api/v1/tasks/*/withdraw\n")
            .Append("Disallow: /embed/\n")
            .Append($"Sitemap: {baseUrl}/sitemap.xml\n");
        return Results.Text(text.ToString(), "text/plain; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Static pages, then tasks, organizations and collections in id order, so parts are stable between requests.</summary>
    private static async Task<List<Entry>> EntriesAsync(IPublicCatalog catalog, ICollectionStore collections, CancellationToken ct)
    {
        var tasks = await catalog.ListPublishedEntriesAsync(ct);
        var organizations = await catalog.ListOrganizationEntriesAsync(ct);
        var entries = StaticPages.Select(p => new Entry(p, null)).ToList();
        entries.AddRange(tasks.Select(t => new Entry("/tasks/" + t.Id, t.UpdatedAt)));
        entries.AddRange(organizations.Select(o => new Entry("/organizations/" + o.Id, o.UpdatedAt)));
        entries.AddRange((await collections.ListEntriesAsync(ct)).Select(c => new Entry("/collections/" + c.Id, c.UpdatedAt)));
        return entries;
    }

    private static XElement UrlSet(IEnumerable<Entry> entries, string baseUrl) =>
        new(Ns + "urlset", entries.Select(e =>
        {
            var url = new XElement(Ns + "url", new XElement(Ns + "loc", baseUrl + e.Path));
            if (e.LastModified is { } at) url.Add(new XElement(Ns + "lastmod", at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            return url;
        }));

    private static IResult Xml(XElement root) =>
        Results.Text(XmlText.Serialize(root), "application/xml; charset=utf-8", Encoding.UTF8);
}
