using Registry.Search.Analysis;
using Registry.Search.Elasticsearch;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>The counts one statistics request asks for are every count the plan reads, and they are read as the
/// Lucene engine reads its index.</summary>
public sealed class EsTermStatisticsTests
{
    public static TheoryData<string> Queries => new()
    {
        "lò gạch",
        "cong nghe sinh hoc",
        "công nghệ sinh học ứng dụng",
        "\"giống lúa\" chịu mặn",
        "\"giống lua\" mới",
        "CĐS nông nghiệp",
        "chuyeenr ddooir soos",
        "khoai mì Tây Ninh",
        "blokchain -thử",
        "ĐT-CHE-2 chè",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_count_the_plan_reads_is_in_the_one_request(string query)
    {
        var parsed = QueryText.Parse(query);
        var needed = EsTermStatistics.Needed(parsed).ToHashSet();
        // Joined words ask for their pairs; apart, every syllable is looked at: both shapes of plan are covered.
        foreach (var count in new long[] { 0, 100 })
        {
            var recorder = new Recording(count);
            var plan = QueryPlan.Build(parsed, recorder);
            foreach (var loose in plan.Relaxations().Prepend(plan))
                foreach (var unit in loose.Units)
                    foreach (var word in unit.Unit.Alternatives.Append(unit.Unit.Tokens).SelectMany(p => p.Terms))
                        recorder.DocFreq([word]);
            Assert.NotEmpty(recorder.Asked);
            foreach (var terms in recorder.Asked)
                Assert.All(Keys(terms), key => Assert.Contains(key, needed));
        }
    }

    [Fact]
    public void A_pair_counts_in_the_short_texts_plus_the_body_capped_by_the_rarer_word()
    {
        var stats = new EsTermStatistics(1000, new Dictionary<TermKey, long>
        {
            [EsTermStatistics.Word("giống")] = 40,
            [EsTermStatistics.Word("lúa")] = 25,
            [new TermKey("text_p", "giống lúa")] = 12,
            [new TermKey("body_p", "giống lúa")] = 20,
            [EsTermStatistics.Word("giong")] = 50,
            [EsTermStatistics.Word("lua")] = 60,
            [new TermKey("text_p.f", "giong lua")] = 5,
            [new TermKey("body_p.f", "giong lua")] = 7,
        });
        Assert.Equal(1000, stats.DocCount);
        Assert.Equal(25, stats.DocFreq(["lúa"]));
        Assert.Equal(25, stats.DocFreq(["giống", "lúa"]));
        Assert.Equal(12, stats.DocFreq(["giong", "lua"]));
        // Not counted (or a pair typed half with marks, which has no pair term): absent.
        Assert.Equal(0, stats.DocFreq(["lụa"]));
        Assert.Equal(0, stats.DocFreq(["giống", "lua"]));
    }

    private static IEnumerable<TermKey> Keys(IReadOnlyList<string> terms)
    {
        if (terms.Count == 1) return [EsTermStatistics.Word(terms[0])];
        return Registry.Search.Model.TextLayout.PairTerms(terms) is [var pair] ? EsTermStatistics.Pairs(pair) : [];
    }

    /// <summary>Answers every word and pair with one count and keeps what was asked.</summary>
    private sealed class Recording(long count) : ITermStatistics
    {
        public List<IReadOnlyList<string>> Asked { get; } = [];
        public long DocCount => 1000;

        public long DocFreq(IReadOnlyList<string> terms)
        {
            Asked.Add(terms);
            return count;
        }
    }
}
