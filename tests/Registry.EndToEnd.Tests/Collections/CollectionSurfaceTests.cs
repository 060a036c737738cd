using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Registry.Data.Collections;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Collections;

/// <summary>A collection's page, feeds, embed, oEmbed and sitemap entry, through the real host.</summary>
public sealed partial class CollectionSurfaceTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<(string Id, string[] Tasks, string Draft)> CreateAsync()
    {
        var curator = await factory.CuratorAsync();
        var first = await CollectionApiTests.PublishedTaskAsync(curator, "Chọn tạo giống chè Shan tuyết chất lượng cao");
        var second = await CollectionApiTests.PublishedTaskAsync(curator, "Ứng dụng chuyển đổi số trong quản lý đất đai");
        var (draft, _) = await TaskLifecycleTests.CreateAsync(curator);
        var (id, _) = await CollectionApiTests.CreateAsync(curator,
            CollectionApiTests.Body("Ngày Khoa học và Công nghệ Việt Nam 18/5", new DateOnly(2027, 5, 18), second, draft, first));
        return (id, [second, first], draft);
    }

    [Fact]
    public async Task The_page_lists_published_tasks_in_order_with_feeds_embed_social_meta_and_json_ld()
    {
        var (id, tasks, draft) = await CreateAsync();

        var response = await factory.Anonymous().GetAsync($"/collections/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 lang=\"vi\">Ngày Khoa học và Công nghệ Việt Nam 18/5</h1>", html);
        Assert.True(html.IndexOf(tasks[0], StringComparison.Ordinal) < html.IndexOf(tasks[1], StringComparison.Ordinal));
        Assert.DoesNotContain(draft, html);
        Assert.Contains("Nổi bật", html);
        Assert.Contains($"href=\"/feeds/collections/{id}.atom\"", html);
        Assert.Contains($"/embed/collections/{id}", html);
        Assert.Contains("property=\"og:title\" content=\"Ngày Khoa học và Công nghệ Việt Nam 18/5\"", html);
        Assert.Contains("name=\"twitter:card\"", html);

        var jsonLd = JsonDocument.Parse(JsonLdBlock().Match(html).Groups[1].Value).RootElement;
        Assert.Equal("CollectionPage", jsonLd.GetProperty("@type").GetString());
        var list = jsonLd.GetProperty("mainEntity");
        Assert.Equal("ItemList", list.GetProperty("@type").GetString());
        var urls = list.GetProperty("itemListElement").EnumerateArray().Select(e => e.GetProperty("url").GetString()!).ToList();
        Assert.Equal(2, urls.Count);
        Assert.EndsWith("/tasks/" + tasks[0], urls[0]);

        var english = await (await factory.Anonymous().GetAsync($"/collections/{id}?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("<h1 lang=\"en\">Vietnam Science and Technology Day</h1>", english);
        Assert.Contains("<html lang=\"en\">", english);
    }

    [Fact]
    public async Task The_list_page_links_each_collection_and_unknown_or_malformed_ids_are_404_pages()
    {
        var (id, _, _) = await CreateAsync();

        var list = await factory.Anonymous().GetStringAsync("/collections");
        Assert.Contains($"href=\"/collections/{id}\"", list);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync("/collections/c0000000000aa")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync("/collections/%3Cscript%3E")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/collections?cursor=garbage")).StatusCode);
    }

    [Fact]
    public async Task Atom_rss_and_json_feeds_parse_and_keep_the_collection_order()
    {
        var (id, tasks, draft) = await CreateAsync();

        var atomResponse = await factory.Anonymous().GetAsync($"/feeds/collections/{id}.atom");
        Assert.Equal("application/atom+xml", atomResponse.Content.Headers.ContentType?.MediaType);
        var atom = XDocument.Parse(await atomResponse.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", atom.Name);
        Assert.Contains("Ngày Khoa học và Công nghệ Việt Nam 18/5", atom.Element(Atom + "title")!.Value);
        Assert.Equal(tasks.Select(t => $"tag:registry.phutho.gov.vn,2025:tasks/{t}"), atom.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value));

        var rss = XDocument.Parse(await factory.Anonymous().GetStringAsync($"/feeds/collections/{id}.rss")).Root!;
        Assert.Equal(2, rss.Element("channel")!.Elements("item").Count());

        var json = await factory.Anonymous().GetStringAsync($"/feeds/collections/{id}.json");
        var feed = JsonDocument.Parse(json).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal(tasks, feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!.Split('/')[^1]));
        Assert.DoesNotContain(draft, json);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/feeds/collections/{id}.atom");
        again.Headers.IfNoneMatch.Add(atomResponse.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await factory.Anonymous().SendAsync(again)).StatusCode);
        await (await factory.Anonymous().GetAsync("/feeds/collections/c0000000000aa.atom")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_embed_renders_framable_cards_and_404_or_400_notices()
    {
        var (id, tasks, draft) = await CreateAsync();

        var response = await factory.Anonymous().GetAsync($"/embed/collections/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors *", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html);
        Assert.Equal(2, Regex.Matches(html, "<li>").Count);
        Assert.True(html.IndexOf(tasks[0], StringComparison.Ordinal) < html.IndexOf(tasks[1], StringComparison.Ordinal));
        Assert.DoesNotContain(draft, html);

        var missing = await factory.Anonymous().GetAsync("/embed/collections/c0000000000aa");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy bộ sưu tập (collection not found)", await missing.Content.ReadAsStringAsync());
        var malformed = await factory.Anonymous().GetAsync("/embed/collections/%22%3E%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.DoesNotContain("<script>", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OEmbed_and_the_sitemap_know_collection_pages()
    {
        var (id, _, _) = await CreateAsync();
        var client = factory.Anonymous();
        var page = $"{client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/collections/{id}";

        var oembed = await (await client.GetAsync($"/oembed?url={Uri.EscapeDataString(page)}")).ReadJsonAsync();
        Assert.Equal("rich", oembed.GetProperty("type").GetString());
        Assert.Contains($"/embed/collections/{id}", oembed.GetProperty("html").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/oembed?url={Uri.EscapeDataString(page[..^3] + "zzz")}")).StatusCode);

        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Contains($"/collections/{id}</loc>", sitemap);
        Assert.Contains("/collections</loc>", sitemap);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}

/// <summary>The home page features the current collection and nothing when none is current (own host: nothing else there).</summary>
public sealed class HomeFeatureTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task The_home_page_shows_no_collection_until_one_is_in_season_then_features_it()
    {
        var before = await factory.Anonymous().GetStringAsync("/");
        Assert.DoesNotContain("featured-h", before);

        var curator = await factory.CuratorAsync();
        var task = await CollectionApiTests.PublishedTaskAsync(curator, "Nhiệm vụ nổi bật của mùa này");
        var today = CurrentCollection.Today(TimeProvider.System);
        var (past, _) = await CollectionApiTests.CreateAsync(curator, CollectionApiTests.Body("Đã qua lâu", today.AddDays(-CurrentCollection.DaysAfter - 1), task));
        Assert.DoesNotContain("featured-h", await factory.Anonymous().GetStringAsync("/"));

        var (id, _) = await CollectionApiTests.CreateAsync(curator, CollectionApiTests.Body("Bộ sưu tập của tuần này", today.AddDays(3), task));
        var home = await factory.Anonymous().GetStringAsync("/");
        Assert.Contains("featured-h", home);
        Assert.Contains($"href=\"/collections/{id}\"", home);
        Assert.DoesNotContain($"/collections/{past}", home);
        Assert.Contains("Nhiệm vụ nổi bật của mùa này", home);
    }
}
