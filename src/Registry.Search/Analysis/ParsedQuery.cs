namespace Registry.Search.Analysis;

/// <summary>
/// One thing the user asked for: a word, a quoted phrase, or a run of words that has synonyms. A document
/// matches the unit when it has <see cref="Tokens"/> (adjacent when <see cref="IsPhrase"/>) or any of the
/// <see cref="Alternatives"/> as a phrase.
/// </summary>
public sealed record QueryUnit(TokenPhrase Tokens, bool IsPhrase, IReadOnlyList<TokenPhrase> Alternatives)
{
    /// <summary>What the unit most likely means: a Telex-decoded word rather than the raw keystrokes.</summary>
    public TokenPhrase Primary => Alternatives.Count > 0 && IsTelex ? Alternatives[0] : Tokens;

    /// <summary>True when the single alternative is the Telex decoding of the single token.</summary>
    public bool IsTelex { get; init; }

    /// <summary>Narrower phrases a broad term stands for ("trái cây" → "bưởi", "xoài", …): the unit matches them too,
    /// weighed <see cref="Model.SearchWeights.Narrower"/>.</summary>
    public IReadOnlyList<TokenPhrase> Narrower { get; init; } = [];

    /// <summary>Every phrase but the unit's own words: alternatives, then narrower phrases.</summary>
    public IEnumerable<TokenPhrase> AllAlternatives => Alternatives.Concat(Narrower);

    /// <summary>Syllables typed together that the catalogue writes as one word (see <see cref="QueryPlan"/>):
    /// matched side by side, like a phrase.</summary>
    public bool IsWord { get; init; }

    /// <summary>Matched with its words side by side (a quoted phrase or a multi-syllable word).</summary>
    public bool IsAdjacent => IsPhrase || IsWord;

    /// <summary>Whether this unit and the next can form one word: two plain syllables, neither quoted nor expanded.</summary>
    public bool Joins(QueryUnit next) => IsPlainSyllable && next.IsPlainSyllable;

    private bool IsPlainSyllable => !IsPhrase && !IsWord && Alternatives.Count == 0 && Narrower.Count == 0 && Tokens.Terms.Count == 1;

    /// <summary>One word unit of plain syllables.</summary>
    public static QueryUnit Word(IReadOnlyList<QueryUnit> syllables) =>
        new(new TokenPhrase(syllables.SelectMany(s => s.Tokens.Original).ToList(), syllables.SelectMany(s => s.Tokens.Folded).ToList()), false, [])
        {
            IsWord = true,
        };

    /// <summary>A word unit's syllables as single units again.</summary>
    public IEnumerable<QueryUnit> Syllables() =>
        Tokens.Original.Select((o, i) => new QueryUnit(new TokenPhrase([o], [Tokens.Folded[i]]), false, []));
}

/// <summary>
/// The user's text turned into an engine-neutral structure (see <see cref="QueryText.Parse"/>). Both engines
/// build their queries from it: units (most must match), exclusions, adjacent pairs for shingle boosts and
/// a possible exact task code.
/// </summary>
public sealed record ParsedQuery(
    IReadOnlyList<QueryUnit> Units,
    IReadOnlyList<TokenPhrase> Excluded,
    IReadOnlyList<(string Original, string Folded)> AdjacentPairs,
    string? CodeKey)
{
    public static readonly ParsedQuery Empty = new([], [], [], null);

    public bool IsEmpty => Units.Count == 0 && CodeKey is null;

    /// <summary>Words to highlight, as typed (a word typed with marks marks that spelling only): every token of every
    /// unit and alternative.</summary>
    public IReadOnlyList<string> HighlightTerms =>
        Units.SelectMany(u => u.AllAlternatives.Append(u.Tokens)).SelectMany(p => p.Terms).Distinct().ToList();
}
