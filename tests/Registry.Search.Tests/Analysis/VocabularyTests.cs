using Registry.Search.Analysis;

namespace Registry.Search.Tests.Analysis;

/// <summary>
/// The embedded vocabulary (<c>Analysis/vocabulary.tsv</c>): reviewed groups with their kind and source, and, per
/// kind, cases of what a query must also look for and must not (<c>vocabulary-cases.tsv</c>).
/// </summary>
public sealed class VocabularyTests
{
    private static SynonymDictionary Vocabulary => SynonymDictionary.Default;

    [Fact]
    public void Holds_at_least_300_groups_each_with_a_known_kind_a_source_and_two_phrases()
    {
        Assert.True(Vocabulary.Groups.Count >= 300, $"{Vocabulary.Groups.Count} groups");
        Assert.All(Vocabulary.Groups, g =>
        {
            Assert.Contains(g.Kind, SynonymDictionary.Kinds);
            Assert.False(string.IsNullOrWhiteSpace(g.Source));
            Assert.True(g.From.Concat(g.To).Count() >= 2);
        });
    }

    [Theory]
    [InlineData("abbreviation", 60)]
    [InlineData("regional", 60)]
    [InlineData("loanword", 40)]
    [InlineData("scientific", 60)]
    [InlineData("synonym", 20)]
    [InlineData("place", 10)]
    [InlineData("organization", 10)]
    public void Every_kind_is_represented(string kind, int atLeast) =>
        Assert.True(Vocabulary.Groups.Count(g => g.Kind == kind) >= atLeast, kind);

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Analysis", "vocabulary-cases.tsv");
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')))
        {
            var c = line.Split('\t');
            data.Add(c[0], c[1], c[2], c.Length > 3 ? c[3] : "");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_query_looks_for_the_groups_phrases_and_not_for_near_misses(string kind, string query, string alsoLooksFor, string never)
    {
        Assert.Contains(kind, SynonymDictionary.Kinds);
        var parsed = QueryText.Parse(query);
        var alternatives = parsed.Units.SelectMany(u => u.Alternatives).Select(Key).ToList();
        // The phrase is looked for when an alternative holds it, or when the query itself already says it (a variant
        // spelling that normalises to the same words, "văn hoá" and "văn hóa").
        var wanted = Key(TokenPhrase.Of(alsoLooksFor));
        Assert.True(alternatives.Any(a => Holds(a, wanted)) || Holds(Key(TokenPhrase.Of(query)), wanted),
            $"'{query}' looks for [{string.Join(", ", alternatives)}], not '{alsoLooksFor}'");
        if (never.Length > 0) Assert.DoesNotContain(Key(TokenPhrase.Of(never)), alternatives);
    }

    [Theory]
    [InlineData("chế phẩm")]
    [InlineData("điều tra")]
    [InlineData("hiệu quả")]
    [InlineData("nhãn hiệu")]
    public void Everyday_words_that_share_a_syllable_with_an_entry_expand_to_nothing(string query) =>
        Assert.All(QueryText.Parse(query).Units, u => Assert.Empty(u.Alternatives));

    [Fact]
    public void A_word_typed_with_marks_matches_an_entry_only_in_that_spelling()
    {
        // "chề" is not "chè"; "che" (no marks) may be any spelling, so it reaches the entry.
        var lines = "regional\tchè xanh | trà xanh\ttest\n";
        var dictionary = SynonymDictionary.Parse(new StringReader(lines));
        Assert.Empty(dictionary.FindMatches(["chề", "xanh"]));
        Assert.Single(dictionary.FindMatches(["che", "xanh"]));
        Assert.Equal("trà xanh", dictionary.FindMatches(["chè", "xanh"]).Single().Alternatives.Single().ToString());
    }

    [Theory]
    [InlineData("nokind\ta | b\tsource")]
    [InlineData("regional\ta\tsource")]
    [InlineData("regional\ta | b")]
    [InlineData("regional\ta | b\t ")]
    public void A_malformed_line_is_refused_with_its_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => SynonymDictionary.Parse(new StringReader("# header\n" + line)));
        Assert.Contains("line 2", error.Message);
    }

    private static string Key(TokenPhrase phrase) => string.Join(' ', phrase.Original);

    private static bool Holds(string phrase, string words) => $" {phrase} ".Contains($" {words} ", StringComparison.Ordinal);
}
