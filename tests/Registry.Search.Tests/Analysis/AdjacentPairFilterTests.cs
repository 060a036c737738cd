using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.TokenAttributes;
using Registry.Search.Lucene;

namespace Registry.Search.Tests.Analysis;

/// <summary>The hand-written pair filter indexes exactly what Lucene's two-word shingles would.</summary>
public sealed class AdjacentPairFilterTests
{
    [Theory]
    [InlineData("Nghiên cứu giống lúa thuần chất lượng cao")]
    [InlineData("KH&CN, đổi mới — sáng tạo (ĐMST) 2024")]
    [InlineData("một")]
    [InlineData("")]
    [InlineData("   ,,  ")]
    [InlineData("Ứng dụng công nghệ sinh học trong sản xuất giống cây trồng vật nuôi tại các huyện miền núi phía Tây")]
    public void Pairs_match_lucene_shingles_in_terms_offsets_and_positions(string text)
    {
        var expected = Tokens(new PairsAnalyzer(useShingleFilter: true), text);
        var actual = Tokens(new PairsAnalyzer(useShingleFilter: false), text);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_filter_reused_for_a_second_value_does_not_pair_across_values()
    {
        using var analyzer = new PairsAnalyzer(useShingleFilter: false);
        Assert.Equal(["chuyển đổi", "đổi số"], Tokens(analyzer, "chuyển đổi số").Select(t => t.Term));
        Assert.Equal(["nông nghiệp"], Tokens(analyzer, "nông nghiệp").Select(t => t.Term));
    }

    private static List<(string Term, int Start, int End, int Increment)> Tokens(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int, int)>();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        stream.End();
        return tokens;
    }

    private sealed class PairsAnalyzer(bool useShingleFilter) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new VietnameseTokenizer(reader);
            TokenStream stream = new VietnameseNormalizationFilter(tokenizer);
            if (useShingleFilter)
            {
                var shingles = new ShingleFilter(stream, 2, 2);
                shingles.SetOutputUnigrams(false);
                stream = shingles;
            }
            else stream = new AdjacentPairFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
