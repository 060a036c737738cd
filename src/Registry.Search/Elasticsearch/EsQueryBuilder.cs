using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// The Elasticsearch form of <c>LuceneQueryBuilder</c>, clause for clause, so both engines rank alike:
/// title &gt; keywords &gt; summary &gt; organisation &gt; body (the shared <see cref="SearchWeights"/>);
/// the original-diacritics field at full weight, the folded sub-field at half; shingle matches of adjacent
/// syllables on top; an exact task code above everything; fuzzy (one edit) on folded words of five letters or
/// more. Query text never reaches <c>query_string</c>: it arrives as a <see cref="ParsedQuery"/>, so bad syntax is
/// just words. Filters go to non-scoring <c>filter</c> clauses.
/// </summary>
internal static class EsQueryBuilder
{
    private static IReadOnlyDictionary<string, float> Weights => SearchWeights.Fields;
    private const float OriginalBoost = SearchWeights.Original;
    private const float FoldedBoost = SearchWeights.Folded;
    private const float ShingleBoost = SearchWeights.Shingle;
    private const float FuzzyBoost = SearchWeights.Fuzzy;
    private const float CodeBoost = SearchWeights.Code;
    private const int FuzzyMinLength = SearchWeights.FuzzyMinLength;

    /// <summary>The whole query: scoring text (or match_all) and the request's filters.</summary>
    public static Query Build(ParsedQuery parsed, SearchFilterSet filters)
    {
        var text = Text(parsed);
        return filters.IsEmpty ? text : new BoolQuery { Must = [text], Filter = Filters(filters) };
    }

    public static Query Text(ParsedQuery parsed)
    {
        if (parsed.IsEmpty && parsed.Excluded.Count == 0) return new MatchAllQuery();
        var root = new List<Query>();
        if (parsed.Units.Count > 0)
        {
            var units = new BoolQuery { Should = parsed.Units.Select(Unit).ToList(), MinimumShouldMatch = parsed.Units.Count <= 3 ? parsed.Units.Count : (int)Math.Ceiling(parsed.Units.Count * 0.75) };
            var pairs = parsed.AdjacentPairs.Select(p => Pair(p.Original, p.Folded)).ToList();
            root.Add(pairs.Count == 0 ? units : new BoolQuery { Must = [units], Should = pairs });
        }
        if (parsed.CodeKey is { } code) root.Add(new TermQuery(F.CodeKey, code) { Boost = CodeBoost });
        if (root.Count == 0) root.Add(new MatchAllQuery());
        var excluded = parsed.Excluded
            .SelectMany(phrase => F.TextFields.Select(field => Phrase(EsAnalysis.FoldedField(field), phrase.Folded, 1f)))
            .ToList();
        return new BoolQuery
        {
            Must = [root.Count == 1 ? root[0] : new BoolQuery { Should = root }],
            MustNot = excluded.Count == 0 ? null : excluded,
        };
    }

    /// <summary>A unit matches through its own words (all of them, in any field) or any alternative phrase.</summary>
    private static Query Unit(QueryUnit unit)
    {
        var options = new List<Query>
        {
            unit.IsPhrase || unit.Tokens.Original.Count == 1 ? PhraseAnyField(unit.Tokens, unit.IsPhrase) : AllWords(unit.Tokens),
        };
        options.AddRange(unit.Alternatives.Select(a => PhraseAnyField(a, isPhrase: true)));
        return new DisMaxQuery { Queries = options, TieBreaker = 0.1 };
    }

    private static Query AllWords(TokenPhrase words) => new BoolQuery
    {
        Must = words.Original.Select((w, i) => PhraseAnyField(new TokenPhrase([w], [words.Folded[i]]), false)).ToList(),
    };

    /// <summary>The words (or phrase) in any text field, original and folded, plus fuzzy for single long words.</summary>
    private static Query PhraseAnyField(TokenPhrase phrase, bool isPhrase)
    {
        var fields = new List<Query>();
        foreach (var (field, weight) in Weights)
        {
            fields.Add(Phrase(field, phrase.Original, weight * OriginalBoost));
            fields.Add(Phrase(EsAnalysis.FoldedField(field), phrase.Folded, weight * FoldedBoost));
            if (!isPhrase && phrase.Folded.Count == 1 && phrase.Folded[0].Length >= FuzzyMinLength && field != F.Body)
                fields.Add(new FuzzyQuery(EsAnalysis.FoldedField(field), phrase.Folded[0])
                {
                    Fuzziness = new Fuzziness(1),
                    PrefixLength = 1,
                    Boost = weight * FuzzyBoost,
                });
        }
        return new DisMaxQuery { Queries = fields, TieBreaker = SearchWeights.FieldTieBreaker };
    }

    /// <summary>Two adjacent query syllables as one shingle term: adjacent matches outrank scattered ones.</summary>
    private static Query Pair(string original, string folded) => new DisMaxQuery
    {
        TieBreaker = SearchWeights.FieldTieBreaker,
        Queries = Weights.Where(w => F.HasShingles(w.Key)).SelectMany(w => new Query[]
        {
            new TermQuery(EsAnalysis.ShingleField(w.Key), original) { Boost = w.Value * ShingleBoost },
            new TermQuery(EsAnalysis.FoldedShingleField(w.Key), folded) { Boost = w.Value * ShingleBoost * FoldedBoost },
        }).ToList(),
    };

    /// <summary>One token: a term (already analysed in C#); several: a phrase.</summary>
    private static Query Phrase(string field, IReadOnlyList<string> words, float boost) =>
        words.Count == 1
            ? new TermQuery(field, words[0]) { Boost = boost }
            : new MatchPhraseQuery(field, string.Join(' ', words)) { Boost = boost };

    /// <summary>Filters AND-ed, values of one filter OR-ed, none of them scoring.</summary>
    public static List<Query> Filters(SearchFilterSet filters) => filters.Applied.Select(Filter).ToList();

    /// <remarks>The field filter needs no prefix query: <see cref="F.FieldPrefix"/> holds every prefix of every
    /// code ("40101" → "4", "401", "40101"), so a term on "4" selects all agricultural sciences.</remarks>
    private static Query Filter(AppliedFilter applied)
    {
        var field = applied.Filter.IndexField;
        if (applied.Filter.Shape == FilterShape.Terms)
            return new TermsQuery { Field = field, Terms = new TermsQueryField(applied.Values.Select(v => FieldValue.String(v.Term!)).ToList()) };
        var n = applied.Values[0].Number!.Value;
        return applied.Filter.Shape == FilterShape.AtLeast
            ? new LongNumberRangeQuery(field) { Gte = n }
            : new LongNumberRangeQuery(field) { Lte = n };
    }
}
