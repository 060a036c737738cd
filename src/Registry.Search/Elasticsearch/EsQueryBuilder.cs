using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using L = Registry.Search.Model.TextLayout;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// The Elasticsearch form of <c>LuceneQueryBuilder</c>, clause for clause, over the same fields (<see cref="TextLayout"/>):
/// every word is looked up as typed (<see cref="TokenPhrase.Terms"/>) in all text, which holds both forms of every
/// word, so a word typed with marks matches that spelling and a word typed without them every spelling; words side by
/// side match through their pair terms (original pairs when typed with marks, the folded sub-field when not, positions
/// when a pair mixes both). The major concepts decide the match (<see cref="QueryPlan.Required"/>); minor concepts, the
/// head (<see cref="SearchWeights.Head"/>), adjacent pairs and the all-concepts tier only add to the score; an exact
/// task code comes above everything; fuzzy (one edit), weakly, only for words of five letters or more the statistics
/// say the index lacks. Query text never reaches <c>query_string</c>: it arrives as a plan of terms analysed in C#.
/// Filters go to non-scoring <c>filter</c> clauses.
/// </summary>
internal static class EsQueryBuilder
{
    private const float HeadWeight = SearchWeights.Head;

    /// <summary>The whole query: the plan's text (or match_all) and the request's filters.</summary>
    /// <param name="stats">The statistics the plan was built from, to tell typos from known words.</param>
    /// <param name="scored">False when only the set of matches matters (a sort by a field): the clauses that only add
    /// to scores are left out and the query is wrapped in a constant score.</param>
    /// <param name="vietnameseWords">When scoring, adds the never-required clause on the plugin's words
    /// (<see cref="EsVietnameseWords.Clause"/>).</param>
    public static Query Build(QueryPlan plan, ITermStatistics stats, SearchFilterSet filters, bool scored = true, bool vietnameseWords = false)
    {
        var text = Text(plan, stats, scored);
        if (scored && vietnameseWords && plan.Units.Count > 0 && EsVietnameseWords.Clause(plan.Parsed) is { } words)
            text = new BoolQuery { Must = [text], Should = [words] };
        return filters.IsEmpty ? text : new BoolQuery { Must = [text], Filter = Filters(filters) };
    }

    public static Query Text(QueryPlan plan, ITermStatistics stats, bool scored = true)
    {
        var query = Text(plan, stats, new Scoring(scored));
        return scored || query.VariantName == "match_all" ? query : new ConstantScoreQuery(query);
    }

    /// <summary>Whether the query being built scores (see <see cref="Text(QueryPlan, ITermStatistics, bool)"/>).</summary>
    private readonly record struct Scoring(bool On);

    private static Query Text(QueryPlan plan, ITermStatistics stats, Scoring scoring)
    {
        var parsed = plan.Parsed;
        if (parsed.IsEmpty && parsed.Excluded.Count == 0) return new MatchAllQuery();
        var root = new List<Query>();
        if (plan.Units.Count > 0) root.Add(Concepts(plan, stats, scoring));
        if (parsed.CodeKey is { } code) root.Add(new TermQuery(F.CodeKey, code) { Boost = SearchWeights.Code });
        if (root.Count == 0) root.Add(new MatchAllQuery());
        var excluded = parsed.Excluded.Select(p => p.Terms.Count == 1 ? new TermQuery(L.All, p.Terms[0]) : SideBySide(p.Terms)).ToList();
        return new BoolQuery
        {
            Must = [root.Count == 1 ? root[0] : new BoolQuery { Should = root }],
            MustNot = excluded.Count == 0 ? null : excluded,
        };
    }

    /// <summary>The major concepts, enough of them required; on top, when scoring, the minor ones, the adjacent pairs
    /// and a constant for tasks holding every concept.</summary>
    private static Query Concepts(QueryPlan plan, ITermStatistics stats, Scoring scoring)
    {
        var major = new BoolQuery
        {
            Should = plan.Major.Select(u => Unit(u.Unit, stats, scoring)).ToList(),
            MinimumShouldMatch = plan.Required,
        };
        if (!scoring.On) return major;
        var bonus = plan.Units.Where(u => u.Minor).Select(u => Unit(u.Unit, stats, scoring)).ToList();
        bonus.AddRange(plan.Parsed.AdjacentPairs.Select(p => Pair(p.Original)).OfType<Query>());
        if (plan.RankAllFirst)
            bonus.Add(new ConstantScoreQuery(new BoolQuery { Must = plan.Units.Select(u => Unit(u.Unit, stats, new Scoring(false))).ToList() })
            {
                Boost = SearchWeights.AllConcepts,
            });
        return bonus.Count == 0 ? major : new BoolQuery { Must = [major], Should = bonus };
    }

    /// <summary>A unit matches through its own words (side by side for a phrase or word, else all of them anywhere)
    /// or any alternative phrase.</summary>
    private static Query Unit(QueryUnit unit, ITermStatistics stats, Scoring scoring)
    {
        var own = unit.IsAdjacent || unit.Tokens.Terms.Count == 1
            ? Phrase(unit.Tokens.Terms, unit.IsAdjacent, stats, scoring)
            : new BoolQuery { Must = unit.Tokens.Terms.Select(w => Phrase([w], false, stats, scoring)).ToList() };
        if (unit.Alternatives.Count + unit.Narrower.Count == 0) return own;
        // Narrower phrases only match and weigh (no head clauses), as in the Lucene engine.
        var narrower = unit.Narrower.Select(n => Weighed(Phrase(n.Terms, true, stats, new Scoring(false)), SearchWeights.Narrower));
        return new DisMaxQuery
        {
            TieBreaker = 0.1,
            Queries = unit.Alternatives.Select(a => Phrase(a.Terms, true, stats, scoring)).Prepend(own).Concat(narrower).ToList(),
        };
    }

    /// <summary>
    /// A word, or words side by side: required anywhere in the text (one term for a word, the pair terms for several),
    /// scored higher in the head. A single long word the index does not hold is a typo: it matches by one edit.
    /// </summary>
    private static Query Phrase(IReadOnlyList<string> terms, bool isPhrase, ITermStatistics stats, Scoring scoring)
    {
        var single = terms.Count == 1;
        var typo = !isPhrase && single && terms[0].Length >= SearchWeights.FuzzyMinLength && stats.DocFreq(terms) == 0;
        Query anywhere = single ? new TermQuery(L.All, terms[0]) : SideBySide(terms);
        if (!typo && !scoring.On) return anywhere;
        var should = new List<Query>();
        if (single) should.Add(new TermQuery(L.Head, terms[0]) { Boost = HeadWeight });
        else should.Add(Pairs(L.HeadPairs, L.PairTerms(terms), HeadWeight));
        if (typo)
        {
            var folded = Folding.Fold(terms[0]);
            should.Add(Fuzzy(L.Head, folded, HeadWeight * SearchWeights.Fuzzy));
            should.Add(Fuzzy(L.All, folded, SearchWeights.Fuzzy));
            should.Insert(0, anywhere);
            return new BoolQuery { Should = should };
        }
        return new BoolQuery { Must = [anywhere], Should = should };
    }

    /// <summary>A query weighed by a factor (a narrower phrase of a broad term).</summary>
    private static Query Weighed(Query query, float weight) => new BoolQuery { Must = [query], Boost = weight };

    private static FuzzyQuery Fuzzy(string field, string folded, float boost) =>
        new(field, folded) { Fuzziness = new Fuzziness(1), PrefixLength = 1, Boost = boost };

    /// <summary>Words side by side: their pair terms in the short texts or in the body.</summary>
    private static Query SideBySide(IReadOnlyList<string> terms)
    {
        var pairs = L.PairTerms(terms);
        return new BoolQuery { Should = [Pairs(L.AllPairs, pairs, null), Pairs(L.BodyPairs, pairs, null)] };
    }

    /// <summary>Every pair term in one pair field (the original or the folded form, by how the pair was typed).</summary>
    private static Query Pairs(string field, IReadOnlyList<string> pairs, float? boost)
    {
        if (pairs.Count == 1) return new TermQuery(EsAnalysis.PairField(field, pairs[0]), pairs[0]) { Boost = boost };
        return new BoolQuery { Boost = boost, Must = pairs.Select(p => (Query)new TermQuery(EsAnalysis.PairField(field, p), p)).ToList() };
    }

    /// <summary>An adjacent pair of query words found side by side in the short texts or the head: a bonus on top of
    /// the words' own matches.</summary>
    private static Query Pair(string pair) =>
        new BoolQuery
        {
            Should =
            [
                new TermQuery(EsAnalysis.PairField(L.AllPairs, pair), pair) { Boost = SearchWeights.Shingle },
                new TermQuery(EsAnalysis.PairField(L.HeadPairs, pair), pair) { Boost = HeadWeight * SearchWeights.Shingle },
            ],
        };

    /// <summary>Filters AND-ed, values of one filter OR-ed, none of them scoring.</summary>
    public static List<Query> Filters(SearchFilterSet filters) => filters.Applied.Select(Filter).ToList();

    /// <remarks>The field filter needs no prefix query: <see cref="F.FieldPrefix"/> holds every prefix of every
    /// code ("40101" → "4", "401", "40101"), so a term on "4" selects all agricultural sciences.</remarks>
    private static Query Filter(AppliedFilter applied)
    {
        var field = applied.Filter.IndexField;
        return applied.Filter.Kind switch
        {
            FilterKind.Keyword or FilterKind.Enum or FilterKind.Prefix or FilterKind.Bool =>
                new TermsQuery { Field = field, Terms = new TermsQueryField(applied.Values.Select(v => FieldValue.String(v.Term!)).ToList()) },
            FilterKind.IntRange or FilterKind.DateTimeRange => applied.Filter.Bound == RangeBound.AtLeast
                ? new LongNumberRangeQuery(field) { Gte = applied.Values[0].Number!.Value }
                : new LongNumberRangeQuery(field) { Lte = applied.Values[0].Number!.Value },
            _ => throw new ArgumentOutOfRangeException(nameof(applied), applied.Filter.Kind, "A filter kind without a clause."),
        };
    }
}
