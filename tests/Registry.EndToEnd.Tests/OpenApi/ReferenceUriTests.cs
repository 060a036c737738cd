using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Registry.Api.Problems;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.OpenApi;

/// <summary>
/// Every address the contract and the problems send people to answers: a page in Vietnamese (English with
/// lang=en) for browsers, JSON for clients. Hostile addresses and odd Accept headers get a 404 problem or a page,
/// never a 500.
/// </summary>
[Collection(ReadOnlyHost.Name)]
public sealed partial class ReferenceUriTests(RegistryApiFactory factory)
{
    private const string Site = "https://registry.phutho.gov.vn";

    /// <summary>
    /// The site's addresses in the contract's text, outside <c>servers</c> (the base the paths hang on) and
    /// <c>example</c> values (sample arguments, not links). A <c>&lt;kind&gt;</c> template stands for every kind.
    /// </summary>
    private async Task<IReadOnlyList<string>> ContractUrisAsync()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        document.Remove("servers");
        var texts = new List<string>();
        Collect(document, texts);
        var uris = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var match in texts.SelectMany(t => SiteUri().Matches(t)).Select(m => m.Value.TrimEnd('.', ',', ';', ':')))
        {
            if (match.EndsWith("/<kind>", StringComparison.Ordinal))
            {
                foreach (var guide in ProblemGuide.Kinds) uris.Add(guide.TypeUri);
            }
            else uris.Add(match);
        }

        return uris.ToList();
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key is "example" or "examples") continue;
                    Collect(value, texts);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, texts);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                texts.Add(s);
                break;
        }
    }

    [Fact]
    public async Task The_contract_names_the_licence_and_the_problem_types()
    {
        var uris = await ContractUrisAsync();
        Assert.Contains($"{Site}/license", uris);
        Assert.Contains($"{Site}/problems", uris);
        Assert.Contains(ProblemCatalog.TypeUri(ProblemKind.Gone), uris);
        Assert.Contains(ProblemCatalog.TypeUri(ProblemKind.StateSecret), uris);
    }

    [Fact]
    public async Task Every_uri_of_the_contract_and_every_problem_type_is_a_page_and_a_json_document()
    {
        var uris = (await ContractUrisAsync()).Concat(ProblemGuide.All.Select(g => g.TypeUri)).Distinct().ToList();
        var failures = new List<string>();
        foreach (var uri in uris)
        {
            var path = uri[Site.Length..];
            if (path.Length == 0) path = "/";
            failures.AddRange(await CheckHtmlAsync(path, "vi"));
            failures.AddRange(await CheckHtmlAsync(path + "?lang=en", "en"));
            failures.AddRange(await CheckJsonAsync(uri, path));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<IEnumerable<string>> CheckHtmlAsync(string path, string lang)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await factory.Anonymous().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return [$"{path} (HTML): {(int)response.StatusCode}"];
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return [$"{path} (HTML): {response.Content.Headers.ContentType}"];
        if (!body.Contains($"<html lang=\"{lang}\"", StringComparison.Ordinal)) return [$"{path}: not a page in {lang}"];
        if (!response.Headers.Vary.Contains("Accept")) return [$"{path} (HTML): no Vary: Accept"];
        return [];
    }

    private async Task<IEnumerable<string>> CheckJsonAsync(string uri, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await factory.Anonymous().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
            return [$"{path} (JSON): {(int)response.StatusCode} {response.Content.Headers.ContentType}"];
        var body = JsonDocument.Parse(text).RootElement;
        if (path == "/license")
        {
            return body.GetProperty("url").GetString() == uri && body.GetProperty("terms").GetArrayLength() > 0 ? [] : [$"{path}: {text}"];
        }

        if (path == "/problems") return body.GetProperty("results").GetArrayLength() == ProblemGuide.All.Count() ? [] : [$"{path}: {text}"];
        var guide = ProblemGuide.Find(path["/problems/".Length..])!;
        var ok = body.GetProperty("type").GetString() == uri
            && body.GetProperty("status").GetInt32() == guide.Status
            && body.GetProperty("title").GetString()!.Contains(guide.Title.Vi, StringComparison.Ordinal)
            && body.GetProperty("meaning").GetProperty("vi").GetString()!.Length > 20
            && body.GetProperty("meaning").GetProperty("en").GetString()!.Length > 20
            && body.GetProperty("fix").GetProperty("vi").GetString()!.Length > 20
            && body.GetProperty("fix").GetProperty("en").GetString()!.Length > 20;
        return ok ? [] : [$"{path}: {text}"];
    }

    [Fact]
    public void Every_kind_and_import_file_kind_has_its_own_explanation()
    {
        Assert.Equal(Enum.GetValues<ProblemKind>().Length, ProblemGuide.Kinds.Count);
        Assert.Equal(ProblemGuide.All.Count(), ProblemGuide.All.Select(g => g.Slug).Distinct().Count());
        Assert.Equal(ProblemGuide.All.Count(), ProblemGuide.All.Select(g => g.Fix.En).Distinct().Count());
        // The fallback text is for a kind added later without an explanation: none of today's kinds may use it.
        Assert.DoesNotContain(ProblemGuide.ImportFileKinds, g => g.Title.En.StartsWith("Import file problem (", StringComparison.Ordinal));
        Assert.Contains(ProblemGuide.ImportFileKinds, g => g.Slug == "import-file/encoding" && g.Status == 415);
    }

    /// <summary>The type of problems the service really writes resolves to a description with the same status.</summary>
    [Fact]
    public async Task The_types_of_real_problems_resolve()
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
        var answers = new[]
        {
            await client.GetAsync("/api/v1/tasks/t-no-such-task"),
            await client.GetAsync("/api/v1/tasks?pageSize=abc"),
            await client.GetAsync("/api/v2/tasks"),
            await client.GetAsync("/api/v1/nothing-here"),
            await client.PostAsync("/api/v1/tasks", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")),
            await client.DeleteAsync("/api/v1/tasks"),
            await client.GetAsync("/problems/no-such-kind"),
            await client.GetAsync("/oembed?url=http%3A%2F%2Flocalhost%2Ftasks&format=xml"),
            await client.GetAsync("/api/v1/tasks?q=%01"),
        };
        foreach (var answer in answers)
        {
            var problem = await answer.ReadJsonAsync();
            var type = problem.GetProperty("type").GetString()!;
            Assert.StartsWith(ProblemCatalog.TypeBase, type);
            var described = await (await client.GetAsync(type[Site.Length..])).ReadJsonAsync();
            Assert.Equal(type, described.GetProperty("type").GetString());
            Assert.Equal((int)answer.StatusCode, described.GetProperty("status").GetInt32());
        }
    }

    [Theory]
    [InlineData("/problems/no-such-kind")]
    [InlineData("/problems/GONE")]
    [InlineData("/problems/gone%01")]
    [InlineData("/problems/%2e%2e%2flicense")]
    [InlineData("/problems/import-file/nope")]
    [InlineData("/problems/import-file/Encoding")]
    [InlineData("/problems/gone.json")]
    [InlineData("/problems/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Unknown_problem_kinds_are_a_404_problem_for_clients_and_the_404_page_for_browsers(string path)
    {
        var json = new HttpRequestMessage(HttpMethod.Get, path);
        json.Headers.TryAddWithoutValidation("Accept", "application/json");
        var answer = await factory.Anonymous().SendAsync(json);
        var status = (int)answer.StatusCode;
        Assert.True(status is 400 or 404, $"{path}: {status}");
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(ProblemCatalog.TypeBase, problem.GetProperty("type").GetString());
        Assert.DoesNotContain("<script>", await answer.Content.ReadAsStringAsync());

        var html = new HttpRequestMessage(HttpMethod.Get, path);
        html.Headers.TryAddWithoutValidation("Accept", "text/html");
        var page = await factory.Anonymous().SendAsync(html);
        Assert.True((int)page.StatusCode is 400 or 404, $"{path}: {(int)page.StatusCode}");
        Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_very_long_kind_is_a_404_problem()
    {
        var answer = await factory.Anonymous().SendAsync(Get("/problems/" + new string('x', 4000), "application/json"));
        await answer.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData(null, "text/html")]
    [InlineData("*/*", "text/html")]
    [InlineData("text/*", "text/html")]
    [InlineData("text/html;q=0.5, application/json", "application/json")]
    [InlineData("application/json;q=0.5, text/html", "text/html")]
    [InlineData("*/*, text/html;q=0", "application/json")]
    [InlineData("application/problem+json", "application/problem+json")]
    [InlineData("application/json, application/problem+json;q=0.9", "application/json")]
    [InlineData("image/png", "application/json")]
    [InlineData("garbage;;;,,", "application/json")]
    [InlineData("application/json;q=abc", "application/json")]
    [InlineData("text/html;q=0, application/json;q=0", "application/json")]
    public async Task Odd_accept_headers_get_a_page_or_json_never_an_error(string? accept, string expected)
    {
        var answer = await factory.Anonymous().SendAsync(Get("/problems/gone", accept));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(expected, answer.Content.Headers.ContentType?.MediaType);
        var body = await answer.Content.ReadAsStringAsync();
        if (expected != "text/html") Assert.Equal(ProblemCatalog.TypeUri(ProblemKind.Gone), JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_thousand_media_ranges_are_read_without_trouble()
    {
        var accept = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"application/x-{i};q=0.{i % 10}")) + ", application/json;q=0.95";
        var answer = await factory.Anonymous().SendAsync(Get("/license", accept));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_licence_page_is_vietnamese_first_and_english_on_request()
    {
        var vi = await (await factory.Anonymous().SendAsync(Get("/license", "text/html"))).Content.ReadAsStringAsync();
        Assert.Contains("Điều khoản sử dụng dữ liệu mở", vi);
        Assert.Contains("Nghị định 47/2020/NĐ-CP", vi);
        var en = await (await factory.Anonymous().SendAsync(Get("/license?lang=en", "text/html"))).Content.ReadAsStringAsync();
        Assert.Contains("Open data licence", en);
        Assert.Contains("attribution", en, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Get(string path, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    [GeneratedRegex(@"https://registry\.phutho\.gov\.vn[^\s""'\\)]*")]
    private static partial Regex SiteUri();
}
