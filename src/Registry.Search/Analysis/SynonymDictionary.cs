namespace Registry.Search.Analysis;

/// <summary>A phrase as query tokens: normalised with diacritics as typed (NFC, lowercase, one tone placement) and folded.</summary>
public sealed record TokenPhrase(IReadOnlyList<string> Original, IReadOnlyList<string> Folded)
{
    public static TokenPhrase Of(string text)
    {
        var original = VietnameseText.Tokenize(text).Select(VietnameseText.NormalizeToken).ToList();
        return new TokenPhrase(original, original.Select(Folding.Fold).ToList());
    }

    /// <summary>
    /// The terms looked up in the index: each word as typed. The index holds every word in its original form and,
    /// when different, its folded form at the same position, so a word typed with marks ("lúa") matches that
    /// spelling only and a word typed without them ("lua") every spelling (lúa, lụa, lửa).
    /// </summary>
    public IReadOnlyList<string> Terms => Original;

    /// <summary>True when the word carries a mark (tone, shape or đ): it then matches only its own spelling.</summary>
    public static bool IsMarked(string term) => !System.Text.Ascii.IsValid(term);

    public override string ToString() => string.Join(' ', Original);
}

/// <param name="Start">First query token of the match.</param>
/// <param name="Length">Number of query tokens matched.</param>
/// <param name="Alternatives">Phrases that mean the same, to look for instead.</param>
/// <param name="Narrower">Narrower phrases (category groups), looked for too but weighed less.</param>
public sealed record SynonymMatch(int Start, int Length, IReadOnlyList<TokenPhrase> Alternatives, IReadOnlyList<TokenPhrase> Narrower);

/// <summary>One reviewed group of the vocabulary: its kind, its phrases, whether it is one-way, and where it comes from.</summary>
/// <param name="Kind">abbreviation, synonym, regional, loanword, scientific, place, organization, or category (one-way:
/// a broad term to the narrower terms a reader means by it).</param>
/// <param name="From">The phrases that trigger the group (all of them for a two-way group).</param>
/// <param name="To">The phrases a query for one of <paramref name="From"/> also looks for.</param>
public sealed record VocabularyGroup(string Kind, IReadOnlyList<TokenPhrase> From, IReadOnlyList<TokenPhrase> To, string Source, bool OneWay);

/// <summary>
/// The search vocabulary (embedded <c>vocabulary.tsv</c>): abbreviations, synonyms, regional words, loanwords,
/// scientific names, places and organisations, one reviewed group per line with its source. Matching is on exact
/// spellings: a query word typed with marks matches an entry only in that spelling ("chè", not "chế"); a word typed
/// without marks matches every spelling of the entry ("che" → "chè"); the alternatives are then looked for in their
/// own exact spelling ("trà", never the "tra" of "điều tra").
/// </summary>
public sealed class SynonymDictionary
{
    /// <summary>The kind of one-way groups from a broad term to narrower ones.</summary>
    public const string Category = "category";

    public static readonly IReadOnlySet<string> Kinds =
        new HashSet<string>(["abbreviation", "synonym", "regional", "loanword", "scientific", "place", "organization", "category"]);

    private readonly List<VocabularyGroup> _groups = [];
    private readonly Dictionary<string, List<(TokenPhrase From, VocabularyGroup Group)>> _byFirstFolded = new(StringComparer.Ordinal);

    public static SynonymDictionary Default { get; } = LoadEmbedded();

    public IReadOnlyList<VocabularyGroup> Groups => _groups;

    public int RuleCount => _byFirstFolded.Values.Sum(r => r.Count);

    /// <summary>Each rule: a phrase and the phrases a query for it also looks for (for a group, the group itself).
    /// The Elasticsearch engine turns these into its <c>synonym_graph</c> filter.</summary>
    public IEnumerable<(TokenPhrase From, IReadOnlyList<TokenPhrase> To)> Rules =>
        _groups.SelectMany(g => g.From.Select(f => (f, g.To)));

    /// <summary>Reads <c>kind TAB group TAB source</c> lines (<c>#</c> comments); a group is <c>a | b</c> or <c>a =&gt; b | c</c>.</summary>
    /// <exception cref="FormatException">A line that is not of that form, names an unknown kind or holds one phrase.</exception>
    public static SynonymDictionary Parse(TextReader reader)
    {
        var dictionary = new SynonymDictionary();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length != 3 || !Kinds.Contains(columns[0].Trim()) || columns[2].Trim().Length == 0)
                throw new FormatException($"Vocabulary line {number}: expected 'kind<TAB>group<TAB>source' with a known kind.");
            dictionary.Add(columns[0].Trim(), columns[1], columns[2].Trim(), number);
        }
        return dictionary;
    }

    /// <summary>Longest matches first, non-overlapping, left to right, over the query's typed tokens.</summary>
    /// <param name="exactSpelling">Every word is the spelling meant, also a word without marks (the query was typed
    /// with marks elsewhere); otherwise a word without marks matches every spelling of an entry.</param>
    public IReadOnlyList<SynonymMatch> FindMatches(IReadOnlyList<string> typedTokens, bool exactSpelling = false)
    {
        var matches = new List<SynonymMatch>();
        var i = 0;
        while (i < typedTokens.Count)
        {
            var candidates = _byFirstFolded.GetValueOrDefault(Folding.Fold(typedTokens[i]));
            var best = candidates?.Where(r => Matches(r.From, typedTokens, i, exactSpelling)).OrderByDescending(r => r.From.Original.Count).ToList();
            if (best is not { Count: > 0 }) { i++; continue; }
            var length = best[0].From.Original.Count;
            var typed = typedTokens.Skip(i).Take(length).ToList();
            var longest = best.Where(r => r.From.Original.Count == length).ToList();
            List<TokenPhrase> Phrases(bool narrower) => longest.Where(r => (r.Group.Kind == Category) == narrower)
                .SelectMany(r => r.Group.To)
                .Where(p => !Subsumes(typed, p))
                .DistinctBy(p => p.ToString())
                .ToList();
            var alternatives = Phrases(narrower: false);
            var narrower = Phrases(narrower: true).Where(p => !alternatives.Any(a => a.ToString() == p.ToString())).ToList();
            if (alternatives.Count + narrower.Count > 0) matches.Add(new SynonymMatch(i, length, alternatives, narrower));
            i += length;
        }
        return matches;
    }

    /// <summary>
    /// Whether the typed words already find every task the phrase would: the same words, each typed either in the
    /// phrase's spelling or without marks ("chuyen doi so" finds every "chuyển đổi số"), so looking for it again would
    /// only cost time.
    /// </summary>
    private static bool Subsumes(IReadOnlyList<string> typed, TokenPhrase phrase) =>
        phrase.Original.Count == typed.Count && Matches(phrase, typed, 0, exactSpelling: false);

    /// <summary>A typed word with marks must be the entry's spelling; a word without marks matches it folded.</summary>
    private static bool Matches(TokenPhrase entry, IReadOnlyList<string> tokens, int at, bool exactSpelling)
    {
        if (at + entry.Original.Count > tokens.Count) return false;
        for (var k = 0; k < entry.Original.Count; k++)
        {
            var typed = tokens[at + k];
            if (typed != (exactSpelling || TokenPhrase.IsMarked(typed) ? entry.Original[k] : entry.Folded[k])) return false;
        }
        return true;
    }

    private void Add(string kind, string group, string source, int line)
    {
        var oneWay = group.Contains("=>", StringComparison.Ordinal);
        var sides = oneWay ? group.Split("=>", 2) : [group, group];
        var from = Phrases(sides[0]);
        var to = Phrases(sides[1]);
        if (from.Count == 0 || (oneWay ? to.Count == 0 : to.Count < 2))
            throw new FormatException($"Vocabulary line {line}: a group needs two phrases or more.");
        var entry = new VocabularyGroup(kind, from, to, source, oneWay);
        _groups.Add(entry);
        foreach (var phrase in from)
        {
            if (!_byFirstFolded.TryGetValue(phrase.Folded[0], out var list)) _byFirstFolded[phrase.Folded[0]] = list = [];
            list.Add((phrase, entry));
        }
    }

    private static List<TokenPhrase> Phrases(string side) =>
        side.Split('|').Select(TokenPhrase.Of).Where(p => p.Original.Count > 0).ToList();

    private static SynonymDictionary LoadEmbedded()
    {
        using var stream = typeof(SynonymDictionary).Assembly.GetManifestResourceStream("Registry.Search.vocabulary.tsv")
            ?? throw new InvalidOperationException("vocabulary.tsv is not embedded in Registry.Search.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
