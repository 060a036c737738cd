using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Registry.Api.Web.Cards;
using Registry.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Registry.Web.Tests.Cards;

[CollectionDefinition(Name)]
public sealed class CardCollection : ICollectionFixture<CardHostFixture>
{
    public const string Name = "card host";
}

/// <summary>The card over HTTP: media type, caching, public rules, og:image on the page, share links.</summary>
[Collection(CardCollection.Name)]
public sealed partial class CardHttpTests(CardHostFixture host)
{
    private string CardPath(string code) => $"/tasks/{host.Ids[code]}/card.png";

    [Fact]
    public async Task The_card_is_a_png_with_a_strong_etag_public_caching_and_answers_304_when_unchanged()
    {
        using var http = host.Http();
        var response = await http.GetAsync(CardPath(CardHostFixture.VowelsCode));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag!.IsWeak);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(TaskCardEndpoint.MaxAgeSeconds), response.Headers.CacheControl.MaxAge);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
        Assert.True(CardRenderingTests.DarkPixels(bitmap, new SKRectI(0, 130, 1200, 420)) > 3000);

        using var again = new HttpRequestMessage(HttpMethod.Get, CardPath(CardHostFixture.VowelsCode));
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, CardPath(CardHostFixture.VowelsCode));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"card-c0-1\""));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Drafts_and_unknown_ids_answer_404_and_withdrawn_tasks_410_as_problems()
    {
        using var http = host.Http();
        foreach (var (path, status) in new[]
        {
            (CardPath(WebCorpus.DraftCode), HttpStatusCode.NotFound),
            ("/tasks/khong-co-id-nay/card.png", HttpStatusCode.NotFound),
            ("/tasks/%3Cscript%3E/card.png", HttpStatusCode.NotFound),
            (CardPath(WebCorpus.WithdrawnCode), HttpStatusCode.Gone),
        })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_update_changes_the_card_its_etag_and_the_og_image_address()
    {
        using var http = host.Http();
        var path = CardPath(CardHostFixture.ChangingCode);
        var before = await http.GetAsync(path);
        var beforeBytes = await before.Content.ReadAsByteArrayAsync();
        var beforeImage = OgImage(await http.GetStringAsync($"/tasks/{host.Ids[CardHostFixture.ChangingCode]}"));

        await host.UpdateAsync(CardHostFixture.ChangingCode, r => r with { Title = "Nhiệm vụ đã được sửa tên", Budget = new() { TotalVnd = 9_876_543_210 } });

        var after = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(beforeBytes, await after.Content.ReadAsByteArrayAsync());
        // The old ETag no longer answers 304.
        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(stale)).StatusCode);
        var afterImage = OgImage(await http.GetStringAsync($"/tasks/{host.Ids[CardHostFixture.ChangingCode]}"));
        Assert.NotEqual(beforeImage, afterImage);
    }

    [Fact]
    public async Task Changing_only_the_plain_summary_draws_a_new_card_under_a_new_etag()
    {
        using var http = host.Http();
        var path = CardPath(CardHostFixture.ChangingCode);
        var before = await http.GetAsync(path);
        var beforeBytes = await before.Content.ReadAsByteArrayAsync();

        await host.UpdateAsync(CardHostFixture.ChangingCode, r => r with
        {
            PlainSummary = "Nhiệm vụ giúp người dân tự làm được việc này ở nhà. Cách làm đơn giản, rẻ và an toàn cho cả gia đình.",
        });

        var after = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(beforeBytes, await after.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_task_page_names_an_absolute_og_image_that_answers_200_image_png()
    {
        using var http = host.Http();
        var html = await http.GetStringAsync($"/tasks/{host.Ids[CardHostFixture.VowelsCode]}");
        var image = OgImage(html);
        Assert.StartsWith(host.BaseUrl + "/tasks/" + host.Ids[CardHostFixture.VowelsCode] + "/card.png?v=", image);
        Assert.Contains("<meta property=\"og:image:width\" content=\"1200\">", html);
        Assert.Contains("<meta property=\"og:image:height\" content=\"630\">", html);
        Assert.Contains("<meta property=\"og:image:type\" content=\"image/png\">", html);
        Assert.Matches("<meta property=\"og:image:alt\" content=\"Thẻ chia sẻ: [^\"]+\">", html);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html);
        Assert.Contains($"<meta name=\"twitter:image\" content=\"{WebUtility.HtmlEncode(image)}\">", html);

        using var absolute = new HttpClient();
        var response = await absolute.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);

        // Pages other than a task keep the small summary card and no image.
        var home = await http.GetStringAsync("/");
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", home);
        Assert.DoesNotContain("og:image", home);
    }

    [Fact]
    public async Task Share_links_of_a_hostile_title_are_encoded_plain_links_without_third_party_script()
    {
        using var http = host.Http();
        var html = await http.GetStringAsync($"/tasks/{host.Ids[CardHostFixture.HostileCode]}");
        var section = ShareSection().Match(html);
        Assert.True(section.Success);
        Assert.DoesNotContain("<script", section.Value);
        Assert.DoesNotContain("alert('x')</script>", html.Replace("&lt;script&gt;", ""));
        var pageUrl = $"{host.BaseUrl}/tasks/{host.Ids[CardHostFixture.HostileCode]}";
        var cleanTitle = "\"Trích\" & <script>alert('x')</script> #1 – dòng một dòng hai ?a=b&c=d %20";
        string[] platforms = ["Facebook", "Zalo", "X", "LinkedIn", "E-mail"];
        var links = Anchor().Matches(section.Value).Where(m => platforms.Contains(m.Groups["name"].Value)).ToDictionary(m => m.Groups["name"].Value, m => m);
        Assert.Equal(platforms, links.Keys.ToArray());
        foreach (var (name, match) in links)
        {
            var raw = match.Groups["href"].Value;
            // Inside the attribute: no raw quote, angle bracket, newline; every & written as &amp;.
            Assert.DoesNotMatch("[\"<>\\r\\n]", raw);
            Assert.DoesNotMatch("&(?!amp;)", raw);
            var href = WebUtility.HtmlDecode(raw);
            // Outside the query separators, nothing the title brought is left unencoded.
            Assert.DoesNotMatch("[ #'<>\"]", href);
            var query = Query(href);
            if (name == "E-mail")
            {
                Assert.StartsWith("mailto:?", href);
                Assert.Equal(cleanTitle, query["subject"]);
                Assert.Equal(cleanTitle + "\r\n\r\n" + pageUrl, query["body"]);
                Assert.DoesNotContain("target=", match.Value);
            }
            else
            {
                Assert.StartsWith("https://", href);
                Assert.Contains("rel=\"noopener noreferrer\"", match.Value);
                Assert.Equal(pageUrl, query[name == "Facebook" ? "u" : "url"]);
                if (name == "X") Assert.Equal(cleanTitle, query["text"]);
                Assert.Equal(name == "X" ? 2 : 1, query.Count);
            }
        }
        Assert.Contains("href=\"https://www.facebook.com/sharer/sharer.php?u=", section.Value);
        Assert.Contains("href=\"https://www.linkedin.com/sharing/share-offsite/?url=", section.Value);
        Assert.Contains($"href=\"/tasks/{host.Ids[CardHostFixture.HostileCode]}/card.png\"", section.Value);
    }

    private static Dictionary<string, string> Query(string href)
    {
        var query = href[(href.IndexOf('?') + 1)..];
        return query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
    }

    private static string OgImage(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<meta property=\"og:image\" content=\"([^\"]+)\">").Groups[1].Value);

    [GeneratedRegex("<section aria-labelledby=\"share-h\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex ShareSection();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\"[^>]*>(?<name>[^<]*)</a>")]
    private static partial Regex Anchor();
}
