using System.Text.Json.Nodes;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Fake responses read back into a <see cref="SearchResult"/>: hits, totals, facets, highlights, cursor.</summary>
public sealed class EsResponseTests
{
    private static readonly Data.Records.TaskRecord First = SeededCorpus.Records[0];
    private static readonly Data.Records.TaskRecord Second = SeededCorpus.Records[1];
    private static readonly Data.Records.TaskRecord Third = SeededCorpus.Records[2];

    [Fact]
    public async Task Hits_totals_and_the_next_cursor_are_read_and_the_cursor_pages_on()
    {
        var newest = new SearchSort(SortBy.Newest, SortDirection.Descending);
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(57,
        [
            EsJson.Hit(First, 0, [739000L, First.Id!]),
            EsJson.Hit(Second, 0, [738500L, Second.Id!]),
            EsJson.Hit(Third, 0, [738000L, Third.Id!]),
        ]));
        var index = cluster.Index();
        var page = await index.SearchAsync(new SearchRequest { Sort = newest, PageSize = 2 });

        Assert.Equal(57, page.Total);
        Assert.Equal([First.Id, Second.Id], page.Hits.Select(h => h.Id));
        Assert.Equal(First.Title, page.Hits[0].Record.Title);
        Assert.Equal(First.HostOrganization, page.Hits[0].Record.HostOrganization);
        Assert.Empty(page.Hits[0].Highlights);
        Assert.NotNull(page.NextCursor);
        Assert.True(SearchCursor.TryDecode(page.NextCursor, newest, out var cursor));
        Assert.Equal(["738500", Second.Id], cursor.Values);

        await index.SearchAsync(new SearchRequest { Sort = newest, PageSize = 2, Cursor = page.NextCursor });
        Assert.Equal($$"""[738500,"{{Second.Id}}"]""", cluster.Searches()[1].Json["search_after"]!.ToJsonString());
    }

    [Fact]
    public async Task The_last_page_has_no_cursor_and_scores_are_kept()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(1, [EsJson.Hit(First, 7.25, [7.25, First.Id!])]));
        var page = await cluster.Index().SearchAsync(new SearchRequest { Query = "chè", PageSize = 5 });
        Assert.Null(page.NextCursor);
        Assert.Equal(7.25, Assert.Single(page.Hits).Score);
    }

    [Fact]
    public async Task Aggregations_become_facets_with_vietnamese_display_names()
    {
        var aggregations = new JsonObject(
        [
            EsJson.Terms("field", ("4", 12), ("1", 3)),
            EsJson.Terms("level", ("provincial", 9), ("grassroots", 6)),
            EsJson.Terms("year", (2024L, 5), (2021L, 5)),
            EsJson.Terms("organization", ("org-dhhv\u001FTrường Đại học Hùng Vương", 4)),
        ]);
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(15, [], aggregations));
        var result = await cluster.Index().SearchAsync(new SearchRequest { Facets = ["field", "level", "year", "organization"] });

        Assert.Equal(new FacetBucket("4", "Khoa học nông nghiệp", 12), result.Facets["field"][0]);
        Assert.Equal(new FacetBucket("provincial", "Cấp tỉnh", 9), result.Facets["level"][0]);
        Assert.Equal(new FacetBucket("grassroots", "Cấp cơ sở", 6), result.Facets["level"][1]);
        Assert.Equal(["2021", "2024"], result.Facets["year"].Select(b => b.Key));
        Assert.Equal(new FacetBucket("org-dhhv", "Trường Đại học Hùng Vương", 4), Assert.Single(result.Facets["organization"]));
    }

    [Fact]
    public async Task Highlights_ask_for_the_words_as_typed_and_come_back_html_encoded_with_marks()
    {
        var record = First with { Title = "Tôm & cá <b>nước ngọt</b>" };
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(1,
        [
            EsJson.Hit(record, 2, [2.0, record.Id!], new()
            {
                ["title"] = ["\uE000Tôm\uE001 & cá <b>nước ngọt</b>"],
                ["summary"] = ["Nuôi \uE000tôm\uE001 \"càng xanh\"", "ao \uE000tôm\uE001"],
            }),
        ]));
        var hit = (await cluster.Index().SearchAsync(new SearchRequest { Query = "Tôm", Highlight = true })).Hits.Single();

        Assert.Equal("<mark>Tôm</mark> &amp; cá &lt;b&gt;nước ngọt&lt;/b&gt;", hit.Highlights["title"][0]);
        Assert.Equal(["Nuôi <mark>tôm</mark> &quot;càng xanh&quot;", "ao <mark>tôm</mark>"], hit.Highlights["summary"]);

        var highlight = cluster.Search().Json["highlight"]!;
        Assert.Equal("\uE000", highlight["pre_tags"]![0]!.GetValue<string>());
        // Fields go as an ordered list of one-key objects, a form Elasticsearch accepts.
        var fields = FakeCluster.Many(highlight["fields"]).SelectMany(f => f.AsObject()).ToDictionary(f => f.Key, f => f.Value!);
        Assert.Equal(["title", "summary"], fields.Keys);
        var title = fields["title"];
        Assert.Equal(0, title["number_of_fragments"]!.GetValue<int>());
        // The word as typed, against the title's both forms: "tôm" marks "Tôm", never "tom" or "tòm".
        Assert.Equal("tôm", title["highlight_query"]!["terms"]!["title"]![0]!.GetValue<string>());
        var summary = fields["summary"];
        Assert.Equal(180, summary["fragment_size"]!.GetValue<int>());
        Assert.Equal(2, summary["number_of_fragments"]!.GetValue<int>());
    }

    [Fact]
    public async Task No_highlight_is_asked_for_unless_requested_or_without_words()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        var index = cluster.Index();
        await index.SearchAsync(new SearchRequest { Query = "tôm" });
        await index.SearchAsync(new SearchRequest { Query = null, Highlight = true });
        Assert.All(cluster.Searches(), c => Assert.Null(c.Json["highlight"]));
    }

    [Fact]
    public async Task Hits_read_only_the_stored_record()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        await cluster.Index().SearchAsync(new SearchRequest { Query = "tôm" });
        Assert.Equal("""{"includes":"source"}""", cluster.Search().Json["_source"]!.ToJsonString());
    }

    [Fact]
    public async Task A_cluster_error_is_reported_not_swallowed()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", (503, EsJson.Error("cluster_block_exception", "blocked", 503)));
        var error = await Assert.ThrowsAsync<Registry.Search.Elasticsearch.ElasticsearchIndexException>(() => cluster.Index().SearchAsync(new SearchRequest { Query = "tôm" }));
        Assert.Contains("503", error.Message);
        Assert.Contains("blocked", error.Message);
    }
}
