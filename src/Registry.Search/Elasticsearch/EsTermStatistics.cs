using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Elasticsearch;

/// <summary>A term counted in one field of the index: a word in <see cref="TextLayout.All"/>, a pair in a pair field (or
/// its folded sub-field, see <see cref="EsAnalysis.PairField"/>).</summary>
internal readonly record struct TermKey(string Field, string Term);

/// <summary>
/// Document frequencies as the Lucene engine reads them from its reader (<c>LuceneTermStatistics</c>), from counts the
/// cluster returned: a word in all text; a pair in the short texts' pair field plus the body's, capped by the rarer
/// word. A term that was not counted is taken as absent.
/// </summary>
internal sealed class EsTermStatistics(long docCount, IReadOnlyDictionary<TermKey, long> counts) : ITermStatistics
{
    public long DocCount => docCount;

    public long DocFreq(IReadOnlyList<string> terms)
    {
        if (terms.Count == 1) return counts.GetValueOrDefault(Word(terms[0]));
        if (TextLayout.PairTerms(terms) is not [var pair]) return 0;
        var inPairs = Pairs(pair).Sum(k => counts.GetValueOrDefault(k));
        return Math.Min(inPairs, Math.Min(DocFreq([terms[0]]), DocFreq([terms[1]])));
    }

    public static TermKey Word(string term) => new(TextLayout.All, term);

    /// <summary>The two counts of a pair: in the short texts and in the body.</summary>
    public static TermKey[] Pairs(string pair) =>
        [new(EsAnalysis.PairField(TextLayout.AllPairs, pair), pair), new(EsAnalysis.PairField(TextLayout.BodyPairs, pair), pair)];

    /// <summary>
    /// Every count <see cref="QueryPlan.Build"/> and the query builder may read for this query: each word of each unit
    /// and alternative (its frequency, and whether the index knows it, for fuzzy matching), each pair of adjacent words
    /// inside them, and the pair of two adjacent plain syllables (whether the catalogue writes them as one word).
    /// </summary>
    public static IReadOnlyList<TermKey> Needed(ParsedQuery parsed)
    {
        var keys = new List<TermKey>();
        var units = parsed.Units;
        foreach (var phrase in units.SelectMany(u => u.AllAlternatives.Append(u.Tokens)))
        {
            var terms = phrase.Terms;
            keys.AddRange(terms.Select(Word));
            for (var i = 0; i + 1 < terms.Count; i++) AddPair(keys, terms[i], terms[i + 1]);
        }
        for (var i = 0; i + 1 < units.Count; i++)
            if (units[i].Joins(units[i + 1])) AddPair(keys, units[i].Tokens.Terms[0], units[i + 1].Tokens.Terms[0]);
        return keys.Distinct().ToList();
    }

    private static void AddPair(List<TermKey> keys, string a, string b)
    {
        if (TextLayout.PairTerms([a, b]) is [var pair]) keys.AddRange(Pairs(pair));
    }
}
