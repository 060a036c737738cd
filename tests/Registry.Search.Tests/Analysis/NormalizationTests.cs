using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Registry.Search.Analysis;
using Registry.Search.Lucene;

namespace Registry.Search.Tests.Analysis;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("Hoà Bình", "Hòa Bình")]
    [InlineData("THUỶ LỢI", "THỦY LỢI")]
    [InlineData("hòa", "hòa")]
    [InlineData("hoàn thiện", "hoàn thiện")]
    [InlineData("quả", "quả")]
    [InlineData("quý", "quý")]
    [InlineData("người", "người")]
    [InlineData("khuỷu", "khuỷu")]
    [InlineData("ngoài", "ngoài")]
    [InlineData("già", "già")]
    public void Tone_placement_is_canonical(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Normalize(input));

    [Fact]
    public void Nfd_input_becomes_nfc()
    {
        var nfd = "chuyển đổi số".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("chuyển đổi số", nfd);
        Assert.Equal("chuyển đổi số", VietnameseText.Normalize(nfd));
        Assert.Equal("chuyển", VietnameseText.NormalizeToken("CHUYỂN".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Đường đồng mức", "Duong dong muc")]
    [InlineData("lụa", "lua")]
    [InlineData("Phú Thọ", "Phu Tho")]
    [InlineData("ươ", "uo")]
    public void Folding_removes_all_marks_including_d_bar(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Folding_matches_lucene_ascii_folding_for_every_vietnamese_letter()
    {
        const string letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        var all = letters + letters.ToUpperInvariant();
        Assert.Equal(Folding.Fold(all), LuceneFold(all));
    }

    [Fact]
    public void Code_key_ignores_punctuation_and_diacritics() =>
        Assert.Equal("dt202440101pt", VietnameseText.CodeKey("ĐT-2024-40101-PT"));

    [Fact]
    public void Tokenizer_keeps_nfd_words_whole_and_splits_punctuation()
    {
        var nfd = "Đổi mới, KH&CN".Normalize(NormalizationForm.FormD);
        Assert.Equal(["đổi", "mới", "kh", "cn"], VietnameseText.Tokenize(nfd).Select(VietnameseText.NormalizeToken));
    }

    [Fact]
    public void Index_analyzer_folds_nfd_text_in_folded_fields_only()
    {
        var nfd = "Hoà Bình thuỷ lợi".Normalize(NormalizationForm.FormD);
        using var analyzer = new VietnameseIndexAnalyzer();
        Assert.Equal(["hòa", "bình", "thủy", "lợi"], Terms(analyzer, "title", nfd));
        Assert.Equal(["hoa", "binh", "thuy", "loi"], Terms(analyzer, "title_f", nfd));
    }

    [Fact]
    public void Query_analyzer_stacks_telex_decodings_and_folds_folded_fields()
    {
        using var analyzer = new VietnameseQueryAnalyzer();
        Assert.Equal(["tiếng", "vieejt", "việt", "nam"], Terms(analyzer, "title", "Tiếng vieejt Nam"));
        Assert.Equal(["chuyeenr", "chuyen", "ddooir", "doi", "soos", "so"], Terms(analyzer, "title_f", "chuyeenr ddooir soos"));
    }

    internal static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static string LuceneFold(string text)
    {
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
