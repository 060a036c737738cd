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

    /// <summary>How many units a document must match: all of up to three, three quarters of longer queries.</summary>
    public int MinimumShouldMatch => Units.Count <= 3 ? Units.Count : (int)Math.Ceiling(Units.Count * 0.75);

    /// <summary>Folded words to highlight: every token of every unit and alternative.</summary>
    public IReadOnlyList<string> HighlightTerms =>
        Units.SelectMany(u => u.Alternatives.Append(u.Tokens)).SelectMany(p => p.Folded).Distinct().ToList();
}
