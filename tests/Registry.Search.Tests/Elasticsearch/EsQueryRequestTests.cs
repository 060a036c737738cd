using System.Text.Json.Nodes;
using Registry.Search.Analysis;
using Registry.Search.Elasticsearch;
using Registry.Search.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>The text part of the search body: the plan's units as the Lucene engine's clauses, on the shared layout.</summary>
public sealed class EsQueryRequestTests
{
    /// <summary>The search body for <paramref name="query"/> over an index of <paramref name="tasks"/> tasks whose counts
    /// come from <paramref name="count"/> (every term known, 10 tasks each, unless told).</summary>
    internal static async Task<JsonNode> SearchBody(string? query, Func<TermKey, long>? count = null, long tasks = 1000,
        SearchRequest? request = null)
    {
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(0, []))
            .On("POST", "/registry-tasks/_search?request_cache=true", Statistics(query, count, tasks));
        await cluster.Index().SearchAsync((request ?? new SearchRequest()) with { Query = query });
        return cluster.Searches()[0].Json;
    }

    /// <summary>A statistics answer with one count per term the engine asks for this query, in its order.</summary>
    internal static string Statistics(string? query, Func<TermKey, long>? count, long tasks) =>
        EsJson.Statistics(tasks, EsTermStatistics.Needed(QueryText.Parse(query)).Select(count ?? (_ => 10)).ToArray());

    /// <summary>All clauses of a type anywhere in the body, as (field, clause) pairs.</summary>
    internal static List<(string Field, JsonNode Clause)> Clauses(JsonNode node, string type)
    {
        var found = new List<(string, JsonNode)>();
        Walk(node, type, found);
        return found;
    }

    private static void Walk(JsonNode? node, string type, List<(string, JsonNode)> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == type && value is JsonObject clause)
                        foreach (var (field, inner) in clause) found.Add((field, inner!));
                    Walk(value, type, found);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Walk(item, type, found);
                break;
        }
    }

    private static List<(string Field, string Value, double? Boost)> Terms(JsonNode body) =>
        Clauses(body["query"]!, "term").Select(t => (t.Field, t.Clause["value"]!.GetValue<string>(), t.Clause["boost"]?.GetValue<double>())).ToList();

    [Fact]
    public async Task A_word_typed_with_marks_is_looked_up_as_typed_and_scores_more_in_the_head()
    {
        var terms = Terms(await SearchBody("Nấm"));
        Assert.Contains(("text", "nấm", null), terms);
        Assert.Contains(("head", "nấm", 3.0), terms);
        // Its folded twin ("năm", "nam") is never asked for.
        Assert.DoesNotContain(terms, t => t.Value == "nam");
        Assert.Equal(["head", "text"], terms.Select(t => t.Field).Order());
    }

    [Fact]
    public async Task A_word_typed_without_marks_is_looked_up_folded_matching_every_spelling()
    {
        var terms = Terms(await SearchBody("nam"));
        Assert.Contains(("text", "nam", null), terms);
        Assert.Contains(("head", "nam", 3.0), terms);
    }

    [Theory]
    [InlineData("giống lúa", "text_p", "body_p", "head_p")]
    [InlineData("giong lua", "text_p.f", "body_p.f", "head_p.f")]
    public async Task Words_side_by_side_are_pair_terms_original_when_typed_with_marks_folded_when_not(string pair, string text, string body, string head)
    {
        var json = await SearchBody("\"" + pair + "\"");
        var terms = Terms(json);
        Assert.Contains((text, pair, null), terms);
        Assert.Contains((body, pair, null), terms);
        Assert.Contains((head, pair, 3.0), terms);
        Assert.Empty(Clauses(json["query"]!, "span_near"));
        Assert.Empty(Clauses(json["query"]!, "match_phrase"));
    }

    [Fact]
    public async Task A_pair_typed_half_with_marks_is_looked_up_as_typed_among_the_original_pairs()
    {
        // "sinh" has no marks of its own: in "công nghệ sinh học" it is a word as written, not a word typed without marks.
        var json = await SearchBody("\"nghệ sinh\"");
        Assert.Empty(FindAll(json["query"]!, "span_near"));
        Assert.Contains(Terms(json), t => t.Field == "text_p" && t.Value == "nghệ sinh");
        Assert.DoesNotContain(Terms(json), t => t.Field == "text_p.f");
    }

    [Fact]
    public async Task Common_words_are_minor_the_rest_required_and_tasks_with_every_concept_rank_first()
    {
        // "thuật" is in 900 of 1,000 tasks: far more common than the others, so it only ranks.
        var json = await SearchBody("lò gạch thuật", k => k.Term == "thuật" ? 900 : k.Field == "text" ? 10 : 0);
        var root = json["query"]!["bool"]!;
        var concepts = FakeCluster.Many(root["must"])[0]["bool"]!;
        var major = FakeCluster.Many(concepts["must"])[0]["bool"]!;
        Assert.Equal(2, major["minimum_should_match"]!.GetValue<int>());
        Assert.Equal(["lò", "gạch"], FakeCluster.Many(major["should"]).Select(Word));
        var bonus = FakeCluster.Many(concepts["should"]);
        Assert.Equal("thuật", Word(bonus[0]));
        var all = bonus.Single(b => b["constant_score"] is not null)["constant_score"]!;
        Assert.Equal(50, all["boost"]!.GetValue<double>());
        Assert.Equal(["lò", "gạch", "thuật"], FakeCluster.Many(all["filter"]!["bool"]!["must"]).Select(c => c["term"]!["text"]!["value"]!.GetValue<string>()));

        static string Word(JsonNode unit) => FakeCluster.Many(unit["bool"]!["must"])[0]["term"]!["text"]!["value"]!.GetValue<string>();
    }

    [Fact]
    public async Task Syllables_the_catalogue_writes_together_become_one_word_matched_side_by_side()
    {
        var json = await SearchBody("cong nghe", k => k.Field == "text" ? 40 : 30);
        var terms = Terms(json);
        Assert.Contains(("text_p.f", "cong nghe", null), terms);
        Assert.Contains(("body_p.f", "cong nghe", null), terms);
        // One concept, matched side by side: its syllables are not asked for apart.
        Assert.DoesNotContain(("text", "cong", null), terms);

        var apart = Terms(await SearchBody("cong nghe", k => k.Field == "text" ? 400 : 3));
        Assert.Contains(("text", "cong", null), apart);
        Assert.Contains(("text_p.f", "cong nghe", 1.5), apart);
        Assert.Contains(("head_p.f", "cong nghe", 4.5), apart);
    }

    [Fact]
    public async Task Only_long_words_the_index_lacks_get_a_weak_one_edit_fuzzy()
    {
        var json = await SearchBody("blokchain", _ => 0);
        var fuzzy = Clauses(json["query"]!, "fuzzy").ToDictionary(f => f.Field, f => f.Clause);
        Assert.Equal(["head", "text"], fuzzy.Keys.Order());
        Assert.Equal("blokchain", fuzzy["text"]["value"]!.GetValue<string>());
        Assert.Equal("1", fuzzy["text"]["fuzziness"]!.ToString());
        Assert.Equal(1, fuzzy["text"]["prefix_length"]!.GetValue<int>());
        Assert.Equal(0.15, fuzzy["text"]["boost"]!.GetValue<double>(), 3);
        Assert.Equal(0.45, fuzzy["head"]["boost"]!.GetValue<double>(), 3);
        Assert.Empty(Clauses((await SearchBody("blokchain"))["query"]!, "fuzzy"));
        Assert.Empty(Clauses((await SearchBody("chè", _ => 0))["query"]!, "fuzzy"));
    }

    [Fact]
    public async Task A_task_code_is_an_exact_term_above_everything()
    {
        var code = Terms(await SearchBody("ĐT-CHE-2")).Single(t => t.Field == "codeKey");
        Assert.Equal(("codeKey", "dtche2", 1000.0), code);
    }

    [Fact]
    public async Task Minus_excludes_a_word_as_typed_and_a_phrase_by_its_pairs()
    {
        var json = await SearchBody("lúa -nếp -\"lúa mì\"");
        var mustNot = FakeCluster.Many(json["query"]!["bool"]!["must_not"]);
        Assert.Equal("nếp", mustNot[0]["term"]!["text"]!["value"]!.GetValue<string>());
        Assert.Equal([("text_p", "lúa mì"), ("body_p", "lúa mì")],
            Clauses(mustNot[1], "term").Select(t => (t.Field, t.Clause["value"]!.GetValue<string>())));
        Assert.Empty(FindAll(json["query"]!, "span_near"));
    }

    [Fact]
    public async Task Abbreviations_and_telex_expand_into_alternatives_in_their_exact_spelling()
    {
        var json = await SearchBody("CĐS");
        Assert.NotEmpty(FindAll(json["query"]!, "dis_max"));
        Assert.Contains(("text_p", "chuyển đổi", null), Terms(json));
        Assert.Contains(("text_p", "đổi số", null), Terms(json));
        Assert.Contains(("text", "cđs", null), Terms(json));
        var telex = await SearchBody("tieengs");
        Assert.Contains(("text", "tiếng", null), Terms(telex));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:( AND")]
    [InlineData("*:* [x TO y] {} ~~ ^^ ?? !!")]
    [InlineData("a \\ b \\\\")]
    public async Task Query_syntax_is_never_sent_as_query_string(string query)
    {
        var body = await SearchBody(query);
        Assert.DoesNotContain("query_string", body.ToJsonString());
        Assert.NotNull(body["query"]);
    }

    [Fact]
    public async Task Nfd_input_is_normalised_before_it_is_sent()
    {
        var nfc = await SearchBody("hòa bình");
        var nfd = await SearchBody("hòa bình".Normalize(System.Text.NormalizationForm.FormD));
        var oldTone = await SearchBody("hoà bình");
        Assert.Equal(nfc["query"]!.ToJsonString(), nfd["query"]!.ToJsonString());
        Assert.Equal(nfc["query"]!.ToJsonString(), oldTone["query"]!.ToJsonString());
    }

    [Fact]
    public async Task A_sort_by_a_field_only_matches_without_scoring_clauses()
    {
        var json = await SearchBody("lò gạch", k => k.Field == "text" ? 10 : 0, request: new SearchRequest { Sort = new SearchSort(SortBy.Newest, SortDirection.Descending) });
        var filter = json["query"]!["constant_score"]!["filter"]!;
        Assert.DoesNotContain(Terms(json), t => t.Field.StartsWith("head", StringComparison.Ordinal) || t.Boost is not null);
        Assert.Equal(["lò", "gạch"], Clauses(filter, "term").Select(t => t.Clause["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task No_text_lists_everything_without_asking_for_statistics()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        await cluster.Index().SearchAsync(new SearchRequest { Query = "  " });
        Assert.NotNull(Assert.Single(cluster.All("POST", "/registry-tasks/_search")).Json["query"]!["match_all"]);
    }

    /// <summary>Every object under a key, anywhere in the body.</summary>
    private static List<JsonNode> FindAll(JsonNode node, string key)
    {
        var found = new List<JsonNode>();
        void Visit(JsonNode? n)
        {
            if (n is JsonObject o)
                foreach (var (k, v) in o)
                {
                    if (k == key && v is not null) found.Add(v);
                    Visit(v);
                }
            else if (n is JsonArray a)
                foreach (var item in a) Visit(item);
        }
        Visit(node);
        return found;
    }
}
