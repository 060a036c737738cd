using Registry.Search.Analysis;

namespace Registry.Search.Tests.Analysis;

public sealed class TelexAndSyllableTests
{
    [Theory]
    [InlineData("chuyeenr", "chuyển")]
    [InlineData("ddooir", "đổi")]
    [InlineData("soos", "số")]
    [InlineData("vieejt", "việt")]
    [InlineData("nguwowif", "người")]
    [InlineData("huowng", "hương")]
    [InlineData("hoaf", "hòa")]
    [InlineData("tuwj", "tự")]
    [InlineData("ddaatj", "đật")]
    public void Telex_residue_decodes_to_a_syllable(string typed, string expected) =>
        Assert.Equal(expected, TelexDecoder.TryDecode(typed));

    [Theory]
    [InlineData("chuyen")]   // plain folded Vietnamese stays as typed
    [InlineData("doi")]
    [InlineData("so")]
    [InlineData("lua")]
    [InlineData("data")]     // English without Telex keys
    [InlineData("smart")]    // decodes to nothing Vietnamese
    [InlineData("online")]
    [InlineData("x")]
    public void Plausible_or_foreign_words_are_left_alone(string typed) =>
        Assert.Null(TelexDecoder.TryDecode(typed));

    [Theory]
    [InlineData("nghiêng", true)]
    [InlineData("nghieng", true)]
    [InlineData("quyết", true)]
    [InlineData("giếng", true)]
    [InlineData("khuỷu", true)]
    [InlineData("ngoài", true)]
    [InlineData("chuyeenr", false)]
    [InlineData("ddooir", false)]
    [InlineData("soos", false)]
    [InlineData("smart", false)]
    [InlineData("strength", false)]
    [InlineData("blockchain", false)]
    public void Syllable_validity(string word, bool plausible) =>
        Assert.Equal(plausible, Syllables.IsPlausible(word));
}
