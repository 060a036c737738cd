using System.Globalization;
using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Search.Analysis;
using Registry.Search.Elasticsearch;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>
/// The query each engine builds from one plan, written in one neutral notation: the same clauses, occurrences,
/// fields, terms and boosts (pair fields compared by name, whichever form's sub-field the cluster reads; Lucene's
/// phrase and the cluster's <c>span_near</c> both as words in order).
/// </summary>
public sealed class EsClauseParityTests : IDisposable
{
    private readonly DirectoryReader _reader = SeededReader.Open();

    public void Dispose() => _reader.Dispose();

    [Theory]
    [InlineData("chè xanh", true)]
    [InlineData("che xanh Thái Nguyên", true)]
    [InlineData("cong nghe sinh hoc trong nong nghiep", true)]
    [InlineData("\"giống lúa\" chịu mặn", true)]
    [InlineData("\"giống lua\" -\"lúa mì\" -nếp", true)]
    [InlineData("CĐS nông nghiệp", true)]
    [InlineData("chuyeenr ddooir soos", true)]
    [InlineData("blokchain truy xuất nguồn gốc", true)]
    [InlineData("ĐT-CHE-2", true)]
    [InlineData("nuôi tôm nước lợ", false)]
    [InlineData("cong nghe sinh hoc trong nong nghiep", false)]
    public async Task Both_engines_build_the_same_clauses(string query, bool scored)
    {
        var parsed = QueryText.Parse(query);
        var counts = EsTermStatistics.Needed(parsed).ToDictionary(k => k, k => (long)_reader.DocFreq(new Term(k.Field.Split('.')[0], k.Term)));
        var plan = QueryPlan.Build(parsed, new EsTermStatistics(_reader.NumDocs, counts));

        var lucene = Lucene(LuceneQueryBuilder.Build(plan, _reader, scored));
        var es = Es(await SentQuery(query, counts, scored));
        Assert.Equal(lucene, es);
    }

    /// <summary>The query the engine sends, with the statistics answered as the seeded index would.</summary>
    private async Task<JsonNode> SentQuery(string query, Dictionary<TermKey, long> counts, bool scored)
    {
        var cluster = new FakeCluster()
            .On("POST", "/registry-tasks/_search", EsJson.Search(1, [EsJson.Hit(SeededCorpus.Records[0], 1, [1.0, SeededCorpus.Records[0].Id!])]))
            .On("POST", "/registry-tasks/_search?request_cache=true",
                EsJson.Statistics(_reader.NumDocs, EsTermStatistics.Needed(QueryText.Parse(query)).Select(k => counts[k]).ToArray()));
        var sort = scored ? SearchSort.Default : new SearchSort(SortBy.Newest, SortDirection.Descending);
        await cluster.Index().SearchAsync(new SearchRequest { Query = query, Sort = sort });
        return cluster.Search().Json["query"]!;
    }

    private static string Lucene(LuceneQuery query)
    {
        var boost = Boost(query.Boost);
        switch (query)
        {
            case BooleanQuery b:
                var clauses = b.Clauses.Select(c => (Occur: c.Occur switch { Occur.MUST => "+", Occur.SHOULD => "?", _ => "-" }, Text: Lucene(c.Query)))
                    .Where(c => c.Text != "bool()").Select(c => c.Occur + c.Text).ToList();
                return Bool(clauses, b.MinimumNumberShouldMatch, boost);
            case TermQuery t: return $"{t.Term.Field.Split('.')[0]}={t.Term.Text}{boost}";
            case DisjunctionMaxQuery d: return $"max({d.TieBreakerMultiplier.ToString(CultureInfo.InvariantCulture)})({string.Join(",", d.Disjuncts.Select(Lucene))}){boost}";
            case ConstantScoreQuery c: return $"const({Lucene(c.Query)}){boost}";
            case FuzzyQuery f: return $"fuzzy:{f.Field}={f.Term.Text}~{f.MaxEdits},{f.PrefixLength}{boost}";
            case PhraseQuery p: return $"near({string.Join(",", p.GetTerms().Select(t => t.Field + "=" + t.Text))}){boost}";
            case MatchAllDocsQuery: return "all";
            default: return query.GetType().Name;
        }
    }

    private static string Es(JsonNode node)
    {
        var (kind, body) = node.AsObject().Single();
        var boost = Boost(body!["boost"]?.GetValue<float>() ?? 1f);
        switch (kind)
        {
            case "bool":
                var clauses = Many(body["must"]).Select(c => "+" + Es(c))
                    .Concat(Many(body["filter"]).Select(c => "+" + Es(c)))
                    .Concat(Many(body["should"]).Select(c => "?" + Es(c)))
                    .Concat(Many(body["must_not"]).Select(c => "-" + Es(c))).ToList();
                return Bool(clauses, body["minimum_should_match"]?.GetValue<int>() ?? 0, boost);
            case "term":
                var (field, term) = body.AsObject().Single();
                return $"{field.Split('.')[0]}={term!["value"]!.GetValue<string>()}{Boost(term["boost"]?.GetValue<float>() ?? 1f)}";
            case "dis_max":
                return $"max({body["tie_breaker"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture)})({string.Join(",", Many(body["queries"]).Select(Es))}){boost}";
            case "constant_score": return $"const({Es(body["filter"]!)}){boost}";
            case "fuzzy":
                var (fuzzyField, fuzzy) = body.AsObject().Single();
                return $"fuzzy:{fuzzyField}={fuzzy!["value"]!.GetValue<string>()}~{fuzzy["fuzziness"]},{fuzzy["prefix_length"]}{Boost(fuzzy["boost"]?.GetValue<float>() ?? 1f)}";
            case "span_near":
                Assert.Equal(0, body["slop"]!.GetValue<int>());
                var words = Many(body["clauses"]).Select(c => c["span_term"]!.AsObject().Single()).Select(t => t.Key + "=" + t.Value!["value"]!.GetValue<string>());
                return $"near({string.Join(",", words)}){boost}";
            case "match_all": return "all";
            default: return kind;
        }
    }

    /// <summary>A bool of one required clause (or one optional clause, which is then required) is that clause.</summary>
    private static string Bool(List<string> clauses, int minimum, string boost)
    {
        if (clauses.Count == 1 && minimum <= 1 && boost.Length == 0 && clauses[0][0] != '-') return clauses[0][1..];
        return $"bool{(minimum > 0 ? "/" + minimum : "")}({string.Join(",", clauses)}){boost}";
    }

    private static string Boost(float boost) => Math.Abs(boost - 1f) < 1e-6 ? "" : "^" + Math.Round(boost, 3).ToString(CultureInfo.InvariantCulture);

    private static List<JsonNode> Many(JsonNode? node) => FakeCluster.Many(node);
}
