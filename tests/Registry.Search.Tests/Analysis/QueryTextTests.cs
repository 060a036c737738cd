using Registry.Search.Analysis;

namespace Registry.Search.Tests.Analysis;

public sealed class QueryTextTests
{
    [Fact]
    public void Dictionary_is_embedded_with_enough_entries() =>
        Assert.True(SynonymDictionary.Default.RuleCount >= 25);

    [Theory]
    [InlineData("CĐS", "chuyển đổi số")]
    [InlineData("cds", "chuyển đổi số")]
    [InlineData("ATTT", "an toàn thông tin")]
    [InlineData("KH&CN", "khoa học và công nghệ")]
    [InlineData("KHCN", "khoa học và công nghệ")]
    [InlineData("ĐMST", "đổi mới sáng tạo")]
    [InlineData("AI", "trí tuệ nhân tạo")]
    [InlineData("CNTT", "công nghệ thông tin")]
    [InlineData("NSNN", "ngân sách nhà nước")]
    [InlineData("SXTN", "sản xuất thử nghiệm")]
    [InlineData("chuyển đổi số", "cđs")]
    [InlineData("cây chè", "cây trà")]
    [InlineData("trà", "chè")]
    public void Abbreviations_and_synonyms_expand(string query, string expected)
    {
        var parsed = QueryText.Parse(query);
        var unit = Assert.Single(parsed.Units);
        Assert.Contains(expected, unit.Alternatives.Select(a => a.ToString()));
    }

    [Fact]
    public void One_way_rules_do_not_expand_backwards() =>
        Assert.All(QueryText.Parse("đại học").Units, u => Assert.Empty(u.Alternatives));

    [Fact]
    public void Telex_words_become_their_decoded_form_for_pairs()
    {
        var parsed = QueryText.Parse("chuyeenr ddooir soos");
        // Decoded, the three words are the phrase "chuyển đổi số", which the dictionary then expands to CĐS.
        var unit = Assert.Single(parsed.Units);
        Assert.Equal("chuyển đổi số", unit.Tokens.ToString());
        Assert.Contains("cđs", unit.Alternatives.Select(a => a.ToString()));
        Assert.Contains(("chuyển đổi", "chuyen doi"), parsed.AdjacentPairs);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:(")]
    [InlineData("AND")]
    [InlineData("a \\ b \\\\")]
    [InlineData("- -- \"\" \"")]
    [InlineData("*:* OR [x TO y]")]
    [InlineData("~~~ ^^^ {}")]
    public void Bad_syntax_is_text_never_an_exception(string query)
    {
        var parsed = QueryText.Parse(query);
        Assert.NotNull(parsed);
    }

    [Fact]
    public void Quotes_make_phrases_and_minus_excludes()
    {
        var parsed = QueryText.Parse("\"giống lúa\" chịu hạn -ngô -\"lúa lai\"");
        Assert.True(parsed.Units[0].IsPhrase);
        Assert.Equal("giống lúa", parsed.Units[0].Tokens.ToString());
        Assert.Equal(["ngô", "lúa lai"], parsed.Excluded.Select(e => e.ToString()));
        Assert.DoesNotContain(parsed.Units, u => u.Tokens.ToString() == "ngô");
    }

    [Fact]
    public void A_task_code_is_recognised_and_hyphens_inside_words_do_not_exclude()
    {
        var parsed = QueryText.Parse("ĐT-2024-40101-PT");
        Assert.Equal("dt202440101pt", parsed.CodeKey);
        Assert.Empty(parsed.Excluded);
    }
}
