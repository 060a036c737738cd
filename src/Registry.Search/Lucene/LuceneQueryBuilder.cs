using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

/// <summary>
/// Builds the scoring query from a <see cref="ParsedQuery"/> and the non-scoring filter from a
/// <see cref="SearchFilterSet"/>. Weights: title &gt; keywords &gt; summary &gt; organisation &gt; body;
/// the original-diacritics field over the folded one; adjacent-syllable (shingle) matches on top; an exact
/// task code above everything; fuzzy (one edit) on folded words of five letters or more, weakly, and only for
/// words the index does not hold in any text field (a typo). A real syllable is one edit away from many others
/// ("nghiep" from "nghien", which nine tasks in ten contain), so expanding it would visit most of the index for
/// a 0.15 boost that cannot change the ranking of the documents that hold the word itself.
/// </summary>
internal static class LuceneQueryBuilder
{
    private static IReadOnlyDictionary<string, float> Weights => SearchWeights.Fields;
    private const float OriginalBoost = SearchWeights.Original;
    private const float FoldedBoost = SearchWeights.Folded;
    private const float ShingleBoost = SearchWeights.Shingle;
    private const float FuzzyBoost = SearchWeights.Fuzzy;
    private const float CodeBoost = SearchWeights.Code;

    /// <param name="reader">The index searched, to tell typos from known words.</param>
    public static Query Build(ParsedQuery parsed, IndexReader reader)
    {
        if (parsed.IsEmpty && parsed.Excluded.Count == 0) return new MatchAllDocsQuery();
        var text = new BooleanQuery();
        if (parsed.Units.Count > 0)
        {
            var units = new BooleanQuery { MinimumNumberShouldMatch = parsed.MinimumShouldMatch };
            foreach (var unit in parsed.Units) units.Add(Unit(unit, reader), Occur.SHOULD);
            text.Add(units, Occur.MUST);
            foreach (var (original, folded) in parsed.AdjacentPairs) text.Add(Pair(original, folded), Occur.SHOULD);
        }
        var root = new BooleanQuery();
        if (parsed.Units.Count > 0) root.Add(text, Occur.SHOULD);
        if (parsed.CodeKey is { } code) root.Add(new TermQuery(new Term(F.CodeKey, code)) { Boost = CodeBoost }, Occur.SHOULD);
        if (root.Clauses.Count == 0) root.Add(new MatchAllDocsQuery(), Occur.SHOULD);
        var result = new BooleanQuery { { root, Occur.MUST } };
        foreach (var excluded in parsed.Excluded)
            foreach (var field in F.TextFields)
                result.Add(Phrase(field + F.FoldedSuffix, excluded.Folded, 1f), Occur.MUST_NOT);
        return result;
    }

    /// <summary>A unit matches through its own words (all of them, in any field) or any alternative phrase.</summary>
    private static Query Unit(QueryUnit unit, IndexReader reader)
    {
        var options = new DisjunctionMaxQuery(0.1f);
        options.Add(unit.IsPhrase || unit.Tokens.Original.Count == 1 ? PhraseAnyField(unit.Tokens, unit.IsPhrase, reader) : AllWords(unit.Tokens, reader));
        foreach (var alternative in unit.Alternatives) options.Add(PhraseAnyField(alternative, isPhrase: true, reader));
        return options;
    }

    private static Query AllWords(TokenPhrase words, IndexReader reader)
    {
        var all = new BooleanQuery();
        for (var i = 0; i < words.Original.Count; i++)
            all.Add(PhraseAnyField(new TokenPhrase([words.Original[i]], [words.Folded[i]]), false, reader), Occur.MUST);
        return all;
    }

    /// <summary>True when some text field of the index holds the folded word.</summary>
    private static bool Known(IndexReader reader, string folded) =>
        F.TextFields.Any(field => reader.DocFreq(new Term(field + F.FoldedSuffix, folded)) > 0);

    /// <summary>The words (or phrase) in any text field, original and folded, plus fuzzy for single long words.</summary>
    private static Query PhraseAnyField(TokenPhrase phrase, bool isPhrase, IndexReader reader)
    {
        var fields = new DisjunctionMaxQuery(SearchWeights.FieldTieBreaker);
        var typo = !isPhrase && phrase.Folded.Count == 1 && phrase.Folded[0].Length >= SearchWeights.FuzzyMinLength && !Known(reader, phrase.Folded[0]);
        foreach (var (field, weight) in Weights)
        {
            fields.Add(Phrase(field, phrase.Original, weight * OriginalBoost));
            fields.Add(Phrase(field + F.FoldedSuffix, phrase.Folded, weight * FoldedBoost));
            if (typo && field != F.Body)
                fields.Add(new FuzzyQuery(new Term(field + F.FoldedSuffix, phrase.Folded[0]), 1, 1) { Boost = weight * FuzzyBoost });
        }
        return fields;
    }

    private static Query Pair(string original, string folded)
    {
        var pair = new DisjunctionMaxQuery(SearchWeights.FieldTieBreaker);
        foreach (var (field, weight) in Weights.Where(w => F.HasShingles(w.Key)))
        {
            pair.Add(new TermQuery(new Term(field + F.ShingleSuffix, original)) { Boost = weight * ShingleBoost });
            pair.Add(new TermQuery(new Term(field + F.FoldedShingleSuffix, folded)) { Boost = weight * ShingleBoost * FoldedBoost });
        }
        return pair;
    }

    /// <summary>
    /// A phrase in a field that has two-syllable shingles is matched on them: one term for two words, every
    /// adjacent pair for more. It needs no positions, so a phrase of common words ("khoa học và công nghệ", the
    /// expansion of "KH&amp;CN") costs a few postings lists instead of reading positions of every document that
    /// holds all its words. Only the body, which has no shingles, still uses a positional phrase.
    /// </summary>
    private static Query Phrase(string field, IReadOnlyList<string> words, float boost)
    {
        if (words.Count == 1) return new TermQuery(new Term(field, words[0])) { Boost = boost };
        if (PairsOf(field) is { } pairs)
        {
            if (words.Count == 2) return new TermQuery(new Term(pairs, words[0] + " " + words[1])) { Boost = boost };
            var all = new BooleanQuery { Boost = boost };
            for (var i = 0; i + 1 < words.Count; i++) all.Add(new TermQuery(new Term(pairs, words[i] + " " + words[i + 1])), Occur.MUST);
            return all;
        }
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var w in words) phrase.Add(new Term(field, w));
        return phrase;
    }

    /// <summary>The shingle field holding adjacent pairs of a text field (original or folded), if it has one.</summary>
    private static string? PairsOf(string field)
    {
        var folded = field.EndsWith(F.FoldedSuffix, StringComparison.Ordinal);
        var text = folded ? field[..^F.FoldedSuffix.Length] : field;
        if (!F.TextFields.Contains(text) || !F.HasShingles(text)) return null;
        return text + (folded ? F.FoldedShingleSuffix : F.ShingleSuffix);
    }

    /// <summary>Filters AND-ed, values of one filter OR-ed; null when there is nothing to filter.</summary>
    public static Filter? BuildFilter(SearchFilterSet filters, Query? extra = null)
    {
        if (filters.IsEmpty && extra is null) return null;
        var all = new BooleanQuery();
        foreach (var applied in filters.Applied) all.Add(FilterClause(applied), Occur.MUST);
        if (extra is not null) all.Add(extra, Occur.MUST);
        return new QueryWrapperFilter(all);
    }

    private static Query FilterClause(AppliedFilter applied)
    {
        var field = applied.Filter.IndexField;
        switch (applied.Filter.Shape)
        {
            case FilterShape.Terms:
                var any = new BooleanQuery();
                foreach (var v in applied.Values) any.Add(new TermQuery(new Term(field, v.Term)), Occur.SHOULD);
                return any;
            default:
                var n = applied.Values[0].Number!.Value;
                var atLeast = applied.Filter.Shape == FilterShape.AtLeast;
                return IsInt32(field)
                    ? NumericRangeQuery.NewInt32Range(field, atLeast ? (int)Math.Clamp(n, int.MinValue, int.MaxValue) : null,
                        atLeast ? null : (int)Math.Clamp(n, int.MinValue, int.MaxValue), true, true)
                    : NumericRangeQuery.NewInt64Range(field, atLeast ? n : null, atLeast ? null : n, true, true);
        }
    }

    private static bool IsInt32(string field) => field is F.StartYear or F.StartDay or F.EndDay;
}
