using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Json.Schema;
using Registry.Api.Citations;
using Registry.Api.Tests.Builders;
using Registry.Api.Tests.Citations;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Feeds;
using Registry.EndToEnd.Tests.OpenApi;

namespace Registry.EndToEnd.Tests.Citations;

/// <summary>
/// RIS, BibTeX and CSL-JSON of a task through the API: the download addresses, Accept negotiation on
/// GET /api/v1/tasks/{id}, the public rules (drafts 404, withdrawn 410), conditional GET, and every answer read
/// back (CSL-JSON validated against the official csl-data.json schema).
/// </summary>
public sealed class CitationTests(FeedsFactory factory) : IClassFixture<FeedsFactory>
{
    private static readonly JsonSchema CslSchema = LoadCslSchema();

    private const string Ris = "application/x-research-info-systems";
    private const string Bib = "application/x-bibtex";
    private const string Csl = "application/vnd.citationstyles.csl+json";

    private static JsonSchema LoadCslSchema([CallerFilePath] string here = "") =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "csl-data.json")));

    private static IReadOnlyList<string> CslProblems(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ContractSchemas.Validate(CslSchema, doc.RootElement);
    }

    [Fact]
    public void The_csl_schema_check_refuses_what_is_not_csl()
    {
        Assert.NotEmpty(CslProblems("""[{"id": "x", "type": "not-a-type", "title": "t"}]"""));
        Assert.NotEmpty(CslProblems("""[{"type": "report", "title": "t"}]"""));
        Assert.NotEmpty(CslProblems("""[{"id": "x", "type": "report", "author": [{"family": 1}]}]"""));
        Assert.NotEmpty(CslProblems("""{"id": "x", "type": "report"}"""));
        Assert.Empty(CslProblems("""[{"id": "x", "type": "report", "author": [{"family": "Nguyễn", "given": "Văn An"}], "issued": {"date-parts": [[2024]]}}]"""));
    }

    [Theory]
    [MemberData(nameof(HostileText.Cases), MemberType = typeof(HostileText))]
    public void Csl_json_of_hostile_text_is_valid_csl(string title, string expected)
    {
        var record = new TaskRecordBuilder().With(r => r with { Id = "t-1", Title = title, Summary = title, Keywords = [title],
            Members = [new PersonRecord { Name = title }] }).Build();
        var json = CitationWriters.CslJson(record, "https://opendata.example.vn/tasks/t-1");
        Assert.Empty(CslProblems(json));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(expected, doc.RootElement[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Each_download_address_answers_its_format_as_an_ascii_named_attachment()
    {
        var id = await factory.PublishAsync(await factory.CreateAsync(new TaskRecordBuilder().Build()));
        var record = (await factory.PublishedInStoreAsync())[id];
        var client = factory.Anonymous();
        var expectedName = CitationText.Ascii(record.Code);
        Assert.Matches("^DT-2024-[0-9]{5}-PT$", expectedName);

        foreach (var (suffix, mediaType) in new[] { ("ris", Ris), ("bib", Bib), ("csl.json", Csl) })
        {
            var response = await client.GetAsync($"/api/v1/tasks/{id}/citation.{suffix}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            var disposition = response.Content.Headers.ContentDisposition;
            Assert.Equal("attachment", disposition?.DispositionType);
            Assert.Equal($"{expectedName}.{suffix}", disposition?.FileName?.Trim('"'));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
            var text = new UTF8Encoding(false, true).GetString(bytes);
            Assert.True(text.IsNormalized(NormalizationForm.FormC));
            Assert.Contains(record.Title!, text);
            var page = $"{FeedsFactory.PublicBase}/tasks/{id}";
            switch (suffix)
            {
                case "ris":
                    var ris = RisReader.Read(text);
                    Assert.Contains(("UR", page), ris);
                    Assert.Contains(("AN", record.Code!), ris);
                    break;
                case "bib":
                    var bib = BibTexReader.Read(text);
                    Assert.Equal("techreport", bib.Type);
                    Assert.Equal(expectedName, bib.Key);
                    Assert.Equal(page, bib.Fields["url"]);
                    break;
                default:
                    Assert.Empty(CslProblems(text));
                    using (var doc = JsonDocument.Parse(text)) Assert.Equal(page, doc.RootElement[0].GetProperty("URL").GetString());
                    break;
            }

            // Conditional GET: a strong ETag of its own, 304 when it still matches.
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);
            Assert.False(etag!.IsWeak);
            var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}/citation.{suffix}");
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

            // A second read (from the output cache when it holds one) is the same attachment.
            var cached = await client.GetAsync($"/api/v1/tasks/{id}/citation.{suffix}");
            Assert.Equal(text, await cached.Content.ReadAsStringAsync());
            Assert.Equal("attachment", cached.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(etag, cached.Headers.ETag);
            Assert.Equal(mediaType, cached.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData(Ris)]
    [InlineData(Bib)]
    [InlineData(Csl)]
    public async Task The_task_route_answers_a_citation_to_a_client_that_asks_for_one(string mediaType)
    {
        var id = await factory.PublishAsync(await factory.CreateAsync(new TaskRecordBuilder().Build()));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        request.Headers.Accept.ParseAdd(mediaType);
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var body = await response.Content.ReadAsStringAsync();
        var download = await factory.Anonymous().GetStringAsync($"/api/v1/tasks/{id}/citation.{CitationFormat.All.Single(f => f.MediaType == mediaType).Extension}");
        Assert.Equal(download, body);

        // The JSON representation of the same task is still what a plain client gets, and its ETag differs.
        var json = await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(json.Headers.ETag, response.Headers.ETag);
        // And a cache holding the JSON does not hand it to the next client that asks for the citation.
        var after = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        after.Headers.Accept.ParseAdd(mediaType);
        var second = await factory.Anonymous().SendAsync(after);
        Assert.Equal(mediaType, second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/x-bibtex")]
    [InlineData("application/x-unknown-citation")]
    [InlineData("application/json, application/x-bibtex;q=0.5")]
    [InlineData("*/*")]
    public async Task Other_accept_headers_get_the_json_record_as_elsewhere_in_the_api(string accept)
    {
        var id = await factory.PublishAsync(await factory.CreateAsync(new TaskRecordBuilder().Build()));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, doc.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Drafts_and_unknown_ids_are_404_and_withdrawn_tasks_410_in_every_format()
    {
        var seeded = await factory.SeedAsync();
        var withdrawnCode = (await (await factory.CuratorAsync()).GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{seeded.Withdrawn}")).GetProperty("code").GetString();
        var client = factory.Anonymous();
        foreach (var suffix in new[] { "ris", "bib", "csl.json" })
        {
            foreach (var hidden in new[] { seeded.Draft, "no-such-task" })
            {
                var response = await client.GetAsync($"/api/v1/tasks/{hidden}/citation.{suffix}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Null(response.Content.Headers.ContentDisposition);
            }
            var gone = await client.GetAsync($"/api/v1/tasks/{seeded.Withdrawn}/citation.{suffix}");
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await gone.Content.ReadAsStringAsync());
            Assert.Equal(withdrawnCode, problem.RootElement.GetProperty("code").GetString());
            Assert.StartsWith("Nhiệm vụ này đã bị rút", problem.RootElement.GetProperty("detail").GetString());
        }
        foreach (var mediaType in new[] { Ris, Bib, Csl })
        {
            foreach (var (id, status) in new[] { (seeded.Draft, HttpStatusCode.NotFound), (seeded.Withdrawn, HttpStatusCode.Gone) })
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
                request.Headers.Accept.ParseAdd(mediaType);
                var response = await client.SendAsync(request);
                Assert.Equal(status, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task Unknown_query_parameters_are_refused()
    {
        var id = await factory.PublishAsync(await factory.CreateAsync(new TaskRecordBuilder().Build()));
        var response = await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}/citation.ris?format=bibtex");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Hostile_text_stored_through_the_api_reads_back_in_every_format()
    {
        const string title = "Tiêu đề \"trích\" {mở 100% & $5 #1 a_b ~x ^y \\textbf{z} <script>alert(1)</script> \u202Eđảo\u202C";
        const string expected = "Tiêu đề \"trích\" {mở 100% & $5 #1 a_b ~x ^y \\textbf{z} <script>alert(1)</script> đảo";
        var nfdName = "Nguyễn Thị Hồng Nhung".Normalize(NormalizationForm.FormD);
        var record = new TaskRecordBuilder().With(r => r with
        {
            Title = title,
            Summary = "Dòng một\nDòng hai } {",
            Members = [new PersonRecord { Name = nfdName }, new PersonRecord { Name = "Lê and Văn} {Tám" }],
        }).Build();
        var created = await factory.CreateAsync(record);
        var id = await factory.PublishAsync(created);
        var client = factory.Anonymous();

        var ris = RisReader.Read(await client.GetStringAsync($"/api/v1/tasks/{id}/citation.ris"));
        Assert.Equal(expected, ris.Single(e => e.Tag == "TI").Value);
        Assert.Equal("Dòng một Dòng hai } {", ris.Single(e => e.Tag == "AB").Value);
        Assert.Equal(["Nguyễn, Văn An", "Nguyễn, Thị Hồng Nhung", "Lê, and Văn} {Tám"], ris.Where(e => e.Tag == "AU").Select(e => e.Value));

        var bib = BibTexReader.Read(await client.GetStringAsync($"/api/v1/tasks/{id}/citation.bib"));
        Assert.Equal(expected, BibTexReader.Text(bib.Fields["title"]));
        Assert.Equal("Dòng một Dòng hai } {", BibTexReader.Text(bib.Fields["abstract"]));

        var csl = await client.GetStringAsync($"/api/v1/tasks/{id}/citation.csl.json");
        Assert.Empty(CslProblems(csl));
        using var doc = JsonDocument.Parse(csl);
        var item = doc.RootElement[0];
        Assert.Equal(expected, item.GetProperty("title").GetString());
        Assert.Equal("Dòng một\nDòng hai } {", item.GetProperty("abstract").GetString());
        var authors = item.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("family").GetString() + "|" + a.GetProperty("given").GetString()).ToList();
        Assert.Equal(["Nguyễn|Văn An", "Nguyễn|Thị Hồng Nhung", "Lê|and Văn} {Tám"], authors);
    }

    [Fact]
    public async Task The_task_page_links_each_citation_download()
    {
        var id = await factory.PublishAsync(await factory.CreateAsync(new TaskRecordBuilder().Build()));
        var client = factory.Anonymous();
        var html = await client.GetStringAsync($"/tasks/{id}");
        Assert.Contains("Trích dẫn (cite)", html);
        foreach (var format in CitationFormat.All)
        {
            var href = $"/api/v1/tasks/{id}/citation.{format.Extension}";
            Assert.Contains($"""<a href="{href}" type="{format.MediaType}" download>""", html);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
        }
        Assert.Contains("""<h2 id="cite-h">Cite</h2>""", await client.GetStringAsync($"/tasks/{id}?lang=en"));
    }
}
