using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

/// <summary>
/// Builds the scoring query from a <see cref="ParsedQuery"/> and the non-scoring filter from a
/// <see cref="SearchFilterSet"/>. A word is looked up in two fields (see <see cref="LuceneText"/>): all text, folded,
/// and the head (title and keywords, weighted <see cref="HeadWeight"/>), where a word typed with diacritics counts
/// fully in its exact form and half in its folded form, so exact words rank first. Adjacent-syllable pair matches add
/// on top; an exact task code comes above everything; fuzzy (one edit) on folded words of five letters or more,
/// weakly, and only for words the index does not hold (a typo). A real syllable is one edit away from many others
/// ("nghiep" from "nghien", which nine tasks in ten contain), so expanding it would visit most of the index for a
/// boost that cannot change the ranking of the documents that hold the word itself.
/// </summary>
internal static class LuceneQueryBuilder
{
    private const float OriginalBoost = SearchWeights.Original;
    private const float FoldedBoost = SearchWeights.Folded;
    private const float ShingleBoost = SearchWeights.Shingle;
    private const float FuzzyBoost = SearchWeights.Fuzzy;
    private const float CodeBoost = SearchWeights.Code;

    /// <summary>A match in the title or keywords against one anywhere in the task's text.</summary>
    internal const float HeadWeight = 3f;

    /// <param name="reader">The index searched, to tell typos from known words.</param>
    /// <param name="scored">False when only the set of matches matters (a sort by a field, a facet count): the
    /// clauses that only add to scores (the head, the exact form, adjacent pairs) are left out, and the query is
    /// wrapped in a constant score. The documents matched are the same.</param>
    public static Query Build(ParsedQuery parsed, IndexReader reader, bool scored = true)
    {
        var query = Build(parsed, reader, new Scoring(scored));
        return scored ? query : new ConstantScoreQuery(query);
    }

    /// <summary>Whether the query being built scores (see <see cref="Build(ParsedQuery, IndexReader, bool)"/>).</summary>
    private readonly record struct Scoring(bool On);

    private static Query Build(ParsedQuery parsed, IndexReader reader, Scoring scoring)
    {
        if (parsed.IsEmpty && parsed.Excluded.Count == 0) return new MatchAllDocsQuery();
        var text = new BooleanQuery();
        if (parsed.Units.Count > 0)
        {
            var units = new BooleanQuery { MinimumNumberShouldMatch = parsed.MinimumShouldMatch };
            foreach (var unit in parsed.Units) units.Add(Unit(unit, reader, scoring), Occur.SHOULD);
            text.Add(units, Occur.MUST);
            if (scoring.On)
                foreach (var (original, folded) in parsed.AdjacentPairs) text.Add(Pair(original, folded), Occur.SHOULD);
        }
        var root = new BooleanQuery();
        if (parsed.Units.Count > 0) root.Add(text, Occur.SHOULD);
        if (parsed.CodeKey is { } code) root.Add(new TermQuery(new Term(F.CodeKey, code)) { Boost = CodeBoost }, Occur.SHOULD);
        if (root.Clauses.Count == 0) root.Add(new MatchAllDocsQuery(), Occur.SHOULD);
        var result = new BooleanQuery { { root, Occur.MUST } };
        foreach (var excluded in parsed.Excluded) result.Add(Positional(LuceneText.All, excluded.Folded), Occur.MUST_NOT);
        return result;
    }

    /// <summary>A unit matches through its own words (all of them, anywhere) or any alternative phrase.</summary>
    private static Query Unit(QueryUnit unit, IndexReader reader, Scoring scoring)
    {
        var options = new DisjunctionMaxQuery(0.1f);
        options.Add(unit.IsPhrase || unit.Tokens.Original.Count == 1
            ? Phrase(unit.Tokens, unit.IsPhrase, reader, scoring)
            : AllWords(unit.Tokens, reader, scoring));
        foreach (var alternative in unit.Alternatives) options.Add(Phrase(alternative, isPhrase: true, reader, scoring));
        return options;
    }

    private static Query AllWords(TokenPhrase words, IndexReader reader, Scoring scoring)
    {
        var all = new BooleanQuery();
        for (var i = 0; i < words.Original.Count; i++)
            all.Add(Phrase(new TokenPhrase([words.Original[i]], [words.Folded[i]]), false, reader, scoring), Occur.MUST);
        return all;
    }

    /// <summary>True when the index holds the folded word in some text.</summary>
    private static bool Known(IndexReader reader, string folded) => reader.DocFreq(new Term(LuceneText.All, folded)) > 0;

    /// <summary>
    /// A word, or a phrase (matched on its adjacent pairs): required in its folded form anywhere in the text (one
    /// postings list decides the match, two for a phrase: the body's pairs are apart), scored higher in the head,
    /// and higher still in its exact original form there. A single long word the index does not hold is a typo: it
    /// matches by one edit instead.
    /// </summary>
    private static Query Phrase(TokenPhrase phrase, bool isPhrase, IndexReader reader, Scoring scoring)
    {
        var single = phrase.Folded.Count == 1;
        var (head, all) = single ? (LuceneText.Head, LuceneText.All) : (LuceneText.HeadPairs, LuceneText.AllPairs);
        var typo = !isPhrase && single && phrase.Folded[0].Length >= SearchWeights.FuzzyMinLength && !Known(reader, phrase.Folded[0]);
        var query = new BooleanQuery(disableCoord: true);
        var exact = !phrase.Original.SequenceEqual(phrase.Folded, StringComparer.Ordinal);
        // Typed without diacritics the one form counts fully; typed with them an exact match adds to the folded one.
        var foldedBoost = exact ? FoldedBoost : OriginalBoost;
        var anywhere = Terms(all, phrase.Folded, foldedBoost);
        if (!single)
        {
            // A phrase may be only in the body, whose (folded) pairs have their own field.
            var inBody = Terms(LuceneText.BodyPairs, phrase.Folded, foldedBoost);
            anywhere = new BooleanQuery(disableCoord: true) { { anywhere, Occur.SHOULD }, { inBody, Occur.SHOULD } };
        }
        if (!typo && !scoring.On) return anywhere;
        query.Add(anywhere, typo ? Occur.SHOULD : Occur.MUST);
        query.Add(Terms(head, phrase.Folded, HeadWeight * foldedBoost), Occur.SHOULD);
        if (exact) query.Add(Terms(head, phrase.Original, HeadWeight * OriginalBoost), Occur.SHOULD);
        if (typo)
        {
            query.Add(new FuzzyQuery(new Term(LuceneText.Head, phrase.Folded[0]), 1, 1) { Boost = HeadWeight * FuzzyBoost }, Occur.SHOULD);
            query.Add(new FuzzyQuery(new Term(LuceneText.All, phrase.Folded[0]), 1, 1) { Boost = FuzzyBoost }, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>One word as a term; two or more as all their adjacent pairs (one term per pair, no positions read).</summary>
    private static Query Terms(string field, IReadOnlyList<string> words, float boost)
    {
        if (words.Count == 1) return new TermQuery(new Term(field, words[0])) { Boost = boost };
        if (words.Count == 2) return new TermQuery(new Term(field, words[0] + " " + words[1])) { Boost = boost };
        var all = new BooleanQuery { Boost = boost };
        for (var i = 0; i + 1 < words.Count; i++) all.Add(new TermQuery(new Term(field, words[i] + " " + words[i + 1])), Occur.MUST);
        return all;
    }

    /// <summary>An adjacent pair of query words found side by side: a bonus on top of the words' own matches, weighed
    /// like the words (folded pairs in all text and the head, the exact pair in the head when typed with diacritics).</summary>
    private static Query Pair(string original, string folded)
    {
        var exact = original != folded;
        var foldedBoost = ShingleBoost * (exact ? FoldedBoost : OriginalBoost);
        var pair = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(LuceneText.AllPairs, folded)) { Boost = foldedBoost }, Occur.SHOULD },
            { new TermQuery(new Term(LuceneText.HeadPairs, folded)) { Boost = HeadWeight * foldedBoost }, Occur.SHOULD },
        };
        if (exact) pair.Add(new TermQuery(new Term(LuceneText.HeadPairs, original)) { Boost = HeadWeight * ShingleBoost * OriginalBoost }, Occur.SHOULD);
        return pair;
    }

    /// <summary>Words in order, by positions (only for exclusions, which are rare and must be exact).</summary>
    private static Query Positional(string field, IReadOnlyList<string> words)
    {
        if (words.Count == 1) return new TermQuery(new Term(field, words[0]));
        var phrase = new PhraseQuery();
        foreach (var w in words) phrase.Add(new Term(field, w));
        return phrase;
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

    private static bool IsInt32(string field) => IndexFields.Get(field).Kind == IndexFieldKind.Int32;
}
