using System.Globalization;
using System.Text;
using Registry.Api.Web.Rendering;

namespace Registry.Web.Tests.Units;

/// <summary>The text that goes into og: and twitter: tags, whatever a record holds.</summary>
public sealed class SocialMetaTests
{
    [Theory]
    [InlineData("  Chè\n\nShan\ttuyết  ", "Chè Shan tuyết")]
    [InlineData("a\u2028b\u2029c", "a b c")]
    [InlineData("\u202Eđảo\u202C chiều\u2066x\u2069", "đảo chiềux")]
    [InlineData("\uFEFFđầu", "đầu")]
    [InlineData("Ho\u0300a Bi\u0300nh", "Hòa Bình")]
    [InlineData("<script>\"x\"</script>", "<script>\"x\"</script>")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Text_is_one_clean_nfc_line(string? input, string expected) =>
        Assert.Equal(expected, SocialMeta.Clean(input, 200));

    /// <summary>A lone surrogate (not in InlineData: attribute strings are stored as UTF-8, which cannot carry one).</summary>
    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        Assert.Equal("lẻ \uFFFD loi \uFFFD", SocialMeta.Clean("lẻ \uD800 loi \uDC00", 200));

    [Fact]
    public void Long_text_is_cut_at_a_word_with_an_ellipsis()
    {
        var text = string.Concat(Enumerable.Repeat("Nghiên cứu chè Shan tuyết. ", 20));
        var cut = SocialMeta.Clean(text, 90);
        Assert.True(cut.Length <= 90, cut);
        Assert.EndsWith("…", cut);
        Assert.StartsWith(cut[..^1], text);
        Assert.DoesNotContain(". …", cut);
        Assert.True(text[cut.Length - 1] is ' ' or '.', "the cut falls at the end of a word");
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair_or_an_emoji_sequence()
    {
        var scientist = "👩🏽‍🔬";
        foreach (var max in Enumerable.Range(5, 30))
        {
            var cut = SocialMeta.Clean(string.Concat(Enumerable.Repeat(scientist, 20)), max);
            Assert.True(cut.Length <= max, $"{max}: {cut.Length}");
            var elements = StringInfo.GetTextElementEnumerator(cut[..^1]);
            while (elements.MoveNext()) Assert.Equal(scientist, elements.GetTextElement());
        }
    }

    [Fact]
    public void A_cut_never_separates_a_letter_from_its_combining_mark()
    {
        // Decomposed text stays decomposed only if NFC cannot compose it: q + combining hook above has no precomposed form.
        var text = string.Concat(Enumerable.Repeat("q\u0309", 100));
        var cut = SocialMeta.Clean(text, 51);
        Assert.Equal(0, (cut.Length - 1) % 2);
        Assert.True(cut[..^1].IsNormalized(NormalizationForm.FormC));
    }
}
