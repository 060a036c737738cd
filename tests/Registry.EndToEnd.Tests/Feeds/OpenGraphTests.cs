using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Registry.Api.Tests.Builders;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>OpenGraph and Twitter card tags on every public page, in both languages, whatever the records hold.</summary>
[Collection(FeedsCollection.Name)]
public sealed partial class OpenGraphTests(FeedsFactory factory)
{
    private static readonly string[] Required =
    [
        "og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale", "og:locale:alternate",
        "twitter:card", "twitter:title", "twitter:description",
    ];

    public static TheoryData<string, string> Pages() => new()
    {
        { "home", "vi" }, { "home", "en" }, { "search", "vi" }, { "search", "en" }, { "task", "vi" }, { "task", "en" },
        { "organization", "vi" }, { "organization", "en" }, { "stats", "vi" }, { "stats", "en" },
        { "not-found", "vi" }, { "not-found", "en" }, { "gone", "vi" }, { "gone", "en" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_type_has_open_graph_and_twitter_tags(string page, string lang)
    {
        var path = await PathOfAsync(page);
        var response = await factory.Anonymous().GetAsync(path + (path.Contains('?') ? "&" : "?") + "lang=" + lang);
        var html = await response.Content.ReadAsStringAsync();
        var tags = Meta(html);
        foreach (var name in Required) Assert.False(string.IsNullOrWhiteSpace(tags.GetValueOrDefault(name)), $"{page} ({lang}) has no {name}");
        Assert.Equal(lang == "en" ? "en_US" : "vi_VN", tags["og:locale"]);
        Assert.Equal(lang == "en" ? "vi_VN" : "en_US", tags["og:locale:alternate"]);
        // Task pages carry the generated share card (Web/Cards), so X shows it large; other pages have no image.
        Assert.Equal(page == "task" ? "summary_large_image" : "summary", tags["twitter:card"]);
        if (page == "task")
        {
            Assert.Matches("^http://localhost/tasks/[^/]+/card\\.png\\?v=[0-9]+$", tags["og:image"]);
            Assert.Equal(tags["og:image"], tags["twitter:image"]);
            Assert.Equal(("1200", "630"), (tags["og:image:width"], tags["og:image:height"]));
        }
        else Assert.False(tags.ContainsKey("og:image"), $"{page} names an og:image");
        Assert.Equal(page == "task" ? "article" : "website", tags["og:type"]);
        Assert.StartsWith("http://localhost/", tags["og:url"]);
        Assert.Equal(tags["og:title"], tags["twitter:title"]);
        Assert.Equal(lang == "en" ? "Phú Thọ S&T task registry" : "Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ", tags["og:site_name"]);
        if (page is "not-found") Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (page is "gone") Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task Hostile_titles_are_escaped_cleaned_and_cut_in_the_tags()
    {
        var nfdHoa = "Ho\u0300a Bi\u0300nh";
        var title = "Tiêu đề \"trích dẫn\" <script>alert('x')</script> & \u202Eđảo chiều\u202C\u2028dòng mới 👩🏽‍🔬 "
            + string.Concat(Enumerable.Repeat("chè Shan tuyết ", 60));
        var summary = nfdHoa + " </script><script>alert(1)</script>\n\n" + string.Concat(Enumerable.Repeat("Tóm tắt rất dài với “ngoặc” và 'nháy'. ", 30));
        var record = new TaskRecordBuilder().With(r => r with { Title = title, Summary = summary }).Build();
        var id = await factory.PublishAsync(await factory.CreateAsync(record));
        await factory.WaitForIndexAsync();

        var html = await factory.Anonymous().GetStringAsync($"/tasks/{id}");
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        // Nothing a curator typed becomes markup: the only script elements in <head> are the JSON-LD blocks.
        Assert.Equal(ScriptOpen().Matches(head).Count, ScriptOpen().Matches(head).Count(m => m.Value.Contains("application/ld+json")));
        Assert.DoesNotContain("<script>alert", head);
        Assert.DoesNotContain("</script><script>", head);

        var tags = Meta(html);
        var ogTitle = tags["og:title"];
        Assert.StartsWith("Tiêu đề \"trích dẫn\" <script>alert('x')</script> & đảo chiều dòng mới", ogTitle);
        Assert.EndsWith("…", ogTitle);
        Assert.True(ogTitle.Length <= 90, $"og:title is {ogTitle.Length} characters");
        Assert.True(ogTitle.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\u202E', ogTitle);
        Assert.DoesNotContain('\u2028', ogTitle);
        Assert.DoesNotContain('\n', tags["og:description"]);
        Assert.True(tags["og:description"].Length <= 200);
        Assert.StartsWith("Hòa Bình </script><script>alert(1)</script> Tóm tắt", tags["og:description"]);
        Assert.True(tags["og:description"].IsNormalized(NormalizationForm.FormC));
        // The cut falls between text elements: no orphan surrogate, no mark without its letter.
        var last = StringInfo.GetTextElementEnumerator(ogTitle.TrimEnd('…'));
        while (last.MoveNext()) Assert.False(char.IsSurrogate(last.GetTextElement()[^1]) && last.GetTextElement().Length == 1);
        // Attribute values are quoted and escaped in the source.
        Assert.Contains("content=\"Tiêu đề &quot;trích dẫn&quot; &lt;script&gt;", html);
    }

    [Fact]
    public async Task A_search_text_in_the_address_is_escaped_in_og_url_and_title()
    {
        var html = await factory.Anonymous().GetStringAsync("/tasks?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script>alert", head);
        var tags = Meta(html);
        Assert.Contains("\"><script>alert(1)</script>", tags["og:title"]);
        Assert.StartsWith("http://localhost/tasks?q=", tags["og:url"]);
    }

    private async Task<string> PathOfAsync(string page)
    {
        var seeded = await factory.SeedAsync();
        return page switch
        {
            "home" => "/",
            "search" => "/tasks?q=ch%C3%A8",
            "task" => $"/tasks/{seeded.Published[0]}",
            "organization" => await OrganizationPathAsync(),
            "stats" => "/stats",
            "not-found" => "/tasks/khong-co-nhiem-vu-nay",
            "gone" => $"/tasks/{seeded.Withdrawn}",
            _ => throw new ArgumentOutOfRangeException(nameof(page)),
        };
    }

    private async Task<string> OrganizationPathAsync()
    {
        var xml = await factory.Anonymous().GetStringAsync("/sitemap.xml");
        var match = Regex.Match(xml, "<loc>[^<]*(/organizations/[^<]+)</loc>");
        if (match.Success) return match.Groups[1].Value;
        // A sitemap index: the organizations are in one of its parts.
        foreach (Match part in Regex.Matches(xml, "<loc>[^<]*?(/sitemap[^<]*)</loc>"))
        {
            var inner = await factory.Anonymous().GetStringAsync(part.Groups[1].Value);
            var org = Regex.Match(inner, "<loc>[^<]*(/organizations/[^<]+)</loc>");
            if (org.Success) return org.Groups[1].Value;
        }
        throw new InvalidOperationException("no organization page in the sitemap");
    }

    /// <summary>The meta tags by property or name, attribute values decoded as a browser would.</summary>
    internal static Dictionary<string, string> Meta(string html)
    {
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in MetaTag().Matches(head)) tags.TryAdd(m.Groups["key"].Value, WebUtility.HtmlDecode(m.Groups["content"].Value));
        return tags;
    }

    [GeneratedRegex("""<meta (?:property|name)="(?<key>[^"]+)" content="(?<content>[^"]*)">""")]
    private static partial Regex MetaTag();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpen();
}
