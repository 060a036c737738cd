using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Search.SearchCatalogue;

namespace Registry.EndToEnd.Tests.Search;

/// <summary>GET /api/v1/tasks as a search: text, filters, facets, sorts, select, highlights, errors.</summary>
[Collection(SearchCatalogueCollection.Name)]
public sealed class SearchTests(SearchCatalogue catalogue)
{
    private async Task<JsonElement> GetAsync(string url)
    {
        await catalogue.SeededAsync();
        var response = await catalogue.Anonymous().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> ProblemAsync(string url)
    {
        await catalogue.SeededAsync();
        return await (await catalogue.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Theory]
    [InlineData("chuyển đổi số")]
    [InlineData("chuyen doi so")]
    [InlineData("chuyeenr ddooir soos")]
    public async Task Finds_a_task_with_or_without_diacritics(string q)
    {
        var body = await GetAsync($"/api/v1/tasks?q={Uri.EscapeDataString(q)}");
        Assert.Equal(Digital, body.Codes().First());
        Assert.Equal(q, body.GetProperty("meta").GetProperty("q").GetString());
    }

    [Fact]
    public async Task A_query_typed_without_marks_gets_its_spelling_with_marks_and_tone_marks_decide_the_count()
    {
        var plain = await GetAsync("/api/v1/tasks?q=lua");
        Assert.Equal(new[] { Rice, Silk }.Order(), plain.Codes().Order());
        Assert.Equal(2, plain.Count());
        var processing = await GetAsync("/api/v1/tasks?q=che+bien");
        Assert.Equal(TeaProcessing, processing.Codes().First());
        Assert.Equal("chế biến", processing.GetProperty("meta").GetProperty("suggestion").GetString());
        var silk = await GetAsync("/api/v1/tasks?q=l%E1%BB%A5a");
        Assert.Equal([Silk], silk.Codes());
        Assert.Equal(1, silk.Count());
        Assert.Equal(JsonValueKind.Null, silk.GetProperty("meta").GetProperty("suggestion").ValueKind);
        Assert.False(silk.GetProperty("meta").GetProperty("relaxed").GetBoolean());
    }

    [Fact]
    public async Task When_no_task_holds_every_word_the_answer_is_relaxed_and_says_so()
    {
        var body = await GetAsync("/api/v1/tasks?q=" + Uri.EscapeDataString("giống chè xylophone"));
        Assert.True(body.GetProperty("meta").GetProperty("relaxed").GetBoolean());
        Assert.Equal(Tea, body.Codes().First());
        var none = await GetAsync("/api/v1/tasks?q=xylophone");
        Assert.Equal(0, none.Count());
        Assert.False(none.GetProperty("meta").GetProperty("relaxed").GetBoolean());
    }

    [Fact]
    public async Task Listing_without_q_is_newest_first_and_never_shows_drafts_or_withdrawn()
    {
        var body = await GetAsync("/api/v1/tasks");
        Assert.Equal([Rice, TeaProcessing, Digital, Tea, Silk], body.Codes());
        Assert.Equal(5, body.Count());
        Assert.DoesNotContain(catalogue.DraftCode, body.GetRawText());
        Assert.DoesNotContain(catalogue.WithdrawnCode, body.GetRawText());
        Assert.False(body.GetProperty("results")[0].GetProperty("principalInvestigator").TryGetProperty("email", out _));
    }

    [Theory]
    [InlineData("field=4", new[] { Tea, Silk, Rice })]
    [InlineData("field=401", new[] { Tea, Silk, Rice })]
    [InlineData("field=102,211", new[] { Digital, TeaProcessing })]
    [InlineData("level=provincial", new[] { Digital, TeaProcessing })]
    [InlineData("level=national&level=grassroots", new[] { Tea, Silk })]
    [InlineData("kind=pilotProductionProject", new[] { Tea })]
    [InlineData("status=applied", new[] { Silk })]
    [InlineData("yearFrom=2023", new[] { Digital, Rice, TeaProcessing })]
    [InlineData("yearTo=2021", new[] { Tea, Silk })]
    [InlineData("yearFrom=2021&yearTo=2023", new[] { Digital, Tea })]
    [InlineData("budgetMin=1500000000", new[] { Digital, Tea })]
    [InlineData("budgetMax=800000000", new[] { Silk, Rice })]
    [InlineData("transferable=true", new[] { Tea })]
    [InlineData("updatedSince=2000-01-01T00:00:00Z", new[] { Digital, Tea, Silk, Rice, TeaProcessing })]
    [InlineData("updatedSince=2999-01-01", new string[0])]
    [InlineData("q=chè&level=provincial", new[] { TeaProcessing })]
    public async Task Each_filter_narrows_the_results(string query, string[] expected)
    {
        var body = await GetAsync("/api/v1/tasks?pageSize=200&" + query);
        Assert.Equal(expected.Order(), body.Codes().Order());
        Assert.Equal(expected.Length, body.Count());
    }

    [Fact]
    public async Task Organization_filter_uses_the_public_org_id_from_the_facet()
    {
        var facets = await GetAsync("/api/v1/tasks?facets=organization");
        var bucket = facets.GetProperty("facets").GetProperty("organization").EnumerateArray()
            .Single(b => b.GetProperty("displayName").GetString() == "Sở Nông nghiệp và Môi trường");
        var body = await GetAsync($"/api/v1/tasks?organization={bucket.GetProperty("key").GetString()}");
        Assert.Equal([Digital], body.Codes());
    }

    [Fact]
    public async Task Facets_count_the_matching_tasks_with_display_names()
    {
        var body = await GetAsync("/api/v1/tasks?q=chè&facets=level,field,year");
        var facets = body.GetProperty("facets");
        var levels = facets.GetProperty("level").EnumerateArray().ToDictionary(b => b.GetProperty("key").GetString()!, b => b.GetProperty("count").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["national"] = 1, ["provincial"] = 1 }, levels);
        var field = facets.GetProperty("field").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "4");
        Assert.Equal("Khoa học nông nghiệp", field.GetProperty("displayName").GetString());
        Assert.Equal(2, facets.GetProperty("year").GetArrayLength());
    }

    private static Dictionary<string, long> Buckets(JsonElement body, string facet) =>
        body.GetProperty("facets").GetProperty(facet).EnumerateArray().ToDictionary(b => b.GetProperty("key").GetString()!, b => b.GetProperty("count").GetInt64());

    [Fact]
    public async Task A_filtered_facet_still_lists_its_sibling_values_while_the_results_stay_filtered()
    {
        var body = await GetAsync("/api/v1/tasks?level=provincial&facets=level,kind");
        Assert.Equal([TeaProcessing, Digital], body.Codes());
        Assert.Equal(2, body.GetProperty("meta").GetProperty("count").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["provincial"] = 2, ["national"] = 1, ["grassroots"] = 1, ["ministerial"] = 1 }, Buckets(body, "level"));
        Assert.Equal(new Dictionary<string, long> { ["researchProject"] = 1, ["scienceTechnologyProject"] = 1 }, Buckets(body, "kind"));
    }

    [Fact]
    public async Task Two_filtered_facets_each_count_under_the_other_filter()
    {
        var body = await GetAsync("/api/v1/tasks?level=provincial&status=inProgress&facets=level,status");
        Assert.Equal([TeaProcessing], body.Codes());
        Assert.Equal(new Dictionary<string, long> { ["provincial"] = 1, ["national"] = 1 }, Buckets(body, "level"));
        Assert.Equal(new Dictionary<string, long> { ["accepted"] = 1, ["inProgress"] = 1 }, Buckets(body, "status"));
    }

    [Theory]
    [InlineData("budget", new[] { Tea, Digital, TeaProcessing, Rice, Silk })]
    [InlineData("+budget", new[] { Silk, Rice, TeaProcessing, Digital, Tea })]
    [InlineData("+newest", new[] { Silk, Tea, Digital, TeaProcessing, Rice })]
    [InlineData("-endDate", new[] { Rice, TeaProcessing, Digital, Tea, Silk })]
    public async Task Sorts_order_the_results(string sort, string[] expected)
    {
        var body = await GetAsync($"/api/v1/tasks?sort={Uri.EscapeDataString(sort)}");
        Assert.Equal(expected, body.Codes());
    }

    [Fact]
    public async Task Select_returns_only_the_chosen_fields_plus_id()
    {
        var body = await GetAsync("/api/v1/tasks?select=code,budget&pageSize=1");
        var names = body.GetProperty("results")[0].EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["budget", "code", "id"], names);
    }

    [Fact]
    public async Task Highlights_mark_the_matched_words()
    {
        var body = await GetAsync("/api/v1/tasks?q=lua&highlight=true&pageSize=200");
        var silk = body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("code").GetString() == Silk);
        Assert.Contains("<mark>lụa</mark>", silk.GetProperty("highlights").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_parameter_is_refused_naming_the_valid_ones()
    {
        var problem = await ProblemAsync("/api/v1/tasks?stauts=accepted");
        var message = problem.GetProperty("errors").GetProperty("stauts")[0].GetString()!;
        foreach (var valid in new[] { "q", "status", "field", "facets", "cursor", "pageSize", "select", "sort" }) Assert.Contains(valid, message);
    }

    [Theory]
    [InlineData("status=finished", "status", "accepted")]
    [InlineData("field=999", "field", "field-of-science")]
    [InlineData("facets=colour", "facets", "organization")]
    [InlineData("sort=popularity", "sort", "budget")]
    [InlineData("select=title,secret", "select", "keywords")]
    [InlineData("pageSize=0", "pageSize", "200")]
    [InlineData("pageSize=201", "pageSize", "200")]
    [InlineData("cursor=not-a-cursor", "cursor", "cursor")]
    [InlineData("transferable=perhaps", "transferable", "true")]
    public async Task Invalid_values_answer_400_naming_the_parameter_and_valid_values(string query, string parameter, string hint)
    {
        var problem = await ProblemAsync("/api/v1/tasks?" + query);
        Assert.Contains(hint, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_refused()
    {
        var first = await GetAsync("/api/v1/tasks?pageSize=2&sort=budget");
        var cursor = first.GetProperty("meta").GetProperty("nextCursor").GetString()!;
        await ProblemAsync($"/api/v1/tasks?pageSize=2&sort=newest&cursor={Uri.EscapeDataString(cursor)}");
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:(chè")]
    [InlineData("AND OR NOT")]
    [InlineData("\\\\*?~^")]
    [InlineData("-")]
    [InlineData("chè\u007F\u0085")]
    public async Task Odd_query_syntax_is_searched_as_text(string q)
    {
        var response = await catalogue.Anonymous().GetAsync($"/api/v1/tasks?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>C0 controls (NUL included) never reach the engine: the request guard refuses them (Surface/HostileQueryTests).</summary>
    [Fact]
    public async Task A_control_character_in_q_is_a_400_problem()
    {
        var response = await catalogue.Anonymous().GetAsync($"/api/v1/tasks?q={Uri.EscapeDataString("chè\u0000")}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Next_page_is_linked_and_keeps_the_query()
    {
        await catalogue.SeededAsync();
        var response = await catalogue.Anonymous().GetAsync("/api/v1/tasks?level=provincial&pageSize=1");
        var link = response.Headers.GetValues("Link").Single();
        Assert.EndsWith("rel=\"next\"", link);
        Assert.Contains("level=provincial", link);
        var next = await GetAsync(link[1..link.IndexOf('>')]);
        Assert.Single(next.Codes());
        Assert.True(next.GetProperty("meta").GetProperty("nextCursor").ValueKind == JsonValueKind.Null);
    }
}
