namespace Registry.Search.Analysis;

/// <summary>A phrase as query tokens: normalised with diacritics (for the original fields) and folded.</summary>
public sealed record TokenPhrase(IReadOnlyList<string> Original, IReadOnlyList<string> Folded)
{
    public static TokenPhrase Of(string text)
    {
        var original = VietnameseText.Tokenize(text).Select(VietnameseText.NormalizeToken).ToList();
        return new TokenPhrase(original, original.Select(Folding.Fold).ToList());
    }

    public override string ToString() => string.Join(' ', Original);
}

/// <param name="Start">First query token of the match.</param>
/// <param name="Length">Number of query tokens matched.</param>
/// <param name="Alternatives">Phrases to look for instead.</param>
public sealed record SynonymMatch(int Start, int Length, IReadOnlyList<TokenPhrase> Alternatives);

/// <summary>
/// Abbreviations and synonyms (CĐS = chuyển đổi số, KH&amp;CN = khoa học và công nghệ, chè = trà, …) from the
/// embedded <c>synonyms.txt</c>. Matching is on folded tokens so "cds", "CĐS" and "cđs" all match.
/// </summary>
public sealed class SynonymDictionary
{
    private readonly List<(TokenPhrase From, List<TokenPhrase> To)> _rules = [];

    public static SynonymDictionary Default { get; } = LoadEmbedded();

    public int RuleCount => _rules.Count;

    /// <summary>Each rule: a phrase and the phrases a query for it also looks for (for a group, the group itself).
    /// The Elasticsearch engine turns these into its <c>synonym_graph</c> filter.</summary>
    public IEnumerable<(TokenPhrase From, IReadOnlyList<TokenPhrase> To)> Rules =>
        _rules.Select(r => (r.From, (IReadOnlyList<TokenPhrase>)r.To));

    public static SynonymDictionary Parse(TextReader reader)
    {
        var dictionary = new SynonymDictionary();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.Contains("=>"))
            {
                var sides = line.Split("=>", 2);
                dictionary.Add([TokenPhrase.Of(sides[0])], sides[1].Split('|').Select(TokenPhrase.Of).ToList());
            }
            else
            {
                var group = line.Split('|').Select(TokenPhrase.Of).ToList();
                dictionary.Add(group, group);
            }
        }
        return dictionary;
    }

    /// <summary>Longest matches first, non-overlapping, left to right.</summary>
    public IReadOnlyList<SynonymMatch> FindMatches(IReadOnlyList<string> foldedTokens)
    {
        var matches = new List<SynonymMatch>();
        var i = 0;
        while (i < foldedTokens.Count)
        {
            var best = _rules
                .Where(r => Matches(r.From.Folded, foldedTokens, i))
                .OrderByDescending(r => r.From.Folded.Count)
                .ToList();
            if (best.Count == 0) { i++; continue; }
            var length = best[0].From.Folded.Count;
            var alternatives = best.Where(r => r.From.Folded.Count == length)
                .SelectMany(r => r.To)
                .Where(p => !p.Folded.SequenceEqual(foldedTokens.Skip(i).Take(length)))
                .DistinctBy(p => string.Join(' ', p.Original))
                .ToList();
            if (alternatives.Count > 0) matches.Add(new SynonymMatch(i, length, alternatives));
            i += length;
        }
        return matches;
    }

    private void Add(List<TokenPhrase> from, List<TokenPhrase> to)
    {
        foreach (var phrase in from.Where(p => p.Folded.Count > 0))
            _rules.Add((phrase, to.Where(t => t.Folded.Count > 0).ToList()));
    }

    private static bool Matches(IReadOnlyList<string> phrase, IReadOnlyList<string> tokens, int at) =>
        phrase.Count > 0 && at + phrase.Count <= tokens.Count && !phrase.Where((t, k) => tokens[at + k] != t).Any();

    private static SynonymDictionary LoadEmbedded()
    {
        using var stream = typeof(SynonymDictionary).Assembly.GetManifestResourceStream("Registry.Search.synonyms.txt")
            ?? throw new InvalidOperationException("synonyms.txt is not embedded in Registry.Search.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
