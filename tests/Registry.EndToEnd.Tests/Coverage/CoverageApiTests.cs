using System.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Feeds;
using Registry.EndToEnd.Tests.GraphQL;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Coverage;

/// <summary>GET / POST / DELETE /api/v1/tasks/{id}/coverage through the real host, and coverage on GraphQL, JSON-LD and the page.</summary>
public sealed class CoverageApiTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private static CoverageRecord Item(string url, CoverageKind kind = CoverageKind.Press, int year = 2025, int month = 3, int day = 12, string? title = "Giống chè mới") =>
        new() { Url = url, Outlet = "Báo Phú Thọ", Kind = kind, Date = new DateOnly(year, month, day), Title = title };

    private async Task<(HttpClient Curator, string Id)> PublishedAsync(params CoverageRecord[] coverage)
    {
        var curator = await factory.CuratorAsync();
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator, TaskRecordBuilder.Valid() with { Coverage = coverage });
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsync($"/api/v1/tasks/{id}/publish", null)).StatusCode);
        return (curator, id);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private const string NewItem = """{"url":"https://ptv.vn/video/giong-che","outlet":"Đài PT-TH Phú Thọ","kind":"television","date":"2025-05-02","title":"Phóng sự giống chè"}""";

    [Fact]
    public async Task The_public_reads_a_published_tasks_coverage_newest_first_with_labels_and_an_etag()
    {
        var (_, id) = await PublishedAsync(Item("https://baophutho.vn/tin/1", day: 1), Item("https://facebook.com/p/2", CoverageKind.SocialNetwork, month: 4), Item("https://vov.vn/3", CoverageKind.Radio, day: 1));
        var anonymous = factory.Anonymous();

        var response = await anonymous.GetAsync($"/api/v1/tasks/{id}/coverage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(3, json.GetProperty("meta").GetProperty("count").GetInt32());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["https://facebook.com/p/2", "https://baophutho.vn/tin/1", "https://vov.vn/3"], results.Select(r => r.GetProperty("url").GetString()));
        Assert.Equal("socialNetwork", results[0].GetProperty("kind").GetString());
        Assert.Equal("Mạng xã hội", results[0].GetProperty("kindDisplayName").GetString());
        Assert.Equal("Social network", results[0].GetProperty("kindDisplayNameEn").GetString());
        Assert.Equal("2025-04-12", results[0].GetProperty("date").GetString());

        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}/coverage");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        await (await anonymous.GetAsync($"/api/v1/tasks/{id}/coverage?sort=date")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Unknown_draft_and_withdrawn_tasks_answer_as_the_task_route_does()
    {
        var anonymous = factory.Anonymous();
        await (await anonymous.GetAsync("/api/v1/tasks/t0000000000zz/coverage")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var curator = await factory.CuratorAsync();
        var (draft, _) = await TaskLifecycleTests.CreateAsync(curator, TaskRecordBuilder.Valid() with { Coverage = [Item("https://baophutho.vn/nhap")] });
        await (await anonymous.GetAsync($"/api/v1/tasks/{draft}/coverage")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var forCurator = await (await curator.GetAsync($"/api/v1/tasks/{draft}/coverage")).ReadJsonAsync();
        Assert.Equal(1, forCurator.GetProperty("meta").GetProperty("count").GetInt32());

        var (_, withdrawn) = await PublishedAsync(Item("https://baophutho.vn/rut"));
        await curator.PostAsJsonAsync($"/api/v1/tasks/{withdrawn}/withdraw", new { reason = "Trùng lặp" });
        var gone = await (await anonymous.GetAsync($"/api/v1/tasks/{withdrawn}/coverage")).AssertProblemAsync(HttpStatusCode.Gone, "gone");
        Assert.Equal(withdrawn, gone.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_curator_adds_an_item_which_bumps_the_version_and_reaches_the_public_list()
    {
        var (curator, id) = await PublishedAsync(Item("https://baophutho.vn/tin/1"));
        var before = await curator.GetAsync($"/api/v1/tasks/{id}");

        var added = await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", NewItem, before.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var body = await added.ReadAsync<TaskWriteResponse>();
        Assert.Equal("updated", body.Outcome);
        Assert.Contains("coverage item added", body.Message);
        Assert.Equal(2, body.Task.Coverage!.Count);
        Assert.NotEqual(before.Headers.ETag, added.Headers.ETag);
        Assert.True(body.Task.UpdatedAt > (await before.ReadAsync<TaskRecord>()).UpdatedAt);
        var list = await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}/coverage")).ReadJsonAsync();
        Assert.Equal("https://ptv.vn/video/giong-che", list.GetProperty("results")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Writes_need_a_curator_key_and_a_current_if_match()
    {
        var (curator, id) = await PublishedAsync();
        await (await SendAsync(factory.Anonymous(), HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", NewItem)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await SendAsync(factory.Anonymous(), HttpMethod.Delete, $"/api/v1/tasks/{id}/coverage?url=https%3A%2F%2Fa.vn%2F1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await SendAsync(factory.WithKey("rk_not_a_real_key_000000000000"), HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", NewItem))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var stale = await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", NewItem, "\"1\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        Assert.NotNull(stale.Headers.ETag);
        await (await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", NewItem, "W/\"2\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        await (await SendAsync(curator, HttpMethod.Post, "/api/v1/tasks/t0000000000zz/coverage", NewItem)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}/coverage")).ReadJsonAsync()).GetProperty("meta").GetProperty("count").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", NewItem, stale.Headers.ETag!.Tag)).StatusCode);
    }

    [Fact]
    public async Task The_same_link_in_another_spelling_is_refused_naming_url()
    {
        var (curator, id) = await PublishedAsync(Item("https://baophutho.vn/tin/1"));
        var duplicate = """{"url":"HTTP://WWW.BaoPhuTho.vn/tin/1/#binh-luan","kind":"press","date":"2025-03-13"}""";

        var problem = await (await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", duplicate)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out var messages));
        Assert.Contains("coverage[0]", messages[0].GetString());
    }

    [Theory]
    [InlineData("""{"url":"javascript:alert(1)","kind":"press","date":"2025-03-13"}""", "url")]
    [InlineData("""{"url":"https://user:pass@baophutho.vn/x","kind":"press","date":"2025-03-13"}""", "url")]
    [InlineData("""{"url":"https://baophutho.vn/x","kind":"press"}""", "date")]
    [InlineData("""{"url":"https://baophutho.vn/x","date":"2025-03-13"}""", "kind")]
    [InlineData("""{"url":"https://baophutho.vn/x","kind":"newspaper","date":"2025-03-13"}""", "kind")]
    [InlineData("""{"url":"https://baophutho.vn/x","kind":"press","date":"13/03/2025"}""", "date")]
    [InlineData("""{"url":"https://baophutho.vn/x","kind":"press","date":"2025-03-13","title":"\u202Eevil"}""", "title")]
    [InlineData("""{"url":"https://baophutho.vn/x","url":"https://baophutho.vn/y","kind":"press","date":"2025-03-13"}""", "url")]
    [InlineData("""{"url":"https://baophutho.vn/x","Kind":"press","kind":"press","date":"2025-03-13"}""", "kind")]
    [InlineData("""{"url":"https://baophutho.vn/x","kind":"press","date":"2025-03-13","extra":{"a":[{"b":{}}]}}""", "extra")]
    [InlineData("""{"url":["https://baophutho.vn/x"],"kind":"press","date":"2025-03-13"}""", "url")]
    [InlineData("""{"url":"https://baophutho.vn/x","kind":1,"date":"2025-03-13"}""", "kind")]
    public async Task Bad_items_are_400_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var (curator, id) = await PublishedAsync();
        var problem = await (await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains(field, StringComparison.Ordinal));
        Assert.Equal(0, (await (await curator.GetAsync($"/api/v1/tasks/{id}/coverage")).ReadJsonAsync()).GetProperty("meta").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("\"https://baophutho.vn/x\"")]
    public async Task Malformed_bodies_are_4xx_never_500(string body)
    {
        var (curator, id) = await PublishedAsync();
        var response = await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_future_date_in_Vietnam_a_huge_body_a_deep_body_and_a_wrong_content_type_are_refused()
    {
        var (curator, id) = await PublishedAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(2).ToString("yyyy-MM-dd");
        await (await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", $$"""{"url":"https://a.vn/1","kind":"press","date":"{{future}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var huge = JsonSerializer.Serialize(new { url = "https://a.vn/1", kind = "press", date = "2025-01-01", title = new string('x', 3_000_000) });
        var hugeAnswer = await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", huge);
        Assert.InRange((int)hugeAnswer.StatusCode, 400, 499);

        var deep = "{\"url\":\"https://a.vn/1\",\"kind\":\"press\",\"date\":\"2025-01-01\",\"title\":" + new string('[', 5000) + new string(']', 5000) + "}";
        await (await SendAsync(curator, HttpMethod.Post, $"/api/v1/tasks/{id}/coverage", deep)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var text = await curator.PostAsync($"/api/v1/tasks/{id}/coverage", new StringContent(NewItem, Encoding.UTF8, "text/plain"));
        await text.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_curator_removes_an_item_by_its_link_in_any_spelling()
    {
        var (curator, id) = await PublishedAsync(Item("https://baophutho.vn/tin/1"), Item("https://vov.vn/2", CoverageKind.Radio));

        await (await SendAsync(curator, HttpMethod.Delete, $"/api/v1/tasks/{id}/coverage")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await SendAsync(curator, HttpMethod.Delete, $"/api/v1/tasks/{id}/coverage?url=https%3A%2F%2Fbaophutho.vn%2Ftin%2F9"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await SendAsync(curator, HttpMethod.Delete, $"/api/v1/tasks/{id}/coverage?url=https%3A%2F%2Fbaophutho.vn%2Ftin%2F1", ifMatch: "\"1\""))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");

        var removed = await SendAsync(curator, HttpMethod.Delete, $"/api/v1/tasks/{id}/coverage?url={Uri.EscapeDataString("http://www.baophutho.vn/tin/1/")}");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(["https://vov.vn/2"], (await removed.ReadAsync<TaskWriteResponse>()).Task.Coverage!.Select(c => c.Url));
        await (await SendAsync(curator, HttpMethod.Delete, $"/api/v1/tasks/{id}/coverage?url=https%3A%2F%2Fvov.vn%2F2&url2=x")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_put_with_items_lacking_kind_or_date_is_400_not_500()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid() with { Coverage = [new CoverageRecord { Url = "https://baophutho.vn/x" }] };
        var problem = await (await curator.PostRecordAsync("/api/v1/tasks", record)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("coverage[0].kind", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("coverage[0].date", out _));

        var (id, _) = await TaskLifecycleTests.CreateAsync(curator);
        var read = await curator.GetAsync($"/api/v1/tasks/{id}");
        var put = await curator.PutRecordAsync($"/api/v1/tasks/{id}", (await read.ReadAsync<TaskRecord>()) with { Coverage = [null!] }, read.Headers.ETag!.Tag);
        await put.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task GraphQL_shows_coverage_and_mutations_validate_it()
    {
        var (curator, id) = await PublishedAsync(Item("https://baophutho.vn/tin/1", CoverageKind.Portal));
        var answer = await GraphQLApiFactory.PostAsync(factory.Anonymous(),
            "query($id: ID!) { task(id: $id) { coverage { url outlet kind kindDisplayName kindDisplayNameEn date title } } }", new { id });

        Assert.DoesNotContain("\"errors\"", answer.Body);
        var item = answer.Json.GetProperty("data").GetProperty("task").GetProperty("coverage")[0];
        Assert.Equal("portal", item.GetProperty("kind").GetString());
        Assert.Equal("Cổng thông tin điện tử", item.GetProperty("kindDisplayName").GetString());
        Assert.Equal("2025-03-12", item.GetProperty("date").GetString());

        var read = await (await curator.GetAsync($"/api/v1/tasks/{id}")).ReadJsonAsync();
        var update = await GraphQLApiFactory.PostAsync(curator,
            "mutation($id: ID!, $v: Long!, $input: TaskInput!) { updateTask(id: $id, expectedVersion: $v, input: $input) { outcome } }",
            new
            {
                id, v = 2L,
                input = new
                {
                    code = read.GetProperty("code").GetString(), title = "Nhiệm vụ có truyền thông", kind = "researchProject", level = "provincial",
                    fields = new[] { "401" }, status = "inProgress", hostOrganization = new { name = "Trường Đại học Hùng Vương" },
                    coverage = new[] { new { url = "https://baophutho.vn/tin/2", kind = "press" } },
                },
            });
        Assert.Contains("input.coverage[0].date", update.Body);
        Assert.DoesNotContain("INTERNAL", update.Body);
    }

    [Fact]
    public async Task Json_ld_and_the_task_page_carry_the_items_escaped()
    {
        var hostile = "<script>alert(1)</script> & \"Báo\"";
        var (_, id) = await PublishedAsync(Item("https://baophutho.vn/tin/1", title: hostile), Item("https://techmart.vn/2025", CoverageKind.Event, title: null));
        var anonymous = factory.Anonymous();

        var jsonLdText = await anonymous.GetStringAsync($"/api/v1/tasks/{id}.jsonld");
        var vocabulary = SchemaOrgVocabulary.Load(Path.Combine(Folder(), "..", "Feeds", nameof(SchemaOrgVocabulary) + ".cs"));
        Assert.Empty(vocabulary.Check(JsonNode.Parse(jsonLdText)!));
        var jsonLd = JsonDocument.Parse(jsonLdText).RootElement;
        var subjects = jsonLd.GetProperty("subjectOf").EnumerateArray().ToList();
        Assert.Equal(["NewsArticle", "Event"], subjects.Select(s => s.GetProperty("@type").GetString()));
        Assert.Equal("2025-03-12", subjects[0].GetProperty("datePublished").GetString());
        Assert.Equal("Báo Phú Thọ", subjects[0].GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2025-03-12", subjects[1].GetProperty("startDate").GetString());

        var page = await anonymous.GetStringAsync($"/tasks/{id}");
        Assert.Contains("id=\"coverage-h\">Truyền thông</h2>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Báo&quot;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("<a href=\"https://techmart.vn/2025\" rel=\"noopener\"", page);
        Assert.Contains("12/03/2025", page);
        var english = await anonymous.GetStringAsync($"/tasks/{id}?lang=en");
        Assert.Contains(">Media coverage</h2>", english);
        Assert.Contains("12 Mar 2025", english);
        Assert.Contains(">Event<", english);
    }

    private static string Folder([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
