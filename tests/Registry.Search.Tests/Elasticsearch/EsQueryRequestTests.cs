using System.Text.Json.Nodes;
using Registry.Search.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>The text part of the search body: shapes and boosts, clause for clause with the Lucene engine.</summary>
public sealed class EsQueryRequestTests
{
    private static async Task<(JsonNode Body, string Text)> SearchBody(string? query, SearchFilterSet? filters = null)
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_search", EsJson.Search(0, []));
        await cluster.Index().SearchAsync(new SearchRequest { Query = query, Filters = filters ?? SearchFilterSet.Empty });
        var call = cluster.Single("POST", "/registry-tasks/_search");
        return (call.Json, call.Body);
    }

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

    private static double Boost(JsonNode clause) => clause["boost"]!.GetValue<double>();

    [Fact]
    public async Task Words_are_weighted_title_over_keywords_over_summary_and_original_over_folded()
    {
        var (body, _) = await SearchBody("Chè xanh");
        var terms = Clauses(body["query"]!, "term");
        double BoostOf(string field, string value) => Boost(terms.Single(t => t.Field == field && t.Clause["value"]!.GetValue<string>() == value).Clause);

        Assert.Equal(6, BoostOf("title", "chè"));
        Assert.Equal(3, BoostOf("title.f", "che"));
        Assert.Equal(4, BoostOf("keywords", "chè"));
        Assert.Equal(2, BoostOf("summary", "chè"));
        Assert.Equal(1.5, BoostOf("orgName", "chè"));
        Assert.Equal(1, BoostOf("body", "chè"));
        Assert.True(BoostOf("title", "chè") > BoostOf("keywords", "chè"));
        // Adjacent syllables: the two-word shingle scores on top of the single words.
        Assert.Equal(9, BoostOf("title.s", "chè xanh"));
        Assert.Equal(4.5, BoostOf("title.fs", "che xanh"));
        Assert.DoesNotContain(terms, t => t.Field.StartsWith("body.s", StringComparison.Ordinal) || t.Field == "body.fs");
        // Both words must match (all of up to three units), in any field.
        Assert.Contains("\"minimum_should_match\":2", body["query"]!.ToJsonString());
    }

    [Fact]
    public async Task Long_words_get_a_weak_one_edit_fuzzy_on_folded_fields_but_not_on_body()
    {
        var (body, _) = await SearchBody("blokchain");
        var fuzzy = Clauses(body["query"]!, "fuzzy");
        Assert.Equal(["keywords.f", "orgName.f", "summary.f", "title.f"], fuzzy.Select(f => f.Field).Order());
        var title = fuzzy.Single(f => f.Field == "title.f").Clause;
        Assert.Equal("blokchain", title["value"]!.GetValue<string>());
        Assert.Equal("1", title["fuzziness"]!.ToString());
        Assert.Equal(1, title["prefix_length"]!.GetValue<int>());
        Assert.Equal(0.9, Boost(title), 3);
        Assert.Empty(Clauses((await SearchBody("chè")).Body, "fuzzy"));
    }

    [Fact]
    public async Task A_task_code_is_an_exact_term_above_everything()
    {
        var (body, _) = await SearchBody("ĐT-CHE-2");
        var code = Clauses(body["query"]!, "term").Single(t => t.Field == "codeKey").Clause;
        Assert.Equal("dtche2", code["value"]!.GetValue<string>());
        Assert.Equal(1000, Boost(code));
    }

    [Fact]
    public async Task Quoted_phrases_become_match_phrase_and_minus_excludes_on_every_folded_field()
    {
        var (phrase, _) = await SearchBody("\"đổi mới sáng tạo\"");
        var title = Clauses(phrase["query"]!, "match_phrase").Single(p => p.Field == "title").Clause;
        Assert.Equal("đổi mới sáng tạo", title["query"]!.GetValue<string>());
        Assert.Equal(6, Boost(title));
        Assert.Contains(Clauses(phrase["query"]!, "match_phrase"), p => p.Field == "title.f" && p.Clause["query"]!.GetValue<string>() == "doi moi sang tao");

        var (excluded, _) = await SearchBody("lúa -nếp");
        var mustNot = FakeCluster.Many(excluded["query"]!["bool"]!["must_not"]);
        Assert.Equal(["body.f", "keywords.f", "orgName.f", "summary.f", "title.f"],
            mustNot.SelectMany(c => Clauses(c, "term")).Where(t => t.Clause["value"]!.GetValue<string>() == "nep").Select(t => t.Field).Order());
    }

    [Fact]
    public async Task Abbreviations_and_telex_expand_into_alternative_phrases()
    {
        var (body, _) = await SearchBody("CĐS");
        Assert.Contains(Clauses(body["query"]!, "match_phrase"), p => p.Field == "title" && p.Clause["query"]!.GetValue<string>() == "chuyển đổi số");
        var (telex, _) = await SearchBody("tieengs");
        Assert.Contains(Clauses(telex["query"]!, "term"), t => t.Field == "title" && t.Clause["value"]!.GetValue<string>() == "tiếng");
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:( AND")]
    [InlineData("*:* [x TO y] {} ~~ ^^ ?? !!")]
    [InlineData("a \\ b \\\\")]
    public async Task Query_syntax_is_never_sent_as_query_string(string query)
    {
        var (body, text) = await SearchBody(query);
        Assert.DoesNotContain("query_string", text);
        Assert.DoesNotContain("simple_query_string", text);
        Assert.NotNull(body["query"]);
    }

    [Fact]
    public async Task Nfd_input_is_normalised_before_it_is_sent()
    {
        var (nfc, _) = await SearchBody("hòa bình");
        var (nfd, _) = await SearchBody("hòa bình".Normalize(System.Text.NormalizationForm.FormD));
        var (oldTone, _) = await SearchBody("hoà bình");
        Assert.Equal(nfc["query"]!.ToJsonString(), nfd["query"]!.ToJsonString());
        Assert.Equal(nfc["query"]!.ToJsonString(), oldTone["query"]!.ToJsonString());
    }

    [Fact]
    public async Task No_text_lists_everything()
    {
        var (body, _) = await SearchBody("  ");
        Assert.NotNull(body["query"]!["match_all"]);
    }
}
