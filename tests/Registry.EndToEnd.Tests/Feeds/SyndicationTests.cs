using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feeds;

[Collection(FeedsCollection.Name)]
public sealed class SyndicationTests(FeedsFactory factory)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Atom_feed_has_the_required_elements_newest_first_with_stable_ids_and_links()
    {
        var seeded = await factory.SeedAsync();
        var response = await factory.Anonymous().GetAsync("/feeds/tasks.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.NotNull(feed.Element(Atom + required));
        var entries = feed.Elements(Atom + "entry").ToList();
        var published = await factory.PublishedInStoreAsync();
        Assert.Equal(Math.Min(50, published.Count), entries.Count);
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        foreach (var entry in entries)
        {
            var id = entry.Element(Atom + "id")!.Value;
            Assert.StartsWith("tag:registry.phutho.gov.vn,2025:tasks/", id);
            var taskId = id[(id.LastIndexOf('/') + 1)..];
            Assert.Equal(published[taskId].Title, entry.Element(Atom + "title")!.Value);
            var links = entry.Elements(Atom + "link").Select(l => l.Attribute("href")!.Value).ToList();
            Assert.Contains($"{FeedsFactory.PublicBase}/tasks/{taskId}", links);
            Assert.Contains($"{FeedsFactory.PublicBase}/api/v1/tasks/{taskId}", links);
        }
        Assert.DoesNotContain(entries, e => e.Element(Atom + "id")!.Value.EndsWith(seeded.Withdrawn) || e.Element(Atom + "id")!.Value.EndsWith(seeded.Draft));
        Assert.Contains("chè", entries[0].Element(Atom + "title")!.Value);
    }

    [Fact]
    public async Task An_empty_feed_is_dated_by_the_newest_change_in_the_catalogue_not_1970()
    {
        await factory.SeedAsync();
        await factory.WaitForIndexAsync();
        var response = await factory.Anonymous().GetAsync("/feeds/tasks.atom?yearFrom=2199");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Empty(feed.Elements(Atom + "entry"));
        var newest = (await factory.PublishedInStoreAsync()).Values.Max(r => r.UpdatedAt ?? r.PublishedAt)!.Value;
        Assert.Equal(newest.ToUnixTimeSeconds(), DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value).ToUnixTimeSeconds());
        Assert.Equal(newest.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_feed_is_titled_by_its_search_in_words_not_its_query_string()
    {
        await factory.SeedAsync();
        var atom = XDocument.Parse(await factory.Anonymous().GetStringAsync("/feeds/tasks.atom?q=chè&field=401&status=accepted,applied")).Root!;
        Assert.Equal("Nhiệm vụ KH&CN tỉnh Phú Thọ — “chè” · Lĩnh vực: Trồng trọt · Tình trạng: Đã nghiệm thu hoặc Đã ứng dụng",
            atom.Element(Atom + "title")!.Value);
        var rss = XDocument.Parse(await factory.Anonymous().GetStringAsync("/feeds/tasks.rss?budgetMin=1000000000")).Root!;
        Assert.Equal("Nhiệm vụ KH&CN tỉnh Phú Thọ — Tổng kinh phí từ 1.000.000.000 đồng", rss.Element("channel")!.Element("title")!.Value);
    }

    [Fact]
    public async Task Rss_feed_is_rss_2_with_guid_and_link_per_item()
    {
        await factory.SeedAsync();
        var response = await factory.Anonymous().GetAsync("/feeds/tasks.rss?field=401");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" }) Assert.NotNull(channel.Element(required));
        var items = channel.Elements("item").ToList();
        Assert.NotEmpty(items);
        var published = await factory.PublishedInStoreAsync();
        Assert.Equal(published.Values.Count(r => r.Fields!.Any(f => f.StartsWith("401"))), items.Count);
        Assert.All(items, i => Assert.StartsWith(FeedsFactory.PublicBase + "/tasks/", i.Element("link")!.Value));
        Assert.All(items, i => Assert.Equal("false", i.Element("guid")!.Attribute("isPermaLink")!.Value));
    }

    [Fact]
    public async Task Json_feed_has_the_members_json_feed_1_1_requires()
    {
        await factory.SeedAsync();
        var response = await factory.Anonymous().GetAsync("/feeds/tasks.json?q=chuyen%20doi%20so");
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(feed.GetProperty("title").GetString()));
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.StartsWith("tag:", item.GetProperty("id").GetString());
            Assert.True(item.TryGetProperty("content_text", out _));
            Assert.StartsWith(FeedsFactory.PublicBase, item.GetProperty("url").GetString());
        }
        var modified = items.Select(i => i.GetProperty("date_modified").GetDateTimeOffset()).ToList();
        Assert.Equal(modified.OrderDescending(), modified);
    }

    [Fact]
    public async Task An_unknown_filter_is_a_clear_400()
    {
        var response = await factory.Anonymous().GetAsync("/feeds/tasks.atom?colour=red");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("colour", problem.GetRawText());
    }

    [Fact]
    public async Task Conditional_get_answers_304_until_something_changes()
    {
        await factory.SeedAsync();
        var client = factory.Anonymous();
        var first = await client.GetAsync("/feeds/tasks.atom?level=provincial");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        var byEtag = new HttpRequestMessage(HttpMethod.Get, "/feeds/tasks.atom?level=provincial");
        byEtag.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byEtag)).StatusCode);
        var byDate = new HttpRequestMessage(HttpMethod.Get, "/feeds/tasks.atom?level=provincial");
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        await factory.PublishAsync(await factory.CreateAsync(new Registry.Api.Tests.Builders.TaskRecordBuilder().Build()));
        await factory.WaitForIndexAsync();
        var again = new HttpRequestMessage(HttpMethod.Get, "/feeds/tasks.atom?level=provincial");
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }
}
