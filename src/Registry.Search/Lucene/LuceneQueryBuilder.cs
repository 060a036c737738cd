using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

/// <summary>
/// Builds the scoring query from a <see cref="QueryPlan"/> and the non-scoring filter from a
/// <see cref="SearchFilterSet"/>. Every word is looked up as typed (<see cref="TokenPhrase.Terms"/>) in all text, where
/// the index holds each word's original and folded forms (<see cref="LuceneText"/>): typed with marks it matches that
/// spelling, typed without them every spelling. The major concepts decide the match (<see cref="QueryPlan.Required"/>);
/// minor concepts, the head (title and keywords, <see cref="SearchWeights.Head"/>), adjacent pairs and the
/// all-concepts tier only add to the score; an exact task code comes above everything; fuzzy (one edit), weakly, only
/// for words of five letters or more the index does not hold (a typo: a real syllable is one edit away from many
/// others, "nghiep" from "nghien").
/// </summary>
internal static class LuceneQueryBuilder
{
    private const float HeadWeight = SearchWeights.Head;

    /// <param name="reader">The index searched, to tell typos from known words.</param>
    /// <param name="scored">False when only the set of matches matters (a sort by a field, a facet count): the
    /// clauses that only add to scores are left out and the query is wrapped in a constant score.</param>
    public static Query Build(QueryPlan plan, IndexReader reader, bool scored = true)
    {
        var query = Build(plan, reader, new Scoring(scored));
        return scored ? query : new ConstantScoreQuery(query);
    }

    /// <summary>Whether the query being built scores (see <see cref="Build(QueryPlan, IndexReader, bool)"/>).</summary>
    private readonly record struct Scoring(bool On);

    private static Query Build(QueryPlan plan, IndexReader reader, Scoring scoring)
    {
        var parsed = plan.Parsed;
        if (parsed.IsEmpty && parsed.Excluded.Count == 0) return new MatchAllDocsQuery();
        var root = new BooleanQuery();
        if (plan.Units.Count > 0) root.Add(Concepts(plan, reader, scoring), Occur.SHOULD);
        if (parsed.CodeKey is { } code) root.Add(new TermQuery(new Term(F.CodeKey, code)) { Boost = SearchWeights.Code }, Occur.SHOULD);
        if (root.Clauses.Count == 0) root.Add(new MatchAllDocsQuery(), Occur.SHOULD);
        var result = new BooleanQuery { { root, Occur.MUST } };
        foreach (var excluded in parsed.Excluded)
            result.Add(excluded.Terms.Count == 1 ? new TermQuery(new Term(LuceneText.All, excluded.Terms[0])) : SideBySide(excluded.Terms), Occur.MUST_NOT);
        return result;
    }

    /// <summary>The major concepts, enough of them required; on top, when scoring, the minor ones, the adjacent pairs
    /// and a constant for tasks holding every concept.</summary>
    private static Query Concepts(QueryPlan plan, IndexReader reader, Scoring scoring)
    {
        var major = new BooleanQuery { MinimumNumberShouldMatch = plan.Required };
        foreach (var unit in plan.Major) major.Add(Unit(unit.Unit, reader, scoring), Occur.SHOULD);
        if (!scoring.On) return major;
        var text = new BooleanQuery { { major, Occur.MUST } };
        foreach (var unit in plan.Units.Where(u => u.Minor)) text.Add(Unit(unit.Unit, reader, scoring), Occur.SHOULD);
        foreach (var (pair, _) in plan.Parsed.AdjacentPairs) text.Add(Pair(pair), Occur.SHOULD);
        if (plan.RankAllFirst)
        {
            var all = new BooleanQuery();
            foreach (var unit in plan.Units) all.Add(Unit(unit.Unit, reader, new Scoring(false)), Occur.MUST);
            text.Add(new ConstantScoreQuery(all) { Boost = SearchWeights.AllConcepts }, Occur.SHOULD);
        }
        return text;
    }

    /// <summary>A unit matches through its own words (side by side for a phrase or word, else all of them anywhere)
    /// or any alternative phrase.</summary>
    private static Query Unit(QueryUnit unit, IndexReader reader, Scoring scoring)
    {
        var own = unit.IsAdjacent || unit.Tokens.Terms.Count == 1
            ? Phrase(unit.Tokens.Terms, unit.IsAdjacent, reader, scoring)
            : AllWords(unit.Tokens.Terms, reader, scoring);
        if (unit.Alternatives.Count + unit.Narrower.Count == 0) return own;
        var options = new DisjunctionMaxQuery(0.1f) { own };
        foreach (var alternative in unit.Alternatives) options.Add(Phrase(alternative.Terms, true, reader, scoring));
        // Narrower phrases only match and weigh: without head clauses, a broad term's dozens of them cost little more
        // than one word.
        foreach (var narrower in unit.Narrower)
            options.Add(Weighed(Phrase(narrower.Terms, true, reader, new Scoring(false)), SearchWeights.Narrower));
        return options;
    }

    private static Query Weighed(Query query, float weight)
    {
        query.Boost *= weight;
        return query;
    }

    private static Query AllWords(IReadOnlyList<string> words, IndexReader reader, Scoring scoring)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words) all.Add(Phrase([word], false, reader, scoring), Occur.MUST);
        return all;
    }

    /// <summary>
    /// A word, or words side by side: required anywhere in the text (one postings list for a word, the pair terms for
    /// several), scored higher in the head. A single long word the index does not hold is a typo: it matches by one edit.
    /// </summary>
    private static Query Phrase(IReadOnlyList<string> terms, bool isPhrase, IndexReader reader, Scoring scoring)
    {
        var single = terms.Count == 1;
        var typo = !isPhrase && single && terms[0].Length >= SearchWeights.FuzzyMinLength && !Known(reader, terms[0]);
        var anywhere = single ? new TermQuery(new Term(LuceneText.All, terms[0])) : SideBySide(terms);
        if (!typo && !scoring.On) return anywhere;
        var query = new BooleanQuery(disableCoord: true) { { anywhere, typo ? Occur.SHOULD : Occur.MUST } };
        if (single) query.Add(new TermQuery(new Term(LuceneText.Head, terms[0])) { Boost = HeadWeight }, Occur.SHOULD);
        else query.Add(Pairs(LuceneText.HeadPairs, TextLayout.PairTerms(terms), HeadWeight), Occur.SHOULD);
        if (typo)
        {
            var folded = Folding.Fold(terms[0]);
            query.Add(new FuzzyQuery(new Term(LuceneText.Head, folded), 1, 1) { Boost = HeadWeight * SearchWeights.Fuzzy }, Occur.SHOULD);
            query.Add(new FuzzyQuery(new Term(LuceneText.All, folded), 1, 1) { Boost = SearchWeights.Fuzzy }, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>True when the index holds the word in some text.</summary>
    private static bool Known(IndexReader reader, string term) => reader.DocFreq(new Term(LuceneText.All, term)) > 0;

    /// <summary>Words side by side: their pair terms in the short texts or in the body (no positions read).</summary>
    private static Query SideBySide(IReadOnlyList<string> terms)
    {
        var pairs = TextLayout.PairTerms(terms);
        return new BooleanQuery(disableCoord: true)
        {
            { Pairs(LuceneText.AllPairs, pairs, 1f), Occur.SHOULD },
            { Pairs(LuceneText.BodyPairs, pairs, 1f), Occur.SHOULD },
        };
    }

    private static Query Pairs(string field, IReadOnlyList<string> pairs, float boost)
    {
        if (pairs.Count == 1) return new TermQuery(new Term(field, pairs[0])) { Boost = boost };
        var all = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var pair in pairs) all.Add(new TermQuery(new Term(field, pair)), Occur.MUST);
        return all;
    }

    /// <summary>An adjacent pair of query words found side by side in the short texts or the head: a bonus on top of
    /// the words' own matches.</summary>
    private static Query Pair(string pair) =>
        new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(LuceneText.AllPairs, pair)) { Boost = SearchWeights.Shingle }, Occur.SHOULD },
            { new TermQuery(new Term(LuceneText.HeadPairs, pair)) { Boost = HeadWeight * SearchWeights.Shingle }, Occur.SHOULD },
        };

    /// <summary>Filter sets kept with their per-segment bit sets (<see cref="CachingWrapperFilter"/>: computed once per
    /// segment core, deletions applied at search time); beyond this many the cache starts again.</summary>
    internal const int MaxCachedFilters = 256;

    private static readonly ConcurrentDictionary<string, Filter> CachedFilters = new(StringComparer.Ordinal);

    /// <summary>Filters AND-ed, values of one filter OR-ed; null when there is nothing to filter. The same set of
    /// filters gives the same cached filter, so a filter repeated across searches reads each segment once.</summary>
    public static Filter? BuildFilter(SearchFilterSet filters, Query? extra = null)
    {
        if (filters.IsEmpty && extra is null) return null;
        if (extra is not null) return Uncached(filters, extra);
        var key = FilterKey(filters);
        if (CachedFilters.TryGetValue(key, out var cached)) return cached;
        if (CachedFilters.Count >= MaxCachedFilters) CachedFilters.Clear();
        return CachedFilters.GetOrAdd(key, _ => new CachingWrapperFilter(Uncached(filters, null)));
    }

    /// <summary>An unambiguous key of a set of filters (values may hold any character the parser lets through; the
    /// separators are control characters, which it refuses).</summary>
    public static string FilterKey(SearchFilterSet filters) =>
        string.Join('\u001e', filters.Applied.Select(a => a.Filter.Name + '\u001f' + string.Join('\u001f',
            a.Values.Select(v => v.Term ?? v.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""))));

    private static Filter Uncached(SearchFilterSet filters, Query? extra)
    {
        var all = new BooleanQuery();
        foreach (var applied in filters.Applied) all.Add(FilterClause(applied), Occur.MUST);
        if (extra is not null) all.Add(extra, Occur.MUST);
        return new QueryWrapperFilter(all);
    }

    private static Query FilterClause(AppliedFilter applied)
    {
        var field = applied.Filter.IndexField;
        switch (applied.Filter.Kind)
        {
            case FilterKind.Keyword or FilterKind.Enum or FilterKind.Prefix or FilterKind.Bool:
                var any = new BooleanQuery();
                foreach (var v in applied.Values) any.Add(new TermQuery(new Term(field, v.Term)), Occur.SHOULD);
                return any;
            case FilterKind.IntRange or FilterKind.DateTimeRange:
                var n = applied.Values[0].Number!.Value;
                var atLeast = applied.Filter.Bound == RangeBound.AtLeast;
                return IsInt32(field)
                    ? NumericRangeQuery.NewInt32Range(field, atLeast ? (int)Math.Clamp(n, int.MinValue, int.MaxValue) : null,
                        atLeast ? null : (int)Math.Clamp(n, int.MinValue, int.MaxValue), true, true)
                    : NumericRangeQuery.NewInt64Range(field, atLeast ? n : null, atLeast ? null : n, true, true);
            default:
                throw new ArgumentOutOfRangeException(nameof(applied), applied.Filter.Kind, "A filter kind without a clause.");
        }
    }

    private static bool IsInt32(string field) => IndexFields.Get(field).Kind == IndexFieldKind.Int32;
}
