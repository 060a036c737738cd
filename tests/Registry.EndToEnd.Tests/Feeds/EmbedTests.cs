using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feeds;

[Collection(FeedsCollection.Name)]
public sealed partial class EmbedTests(FeedsFactory factory)
{
    [Fact]
    public async Task Embed_list_is_framable_self_contained_html_without_external_urls()
    {
        var seeded = await factory.SeedAsync();
        var response = await factory.Anonymous().GetAsync("/embed/tasks?field=4&limit=3");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.DoesNotContain("<script", html);
        var urls = UrlAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith(FeedsFactory.PublicBase + "/", u));
        Assert.Equal(3, Regex.Matches(html, "<li>").Count);
        Assert.DoesNotContain(seeded.Withdrawn, html);
    }

    [Fact]
    public async Task Other_routes_are_not_given_the_embed_frame_policy()
    {
        var response = await factory.Anonymous().GetAsync("/catalog");
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Embed_json_is_cors_open_and_the_script_loads_only_from_its_own_origin()
    {
        await factory.SeedAsync();
        var response = await factory.Anonymous().GetAsync("/embed/tasks.json?q=chè&limit=3");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.InRange(body.GetProperty("items").GetArrayLength(), 1, 3);
        Assert.StartsWith(FeedsFactory.PublicBase + "/tasks/", body.GetProperty("items")[0].GetProperty("url").GetString());

        var script = await factory.Anonymous().GetStringAsync("/embed.js");
        Assert.Contains("/embed/tasks.json", script);
        Assert.DoesNotMatch("https?://", script);
        Assert.DoesNotContain("innerHTML", script);
    }

    [Fact]
    public async Task A_wrong_embed_address_shows_a_framable_card_naming_what_to_fix_while_the_json_stays_a_problem()
    {
        var response = await factory.Anonymous().GetAsync("/embed/tasks?limit=500&field=abc");
        var html = await AssertCardAsync(response, HttpStatusCode.BadRequest, "Không hiển thị được danh sách (the list cannot be shown)");
        Assert.Contains("<li>limit: ", html);
        Assert.Contains("<li>field: ", html);

        // Scripts and clients read the JSON list: for them a wrong parameter stays an RFC 9457 problem.
        await (await factory.Anonymous().GetAsync("/embed/tasks.json?limit=500")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_withdrawn_or_unknown_task_embeds_as_a_card_saying_so()
    {
        var seeded = await factory.SeedAsync();
        var gone = await AssertCardAsync(await factory.Anonymous().GetAsync($"/embed/tasks/{seeded.Withdrawn}"), HttpStatusCode.Gone,
            "Nhiệm vụ đã được rút khỏi cơ sở dữ liệu (task withdrawn)");
        Assert.Contains("Mã số (code): ", gone);
        await AssertCardAsync(await factory.Anonymous().GetAsync($"/embed/tasks/{seeded.Draft}"), HttpStatusCode.NotFound,
            "Không tìm thấy nhiệm vụ (task not found)");
        await AssertCardAsync(await factory.Anonymous().GetAsync("/embed/tasks/%E2%80%AE%3Cscript%3E"), HttpStatusCode.NotFound,
            "Không tìm thấy nhiệm vụ (task not found)");
    }

    [Fact]
    public async Task An_embedded_list_is_titled_by_the_search_in_words()
    {
        await factory.SeedAsync();
        var html = await factory.Anonymous().GetStringAsync("/embed/tasks?q=chè&field=401&yearFrom=2020");
        Assert.Contains("<h1>Nhiệm vụ KH&amp;CN tỉnh Phú Thọ — “chè” · Lĩnh vực: Trồng trọt · Năm bắt đầu từ 2020</h1>", html);
    }

    /// <summary>A card an embed shows instead of a task: HTML with the embed's frame policy, no JSON, no scripts.</summary>
    private static async Task<string> AssertCardAsync(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors *", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.DoesNotContain("\"type\"", html);
        Assert.DoesNotContain("<script", html);
        return html;
    }

    [Fact]
    public async Task OEmbed_answers_rich_iframes_for_task_and_search_pages_and_404_or_501_otherwise()
    {
        var seeded = await factory.SeedAsync();
        var client = factory.Anonymous();
        var taskUrl = Uri.EscapeDataString($"{FeedsFactory.PublicBase}/tasks/{seeded.Published[0]}");
        var task = JsonDocument.Parse(await client.GetStringAsync($"/oembed?url={taskUrl}&format=json&maxwidth=400")).RootElement;
        Assert.Equal("1.0", task.GetProperty("version").GetString());
        Assert.Equal("rich", task.GetProperty("type").GetString());
        Assert.Equal(400, task.GetProperty("width").GetInt32());
        Assert.Contains($"src=\"{FeedsFactory.PublicBase}/embed/tasks/{seeded.Published[0]}\"", task.GetProperty("html").GetString());

        var embedded = await client.GetAsync($"/embed/tasks/{seeded.Published[0]}");
        Assert.Equal(HttpStatusCode.OK, embedded.StatusCode);

        var searchUrl = Uri.EscapeDataString($"{FeedsFactory.PublicBase}/tasks?q=chè&field=401");
        var search = JsonDocument.Parse(await client.GetStringAsync($"/oembed?url={searchUrl}")).RootElement;
        Assert.Contains("/embed/tasks?q=", search.GetProperty("html").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/oembed?url={Uri.EscapeDataString("https://example.com/tasks/x")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/oembed?url={Uri.EscapeDataString(FeedsFactory.PublicBase + "/stats")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/oembed?url={Uri.EscapeDataString($"{FeedsFactory.PublicBase}/tasks/{seeded.Withdrawn}")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, (await client.GetAsync($"/oembed?url={taskUrl}&format=xml")).StatusCode);
    }

    [Fact]
    public async Task Sitemap_lists_published_task_pages_and_organizations_and_robots_points_to_it()
    {
        var seeded = await factory.SeedAsync();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var doc = XDocument.Parse(await factory.Anonymous().GetStringAsync("/sitemap.xml"));
        Assert.Equal(ns + "urlset", doc.Root!.Name);
        var locs = doc.Root.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        foreach (var id in (await factory.PublishedInStoreAsync()).Keys) Assert.Contains($"{FeedsFactory.PublicBase}/tasks/{id}", locs);
        Assert.DoesNotContain($"{FeedsFactory.PublicBase}/tasks/{seeded.Draft}", locs);
        Assert.DoesNotContain($"{FeedsFactory.PublicBase}/tasks/{seeded.Withdrawn}", locs);
        Assert.Contains(locs, l => l.StartsWith(FeedsFactory.PublicBase + "/organizations/"));

        var robots = await factory.Anonymous().GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {FeedsFactory.PublicBase}/sitemap.xml", robots);
        Assert.Contains("Disallow: /api/v1/imports", robots);
        Assert.Contains("Allow: /", robots);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
