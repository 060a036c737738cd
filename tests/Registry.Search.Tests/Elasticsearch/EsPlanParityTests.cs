using Lucene.Net.Index;
using Registry.Search.Analysis;
using Registry.Search.Elasticsearch;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>
/// Given the counts a cluster holding the seeded corpus would return (read here from a Lucene index of the same
/// documents: the cluster's word field and pair fields hold the same terms, its folded pairs in the <c>.f</c>
/// sub-field), the Elasticsearch engine plans every query exactly as the Lucene engine does.
/// </summary>
public sealed class EsPlanParityTests : IDisposable
{
    private readonly DirectoryReader _reader = SeededReader.Open();

    public void Dispose() => _reader.Dispose();

    [Theory]
    [InlineData("chè xanh")]
    [InlineData("che xanh Thái Nguyên")]
    [InlineData("công nghệ sinh học")]
    [InlineData("cong nghe sinh hoc trong nong nghiep")]
    [InlineData("\"giống lúa\" chịu mặn")]
    [InlineData("CĐS nông nghiệp")]
    [InlineData("chuyeenr ddooir soos")]
    [InlineData("nuôi tôm nước lợ")]
    [InlineData("blokchain truy xuất nguồn gốc")]
    public void The_plan_is_the_lucene_engines(string query)
    {
        var parsed = QueryText.Parse(query);
        var lucene = QueryPlan.Build(parsed, new LuceneTermStatistics(_reader));
        var es = QueryPlan.Build(parsed, Statistics(parsed));

        Assert.Equal(Describe(lucene), Describe(es));
        Assert.Equal(lucene.Required, es.Required);
        Assert.Equal(lucene.RankAllFirst, es.RankAllFirst);
        Assert.Equal(lucene.Relaxations().Select(Describe), es.Relaxations().Select(Describe));
    }

    /// <summary>What one statistics request would bring back for this query.</summary>
    private EsTermStatistics Statistics(ParsedQuery parsed)
    {
        var counts = EsTermStatistics.Needed(parsed).ToDictionary(k => k, k => (long)_reader.DocFreq(new Term(LuceneField(k.Field), k.Term)));
        return new EsTermStatistics(_reader.NumDocs, counts);
    }

    private static string LuceneField(string esField) => esField.Split('.')[0];

    private static List<string> Describe(QueryPlan plan) =>
        plan.Units.Select(u => $"{u.Unit.Tokens}|word={u.Unit.IsWord}|minor={u.Minor}|df={u.DocFreq}|req={plan.Required}").ToList();
}
