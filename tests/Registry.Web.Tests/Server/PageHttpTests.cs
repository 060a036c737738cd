using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Server;

/// <summary>The pages as plain HTTP: headers, status codes, encoding, structured data, language choice.</summary>
[Collection(WebCollection.Name)]
public sealed partial class PageHttpTests(WebHostFixture host)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/tasks?q=che")]
    [InlineData("/stats")]
    public async Task Pages_carry_a_strict_content_security_policy(string path)
    {
        var response = await host.Http().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        // No executable script at all: the only script blocks are JSON-LD data.
        Assert.All(ScriptTag().Matches(html), m => Assert.Contains("application/ld+json", m.Value));
        Assert.DoesNotContain(" style=\"", html);
    }

    [Fact]
    public async Task A_script_in_a_title_is_shown_as_text_on_results_and_task_pages()
    {
        var results = await host.Http().GetStringAsync("/tasks?q=khao+sat+an+toan+thong+tin");
        var task = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.ScriptCode]);
        foreach (var html in new[] { results, task })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", html);
        }
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", task);
        Assert.Contains("<mark>", results);
    }

    [Fact]
    public async Task A_results_page_offers_the_spelling_with_marks_and_says_when_it_relaxed_the_query()
    {
        var plain = await host.Http().GetStringAsync("/tasks?q=khao+sat+an+toan+thong+tin");
        Assert.Matches("Tìm với dấu: <a href=\"/tasks\\?q=[^\"]+\" lang=\"vi\">khảo sát an toàn thông tin</a>", plain);
        var relaxed = await host.Http().GetStringAsync("/tasks?q=" + Uri.EscapeDataString("an toàn thông tin xylophone"));
        Assert.Contains("Không nhiệm vụ nào chứa đủ các từ bạn tìm", relaxed);
        Assert.DoesNotContain("Không nhiệm vụ nào chứa đủ các từ bạn tìm", plain);
    }

    [Fact]
    public async Task Drafts_and_unknown_tasks_answer_a_404_page()
    {
        foreach (var id in new[] { host.Ids[WebCorpus.DraftCode], "t_no_such_task" })
        {
            var response = await host.Http().GetAsync("/tasks/" + id);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy trang", html);
            Assert.DoesNotContain("Nhiệm vụ còn ở dạng nháp", html);
        }
    }

    [Fact]
    public async Task A_results_page_links_the_feeds_of_the_same_search_and_the_feed_holds_its_tasks()
    {
        var html = await host.Http().GetStringAsync("/tasks?q=ch%C3%A8&field=4");
        var atom = Regex.Match(html, """<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">""");
        Assert.True(atom.Success, "no Atom <link> in the head");
        Assert.Contains("chè", atom.Groups[1].Value);
        var href = System.Net.WebUtility.HtmlDecode(atom.Groups[2].Value);
        Assert.StartsWith("/feeds/tasks.atom?", href);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html);
        Assert.Contains("Theo dõi các kết quả này", html);

        var feed = await host.Http().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var xml = await feed.Content.ReadAsStringAsync();
        Assert.Contains(WebCorpus.TeaTitle, xml);
        Assert.DoesNotContain(WebCorpus.DigitalTitle, xml);
    }

    [Fact]
    public async Task A_browser_on_an_unknown_path_gets_the_404_page_and_an_api_client_a_problem()
    {
        var page = new HttpRequestMessage(HttpMethod.Get, "/khong-co-trang-nay");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await host.Http().SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());

        var english = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        english.Headers.Accept.ParseAdd("text/html");
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("Page not found", await (await host.Http().SendAsync(english)).Content.ReadAsStringAsync());

        foreach (var (path, accept) in new[] { ("/khong-co-trang-nay", "application/json"), ("/api/v1/no-such-resource", "text/html") })
        {
            var api = new HttpRequestMessage(HttpMethod.Get, path);
            api.Headers.Accept.ParseAdd(accept);
            var problem = await host.Http().SendAsync(api);
            Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_withdrawn_task_answers_a_410_tombstone_page_without_its_content()
    {
        var response = await host.Http().GetAsync("/tasks/" + host.Ids[WebCorpus.WithdrawnCode]);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nhiệm vụ đã bị rút", html);
        Assert.Contains(WebCorpus.WithdrawnCode, html);
        Assert.Contains("Trùng lặp với nhiệm vụ khác &lt;b&gt;đã công bố&lt;/b&gt;", html);
        Assert.DoesNotContain("Nhiệm vụ đã rút khỏi cơ sở dữ liệu", html);
    }

    [Fact]
    public async Task The_task_page_has_valid_json_ld_with_funder_and_grant_and_no_contacts()
    {
        var html = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.DigitalCode]);
        var json = JsonLd().Match(html);
        Assert.True(json.Success, "The page has no JSON-LD block.");
        using var doc = JsonDocument.Parse(json.Groups[1].Value);
        var project = doc.RootElement;
        Assert.Equal("https://schema.org", project.GetProperty("@context").GetString());
        Assert.Equal("ResearchProject", project.GetProperty("@type").GetString());
        Assert.Equal(WebCorpus.DigitalTitle, project.GetProperty("name").GetString());
        Assert.Equal(WebCorpus.DigitalCode, project.GetProperty("identifier").GetString());
        Assert.Equal("GovernmentOrganization", project.GetProperty("funder").GetProperty("@type").GetString());
        var grant = project.GetProperty("funding");
        Assert.Equal("MonetaryGrant", grant.GetProperty("@type").GetString());
        Assert.Equal("VND", grant.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal(625_000_000, grant.GetProperty("amount").GetProperty("value").GetInt64());
        Assert.Equal(WebCorpus.HostName, project.GetProperty("parentOrganization").GetProperty("name").GetString());
        Assert.DoesNotContain("example.vn", html);
        Assert.DoesNotContain("0912345678", html);
    }

    [Fact]
    public async Task The_json_ld_of_a_script_title_cannot_close_its_script_block()
    {
        var html = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.ScriptCode]);
        var json = JsonLd().Match(html).Groups[1].Value;
        Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(WebCorpus.ScriptTitle, doc.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_task_page_links_persistent_identifiers_to_their_resolvers()
    {
        var html = await host.Http().GetStringAsync($"/tasks/{host.Ids[WebCorpus.TeaCode]}");
        Assert.Contains($"<a class=\"pid\" href=\"{WebCorpus.TeaOrcid}\" rel=\"noopener\" title=\"ORCID: {WebCorpus.TeaOrcid}\">ORCID</a>", html);
        Assert.Contains("Ủy ban nhân dân tỉnh Phú Thọ <a class=\"pid\" href=\"https://ror.org/05dxps055\"", html);
        Assert.Contains($"DOI: <a href=\"https://doi.org/{WebCorpus.TeaDoi}\" rel=\"noopener\">{WebCorpus.TeaDoi}</a>", html);
        // A task without identifiers shows no empty badges.
        Assert.DoesNotContain("class=\"pid\"", await host.Http().GetStringAsync($"/tasks/{host.Ids[WebCorpus.RiceCode]}"));
    }

    [Fact]
    public async Task The_task_page_announces_oembed_and_offers_an_embed_snippet()
    {
        var id = host.Ids[WebCorpus.DigitalCode];
        var html = await host.Http().GetStringAsync("/tasks/" + id);
        var expected = $"{host.BaseUrl}/oembed?url={Uri.EscapeDataString($"{host.BaseUrl}/tasks/{id}")}&amp;format=json";
        Assert.Contains($"<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{expected}\"", html);
        Assert.Contains($"&lt;iframe src=&quot;{host.BaseUrl}/embed/tasks/{id}&quot;", html);

        // The discovery link leads to a working oEmbed answer (served by the feeds module) embedding the same widget.
        var oembed = await host.Http().GetAsync(WebUtility.HtmlDecode(expected));
        Assert.Equal(HttpStatusCode.OK, oembed.StatusCode);
        Assert.Contains($"/embed/tasks/{id}", await oembed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_host_organization_page_is_linked_from_the_task_and_shows_its_totals()
    {
        var task = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.TeaCode]);
        var href = OrganizationLink().Match(task).Groups[1].Value;
        Assert.StartsWith("/organizations/", href);
        var response = await host.Http().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1 lang=\"vi\">{WebCorpus.HostName}</h1>", html);
        Assert.Contains("8.500.000.000 ₫", html);
        Assert.Contains(WebCorpus.TeaTitle, html);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http().GetAsync("/organizations/o_nobody")).StatusCode);
    }

    [Fact]
    public async Task The_home_page_shows_key_figures_and_ways_in()
    {
        var html = await host.Http().GetStringAsync("/");
        Assert.Contains("<strong>6</strong> nhiệm vụ đã công bố", html);
        Assert.Contains("<strong>2</strong> <a href=\"/tasks?transferable=true\">", html);
        Assert.Contains("<strong>1</strong> tổ chức chủ trì", html);
        Assert.Contains("<strong>8,5 tỷ đồng</strong>", html);
        Assert.Contains("<a href=\"/tasks?field=4\">Khoa học nông nghiệp</a> <span class=\"count\">(2)</span>", html);
        Assert.Contains(WebCorpus.DigitalTitle, html);
        Assert.DoesNotContain("Nhiệm vụ còn ở dạng nháp", html);
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en", "Search tasks")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.5", "vi", "Tìm nhiệm vụ")]
    [InlineData("fr-FR,en;q=0.8,vi;q=0.9", "vi", "Tìm nhiệm vụ")]
    [InlineData("de-DE", "vi", "Tìm nhiệm vụ")]
    public async Task Accept_language_chooses_the_page_language(string acceptLanguage, string lang, string label)
    {
        var response = await host.Http(acceptLanguage).GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains(label, html);
        Assert.Equal(lang, response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task The_lang_parameter_wins_over_accept_language_and_is_remembered_in_a_cookie()
    {
        var response = await host.Http("vi").GetAsync("/?lang=en");
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("registry-lang=", StringComparison.Ordinal));
        Assert.StartsWith("registry-lang=en", cookie);

        var client = host.Http("vi");
        client.DefaultRequestHeaders.Add("Cookie", "registry-lang=en");
        Assert.Contains("<html lang=\"en\">", await client.GetStringAsync("/tasks"));
    }

    [Fact]
    public async Task Amounts_and_dates_follow_the_page_language()
    {
        var id = host.Ids[WebCorpus.DigitalCode];
        var vi = await host.Http("vi").GetStringAsync("/tasks/" + id);
        var en = await host.Http("en").GetStringAsync("/tasks/" + id);
        Assert.Contains("1.250.000.000 ₫", vi);
        Assert.Contains("01/03/2024", vi);
        Assert.Contains("VND 1,250,000,000", en);
        Assert.Contains("1 Mar 2024", en);
    }

    [Fact]
    public async Task A_bad_filter_answers_400_with_what_to_fix()
    {
        var response = await host.Http().GetAsync("/tasks?level=galactic&sort=sideways");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("galactic", html);
        Assert.Contains("relevance, newest, budget, endDate", html);
    }

    [Fact]
    public async Task Static_assets_are_fingerprinted_cached_and_revalidated()
    {
        var html = await host.Http().GetStringAsync("/");
        var href = Stylesheet().Match(html).Groups[1].Value;
        Assert.Matches(@"^/assets/site\.css\?v=[0-9a-f]{12}$", href);
        var response = await host.Http().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await host.Http().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Trang_sau_pages_through_every_result_once_in_sort_order()
    {
        var codes = new List<string>();
        var url = "/tasks?sort=-budget&pageSize=2";
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 10, "Paging does not end.");
            var html = await host.Http().GetStringAsync(url);
            codes.AddRange(ResultCode().Matches(html).Select(m => m.Groups[1].Value));
            var next = NextLink().Match(html);
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
            if (next.Success) Assert.Contains("pageSize=2", url);
        }
        var expected = WebCorpus.Published.OrderByDescending(t => t.Budget!.TotalVnd).Select(t => t.Code!).ToList();
        Assert.Equal(expected, codes);
    }

    [Fact]
    public async Task Pages_are_compressed_for_browsers_that_accept_it()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tasks?q=lua");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var response = await host.Http().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [GeneratedRegex("<p class=\"meta\"><span>([^<]+)</span>")]
    private static partial Regex ResultCode();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">Trang sau")]
    private static partial Regex NextLink();

    [GeneratedRegex("<a href=\"(/organizations/[^\"]+)\">")]
    private static partial Regex OrganizationLink();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
