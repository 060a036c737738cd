using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Search.SearchCatalogue;

namespace Registry.EndToEnd.Tests.Search;

/// <summary>Suggestions, related tasks and the filter description.</summary>
[Collection(SearchCatalogueCollection.Name)]
public sealed class DiscoveryTests(SearchCatalogue catalogue)
{
    [Fact]
    public async Task Suggest_completes_words_without_diacritics()
    {
        await catalogue.SeededAsync();
        var body = await (await catalogue.Anonymous().GetAsync("/api/v1/suggest?q=chuyen")).ReadJsonAsync();
        var texts = body.GetProperty("results").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.InRange(texts.Count, 1, 10);
        Assert.Contains(texts, t => t.StartsWith("chuyển", StringComparison.OrdinalIgnoreCase) || t.Contains("Chuyển"));
    }

    [Fact]
    public async Task Suggest_without_q_is_a_400()
    {
        await (await catalogue.Anonymous().GetAsync("/api/v1/suggest")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Related_tasks_share_the_topic_and_exclude_the_task()
    {
        var ids = await catalogue.SeededAsync();
        var body = await (await catalogue.Anonymous().GetAsync($"/api/v1/tasks/{ids[1]}/related")).ReadJsonAsync();
        var codes = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain(Tea, codes);
        Assert.Contains(TeaProcessing, codes);
    }

    [Fact]
    public async Task Related_of_withdrawn_is_410_and_of_unknown_404()
    {
        await catalogue.SeededAsync();
        await (await catalogue.Anonymous().GetAsync($"/api/v1/tasks/{catalogue.WithdrawnId}/related")).AssertProblemAsync(HttpStatusCode.Gone, "gone");
        await (await catalogue.Anonymous().GetAsync("/api/v1/tasks/nope/related")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Filters_endpoint_describes_every_filter_facet_and_sort()
    {
        var body = await (await catalogue.Anonymous().GetAsync("/api/v1/filters")).ReadJsonAsync();
        var filters = body.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(Registry.Search.Model.SearchFilters.All.Select(f => f.Name).Order(), filters.Keys.Order());
        var status = filters["status"];
        Assert.Equal("enum", status.GetProperty("type").GetString());
        Assert.True(status.GetProperty("multi").GetBoolean());
        Assert.Contains("accepted", status.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.False(string.IsNullOrEmpty(filters["yearFrom"].GetProperty("example").GetString()));
        Assert.Contains("organization", body.GetProperty("facets").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var sorts = body.GetProperty("sorts").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["relevance", "newest", "budget", "endDate", "updated"], sorts);
        Assert.Equal(filters.Keys.Select(k => filters[k].GetProperty("type").GetString()).Distinct().Order(),
            ["boolean", "date-time", "enum", "integer", "string"]);
    }

    [Fact]
    public async Task Every_sort_the_filters_endpoint_lists_is_accepted_by_the_search()
    {
        await catalogue.SeededAsync();
        var body = await (await catalogue.Anonymous().GetAsync("/api/v1/filters")).ReadJsonAsync();
        foreach (var sort in body.GetProperty("sorts").EnumerateArray().Select(f => f.GetProperty("name").GetString()))
        {
            var answer = await catalogue.Anonymous().GetAsync($"/api/v1/tasks?sort=%2B{sort}&pageSize=1");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("+" + sort, (await answer.ReadJsonAsync()).GetProperty("meta").GetProperty("sort").GetString());
        }
    }
}
