using System.Text.Json.Nodes;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch;

public sealed class EsSuggestRelatedTests
{
    [Fact]
    public async Task Suggest_asks_for_the_folded_prefix_and_counts_phrases()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, [], new JsonObject(
        [
            EsJson.Terms("suggestions",
                ("chuyen doi so\u001Fchuyển đổi số\u001Fkeyword", 4),
                ("chuyen doi so trong nong nghiep\u001FChuyển đổi số trong nông nghiệp\u001Ftitle", 2),
                ("chuyen doi so\u001FChuyển đổi số\u001Ftitle", 1),
                ("chuyen dong\u001FChuyển động\u001Ftitle", 1),
                ("broken term", 9)),
        ])));
        var suggestions = await cluster.Index().SuggestAsync("Chuyển  đ");

        var body = cluster.Single("POST", "/registry-tasks/_search").Json;
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.Equal("chuyen d", FakeCluster.Many(body["query"]!["bool"]!["filter"])[0]["prefix"]!["suggest"]!["value"]!.GetValue<string>());
        var terms = body["aggregations"]!["suggestions"]!["terms"]!;
        Assert.Equal("suggest", terms["field"]!.GetValue<string>());
        Assert.Equal("chuyen\\ d.*", terms["include"]!.GetValue<string>());

        // Two spellings of one phrase merge (counts add, the most frequent spelling wins); most frequent first.
        Assert.Equal(("chuyển đổi số", "keyword", 5L), (suggestions[0].Text, suggestions[0].Source, suggestions[0].Count));
        Assert.Equal(["chuyển đổi số", "Chuyển đổi số trong nông nghiệp", "Chuyển động"], suggestions.Select(s => s.Text));
    }

    [Fact]
    public async Task Suggest_sends_nothing_for_a_blank_prefix_and_never_returns_more_than_ten()
    {
        var buckets = Enumerable.Range(0, 30).Select(i => ((object)$"n{i:00}\u001FN{i:00}\u001Ftitle", 30L - i)).ToArray();
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, [], new JsonObject([EsJson.Terms("suggestions", buckets)])));
        var index = cluster.Index();
        Assert.Empty(await index.SuggestAsync("  -- "));
        Assert.Empty(cluster.All("POST", "/registry-tasks/_search"));
        Assert.Equal(10, (await index.SuggestAsync("n", 50)).Count);
    }

    [Theory]
    [InlineData("a.b*c", "a\\.b\\*c")]
    [InlineData("chuyen doi", "chuyen\\ doi")]
    [InlineData("x\"y", "x\\\"y")]
    public void Regex_metacharacters_in_the_prefix_are_escaped(string prefix, string expected) =>
        Assert.Equal(expected, Registry.Search.Elasticsearch.EsSuggestions.Escape(prefix));

    [Fact]
    public async Task Related_is_more_like_this_on_the_folded_texts_excluding_the_task_itself()
    {
        var task = SeededCorpus.Records.First(r => r.Id == SeededCorpus.Id("LUAHAN", 1));
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search",
                (200, EsJson.Search(1, [EsJson.Hit(task, 1, [])])),
                (200, EsJson.Search(2, [EsJson.Hit(SeededCorpus.Records[0], 3, [3.0, SeededCorpus.Records[0].Id!])])));
        var related = await cluster.Index().RelatedAsync(task.Id!, 5);

        Assert.Equal([SeededCorpus.Records[0].Id], related.Select(r => r.Id));
        var calls = cluster.All("POST", "/registry-tasks/_search");
        Assert.Equal("{\"term\":{\"id\":{\"value\":\"" + task.Id + "\"}}}", calls[0].Json["query"]!.ToJsonString());
        var query = calls[1].Json["query"]!["bool"]!;
        Assert.Equal("{\"ids\":{\"values\":[\"" + task.Id + "\"]}}", FakeCluster.Many(query["must_not"])[0].ToJsonString());
        var should = FakeCluster.Many(FakeCluster.Many(query["must"])[0]["bool"]!["should"]);
        var likes = should.Where(c => c["more_like_this"] is not null).Select(c => c["more_like_this"]!).ToList();
        Assert.Equal(["text", "text", "text"], likes.Select(l => FakeCluster.Many(l["fields"])[0].GetValue<string>()));
        Assert.Equal([2.0, 1.5, 1.0], likes.Select(l => l["boost"]!.GetValue<double>()));
        var title = likes[0];
        Assert.Equal(task.Title, FakeCluster.Many(title["like"])[0].GetValue<string>());
        Assert.Equal("registry_folded", title["analyzer"]!.GetValue<string>());
        Assert.Equal(1, title["min_term_freq"]!.GetValue<int>());
        Assert.Equal(20, title["max_query_terms"]!.GetValue<int>());
        Assert.Contains("nghien", FakeCluster.Many(title["stop_words"]).Select(w => w.GetValue<string>()));
        Assert.Contains(should, c => c["term"]?["sector"] is not null);
        Assert.Equal(5, calls[1].Json["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Related_of_a_task_not_indexed_is_empty_after_one_lookup()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        Assert.Empty(await cluster.Index().RelatedAsync("t-missing-1"));
        Assert.Single(cluster.All("POST", "/registry-tasks/_search"));
    }
}
