using System.Text.Json.Nodes;
using Registry.Data.Records;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>Query planning on the cluster: one statistics request per search (cached briefly), relaxation when nothing
/// matches, and the spelling with marks read from the hits, as the Lucene engine does.</summary>
public sealed class EsPlanningTests
{
    private const string Stats = "/registry-tasks/_search?request_cache=true";

    private static TaskRecord Titled(string title) => SeededCorpus.Records[0] with { Title = title };

    [Fact]
    public async Task The_statistics_of_a_query_are_one_size_0_request_with_a_term_filter_per_word_and_pair()
    {
        var hit = Titled("Lò gạch");
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(1, [EsJson.Hit(hit, 1, [1.0, hit.Id!])]))
            .On("POST", Stats, EsJson.Statistics(1000, 10, 10, 0, 0));
        await cluster.Index().SearchAsync(new SearchRequest { Query = "lò gạch" });

        var stats = Assert.Single(cluster.All("POST", "/registry-tasks/_search"), FakeCluster.IsStatistics).Json;
        Assert.Equal(0, stats["size"]!.GetValue<int>());
        Assert.True(stats["track_total_hits"]!.GetValue<bool>());
        Assert.NotNull(stats["query"]!["match_all"]);
        var filters = FakeCluster.Many(stats["aggregations"]!["counts"]!["filters"]!["filters"])
            .Select(f => f["term"]!.AsObject().Single()).Select(t => (t.Key, t.Value!["value"]!.GetValue<string>())).ToList();
        // Each word in all text; the pair, typed with marks, in the original pairs of the short texts and the body.
        Assert.Equal([("text", "lò"), ("text", "gạch"), ("text_p", "lò gạch"), ("body_p", "lò gạch")], filters);
        Assert.Single(cluster.Searches());
    }

    [Fact]
    public async Task Counts_are_cached_for_thirty_seconds_and_only_new_terms_are_asked_for()
    {
        var time = new MovableTime(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(0, []))
            .On("POST", Stats, EsJson.Statistics(1000, 10, 10, 0, 0));
        var index = cluster.Index(time: time);
        int Asked() => cluster.All("POST", "/registry-tasks/_search").Count(FakeCluster.IsStatistics);

        await index.SearchAsync(new SearchRequest { Query = "lò gạch" });
        time.Advance(TimeSpan.FromSeconds(20));
        await index.SearchAsync(new SearchRequest { Query = "gạch lò" });
        await index.SearchAsync(new SearchRequest { Query = "lò" });
        Assert.Equal(2, Asked());
        var second = cluster.All("POST", "/registry-tasks/_search").Where(FakeCluster.IsStatistics).Last().Json;
        // "gạch lò": both words known; only its pair (in two fields) is new.
        Assert.Equal(2, FakeCluster.Many(second["aggregations"]!["counts"]!["filters"]!["filters"]).Count);

        time.Advance(TimeSpan.FromSeconds(31));
        await index.SearchAsync(new SearchRequest { Query = "lò" });
        Assert.Equal(3, Asked());
    }

    [Fact]
    public async Task When_nothing_holds_every_concept_one_fewer_is_required_and_the_answer_says_so()
    {
        var hit = Titled("Nung gạch trong lò");
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search", (200, EsJson.Search(0, [])), (200, EsJson.Search(1, [EsJson.Hit(hit, 1, [1.0, hit.Id!])])))
            .On("POST", Stats, EsJson.Statistics(1000, 10, 10, 0, 0));
        var result = await cluster.Index().SearchAsync(new SearchRequest { Query = "lò gạch" });

        Assert.True(result.Relaxed);
        Assert.Equal(1, result.Total);
        var searches = cluster.Searches();
        Assert.Equal(2, searches.Count);
        Assert.Equal([2, 1], searches.Select(s => MinimumShouldMatch(s.Json)));
    }

    [Fact]
    public async Task A_search_that_matches_is_not_relaxed_and_a_search_that_never_matches_stops_after_the_relaxations()
    {
        var hit = Titled("Lò gạch");
        var found = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(1, [EsJson.Hit(hit, 1, [1.0, hit.Id!])]))
            .On("POST", Stats, EsJson.Statistics(1000, 10, 10, 0, 0));
        Assert.False((await found.Index().SearchAsync(new SearchRequest { Query = "lò gạch" })).Relaxed);
        Assert.Single(found.Searches());

        var none = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(0, []))
            .On("POST", Stats, EsJson.Statistics(1000, 10, 10, 10, 0, 0, 0, 0));
        var result = await none.Index().SearchAsync(new SearchRequest { Query = "lò gạch men" });
        Assert.False(result.Relaxed);
        Assert.Equal(0, result.Total);
        // Three major concepts: two required, then one.
        Assert.Equal([2, 1], none.Searches().Select(s => MinimumShouldMatch(s.Json)));
    }

    [Fact]
    public async Task A_query_typed_without_marks_gets_the_spelling_its_hits_use()
    {
        var hit = Titled("Nuôi tôm càng xanh");
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(1, [EsJson.Hit(hit, 1, [1.0, hit.Id!])]))
            .On("POST", Stats, EsJson.Statistics(1000, 10, 10, 0, 0));
        var result = await cluster.Index().SearchAsync(new SearchRequest { Query = "nuoi tom" });
        Assert.Equal("nuôi tôm", result.Suggestion);
        Assert.Null((await cluster.Index().SearchAsync(new SearchRequest { Query = "nuôi tôm" })).Suggestion);
    }

    /// <summary>The major concepts' rule: the first <c>minimum_should_match</c> in the query.</summary>
    private static int MinimumShouldMatch(JsonNode body) => FirstMinimum(body["query"]) ?? -1;

    private static int? FirstMinimum(JsonNode? node) => node switch
    {
        JsonObject o when o["minimum_should_match"] is { } m => m.GetValue<int>(),
        JsonObject o => o.Select(p => FirstMinimum(p.Value)).FirstOrDefault(v => v is not null),
        JsonArray a => a.Select(FirstMinimum).FirstOrDefault(v => v is not null),
        _ => null,
    };
}

/// <summary>A clock a test moves forward.</summary>
public sealed class MovableTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
