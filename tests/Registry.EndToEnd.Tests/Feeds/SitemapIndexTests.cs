using System.Xml.Linq;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>A host whose sitemap limit is tiny, so its sitemap must become an index of parts.</summary>
public sealed class SmallSitemapFactory : RegistryApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Feeds:SitemapMaxUrls"] = "4",
        ["Registry:Feeds:Snapshots:Enabled"] = "false",
    };
}

public sealed class SitemapIndexTests(SmallSitemapFactory factory) : IClassFixture<SmallSitemapFactory>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Past_the_limit_the_sitemap_is_an_index_whose_parts_hold_every_url_once()
    {
        var curator = await factory.CuratorAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await (await curator.PostRecordAsync("/api/v1/tasks", Registry.Api.Tests.Builders.TaskRecordBuilder.Valid())).ReadJsonAsync();
            var id = created.GetProperty("task").GetProperty("id").GetString()!;
            (await curator.PostAsync($"/api/v1/tasks/{id}/publish", null)).EnsureSuccessStatusCode();
            ids.Add(id);
        }
        var client = factory.Anonymous();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml")).Root!;
        Assert.Equal(Ns + "sitemapindex", index.Name);
        var parts = index.Elements(Ns + "sitemap").Select(s => new Uri(s.Element(Ns + "loc")!.Value).PathAndQuery).ToList();
        // 4 static pages (/, /tasks, /stats, /collections) + 4 tasks + 1 organization = 9 URLs in parts of 4.
        Assert.Equal(3, parts.Count);
        var locs = new List<string>();
        foreach (var part in parts)
        {
            var urlset = XDocument.Parse(await client.GetStringAsync(part)).Root!;
            Assert.Equal(Ns + "urlset", urlset.Name);
            locs.AddRange(urlset.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value));
        }
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(locs, l => l.EndsWith("/tasks/" + id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemaps/4.xml")).StatusCode);
    }
}
