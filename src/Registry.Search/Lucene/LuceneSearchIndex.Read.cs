using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Registry.Data.Records;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <summary>Frequent words that say nothing about what a task is about, left out of "related" queries.</summary>
    private static readonly string[] RelatedStopWords =
        ["va", "cua", "cac", "cho", "trong", "tai", "tren", "nhung", "mot", "la", "co", "duoc", "voi", "de", "den", "tu",
         "nghien", "cuu", "ung", "dung", "tinh", "phu", "tho", "thuc", "hien", "xay", "dia", "ban", "nham", "theo"];

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        var parsed = QueryText.Parse(request.Query);
        var filter = LuceneQueryBuilder.BuildFilter(request.Filters);
        var sort = LuceneSorting.Build(request.Sort, hasQuery: !parsed.IsEmpty);
        var after = request.Cursor is null ? null : LuceneSorting.Decode(request.Cursor, request.Sort, sort);
        var facets = request.Facets.Select(n => SearchFacets.Find(n)
            ?? throw new InvalidSearchRequestException("facets", $"Không có facet '{n}' (unknown facet).")).Distinct().ToList();
        var size = request.ClampedPageSize;
        return Task.FromResult(WithSearcher(searcher =>
        {
            var plan = QueryPlan.Build(parsed, new LuceneTermStatistics(searcher.IndexReader));
            var result = Search(searcher, plan, request, filter, sort, after, facets, size);
            // Nothing holds enough of the concepts: ask for one fewer at a time, and say so. A later page of a relaxed
            // search finds the stricter plans empty again, so its cursor goes to the same relaxed plan.
            if (result.Total == 0)
                foreach (var loose in plan.Relaxations())
                {
                    var relaxed = Search(searcher, loose, request, filter, sort, after, facets, size);
                    if (relaxed.Total == 0) continue;
                    result = relaxed with { Relaxed = true };
                    break;
                }
            return result with { Suggestion = MarkSuggestion.Suggest(request.Query, parsed, result.Hits.Select(h => h.Record)) };
        }));
    }

    private SearchResult Search(IndexSearcher searcher, QueryPlan plan, SearchRequest request, Filter? filter, Sort sort, FieldDoc? after,
        IReadOnlyList<SearchFacet> facets, int size)
    {
        // Scores are computed only when they order the hits; counting passes and field sorts only match.
        var scored = request.Sort.Field == SortBy.Relevance && !plan.IsEmpty;
        var query = LuceneQueryBuilder.Build(plan, searcher.IndexReader, scored);
        // One extra hit tells whether there is a next page.
        var (main, extra) = DisjunctiveFacets.Plan(facets, request.Filters);
        if (Browsing && plan.IsEmpty && plan.Parsed.Excluded.Count == 0) return Browse(searcher, request, filter, sort, after, facets, main, extra, size);
        if (extra.Count > 0 && Sideways && SidewaysPlan.For(request.Filters, extra) is { } sideways)
            return SearchSideways(searcher, plan, request, query, sideways, sort, after, facets, main, size, scored);
        var (top, counter) = SegmentParallelSearch.Search(searcher, query, filter, sort, size + 1, after, main, Parallelism, scored);
        var (hits, next) = Page(searcher, top.ScoreDocs, size, request, request.Highlight ? plan.Parsed.HighlightTerms : []);
        return new SearchResult(counter.TotalHits, hits, next, FacetCounts(searcher, scored ? null : query, plan, facets, counter, extra));
    }

    /// <summary>Whether multi-select facets are counted in the scored pass (<see cref="SidewaysPlan"/>); tests turn
    /// it off to compare with one counting pass per group.</summary>
    internal bool Sideways { get; set; } = true;

    private SearchResult SearchSideways(IndexSearcher searcher, QueryPlan plan, SearchRequest request, Query query, SidewaysPlan sideways,
        Sort sort, FieldDoc? after, IReadOnlyList<SearchFacet> facets, IReadOnlyList<SearchFacet> main, int size, bool scored)
    {
        var (top, counter, passes) = SegmentParallelSearch.SearchSideways(searcher, query, sideways, sort, size + 1, after, main, Parallelism, scored);
        var (hits, next) = Page(searcher, top.ScoreDocs, size, request, request.Highlight ? plan.Parsed.HighlightTerms : []);
        return new SearchResult(counter.TotalHits, hits, next, Combine(facets, counter, passes));
    }

    /// <summary>Whether searches without words use the per-segment browse caches (<see cref="SegmentBrowse"/>);
    /// tests turn it off to compare with a full pass.</summary>
    internal bool Browsing { get; set; } = true;

    private static long s_browses;

    /// <summary>Searches answered by <see cref="Browse"/> since the process started (tests check the path is taken).</summary>
    internal static long Browses => Interlocked.Read(ref s_browses);

    /// <summary>A search without words: totals and facet counts summed from each segment's cached counts, the page
    /// from each segment's documents in sort order, stopping early.</summary>
    private SearchResult Browse(IndexSearcher searcher, SearchRequest request, Filter? filter, Sort sort, FieldDoc? after,
        IReadOnlyList<SearchFacet> facets, IReadOnlyList<SearchFacet> main, IReadOnlyList<FacetPass> extra, int size)
    {
        Interlocked.Increment(ref s_browses);
        var reader = searcher.IndexReader;
        var key = LuceneQueryBuilder.FilterKey(request.Filters);
        var counter = new FacetCollector(main);
        SegmentBrowse.Count(reader, key, filter, counter);
        var (hits, next) = Page(searcher, SegmentBrowse.Top(reader, key, filter, sort, size + 1, after).ScoreDocs, size, request, []);
        var passes = extra.Select(pass =>
        {
            var counts = new FacetCollector(pass.Facets);
            SegmentBrowse.Count(reader, LuceneQueryBuilder.FilterKey(pass.Filters), LuceneQueryBuilder.BuildFilter(pass.Filters), counts);
            return counts;
        });
        return new SearchResult(counter.TotalHits, hits, next, Combine(facets, counter, passes));
    }

    /// <summary>The page's hits from the top <paramref name="size"/> + 1 documents, and the cursor of the next page
    /// when the extra one says there is one.</summary>
    private (List<SearchHit> Hits, string? Next) Page(IndexSearcher searcher, ScoreDoc[] docs, int size, SearchRequest request, IReadOnlyList<string> highlight)
    {
        var page = docs.Take(size).Cast<FieldDoc>().ToList();
        var hits = page.Select(d => ToHit(searcher, d, highlight)).ToList();
        return (hits, docs.Length > size ? LuceneSorting.Encode(request.Sort, page[^1]) : null);
    }

    /// <summary>Every requested facet's buckets, in the request's order: from the main pass, or from the pass of
    /// the group whose own filter it leaves out.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Combine(IReadOnlyList<SearchFacet> facets, FacetCollector main,
        IEnumerable<FacetCollector> passes)
    {
        var counted = new Dictionary<string, IReadOnlyList<FacetBucket>>(main.Result());
        foreach (var pass in passes)
            foreach (var (name, buckets) in pass.Result()) counted[name] = buckets;
        return facets.ToDictionary(f => f.Name, f => counted[f.Name]);
    }

    /// <summary>The main pass's facet counts plus one counting pass per group of facets whose own filter is set.</summary>
    /// <param name="matching">The main pass's query when it already only matches; built here, once, when a pass needs it.</param>
    private IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> FacetCounts(IndexSearcher searcher, Query? matching, QueryPlan plan,
        IReadOnlyList<SearchFacet> facets, FacetCollector main, IReadOnlyList<FacetPass> extra)
    {
        if (extra.Count == 0) return main.Result();
        var query = matching ?? LuceneQueryBuilder.Build(plan, searcher.IndexReader, scored: false);
        return Combine(facets, main, extra.Select(pass =>
            SegmentParallelSearch.Count(searcher, query, LuceneQueryBuilder.BuildFilter(pass.Filters), pass.Facets, Parallelism)));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) =>
        Task.FromResult(WithSearcher(s => Suggestions.Find(s.IndexReader, prefix ?? "", Math.Clamp(max, 0, 10))));

    public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) =>
        Task.FromResult(WithSearcher<IReadOnlyList<SearchHit>>(searcher =>
        {
            var found = searcher.Search(new TermQuery(new Term(F.Id, id)), 1).ScoreDocs;
            if (found.Length == 0 || max <= 0) return [];
            var record = Load(searcher, found[0].Doc);
            var related = RelatedQuery(searcher.IndexReader, SearchDocument.From(record));
            var top = searcher.Search(related, Math.Clamp(max, 1, 50)).ScoreDocs;
            return top.Select(d => ToHit(searcher, d, [])).ToList();
        }));

    private Query RelatedQuery(IndexReader reader, SearchDocument document)
    {
        var mlt = new MoreLikeThis(reader)
        {
            Analyzer = _analyzer,
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 2,
            MaxQueryTerms = 20,
            StopWords = RelatedStopWords.ToHashSet(),
        };
        var query = new BooleanQuery();
        AddLike(query, mlt, document.Title, 2f);
        AddLike(query, mlt, string.Join(" . ", document.Keywords), 1.5f);
        AddLike(query, mlt, document.Summary, 1f);
        foreach (var sector in document.Sectors) query.Add(new TermQuery(new Term(F.Sector, sector)) { Boost = 0.5f }, Occur.SHOULD);
        var result = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term(F.Id, document.Id)), Occur.MUST_NOT } };
        return result;
    }

    /// <summary>The text's most telling folded words, looked up in all text (the folded analysis names the form).</summary>
    private static void AddLike(BooleanQuery query, MoreLikeThis mlt, string text, float boost)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        mlt.FieldNames = [LuceneText.All];
        var like = mlt.Like(new StringReader(text), F.Title + F.FoldedSuffix);
        like.Boost = boost;
        if (like is BooleanQuery { Clauses.Count: > 0 } or not BooleanQuery) query.Add(like, Occur.SHOULD);
    }

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc doc, IReadOnlyList<string> highlightTerms)
    {
        var record = Load(searcher, doc.Doc);
        var highlights = highlightTerms.Count == 0
            ? new Dictionary<string, IReadOnlyList<string>>()
            : _highlighter.Highlight(record, highlightTerms);
        var score = float.IsNaN(doc.Score) ? 0 : doc.Score;
        return new SearchHit(record.Id!, score, highlights, record);
    }

    private static TaskRecord Load(IndexSearcher searcher, int doc)
    {
        var stored = searcher.Doc(doc, new HashSet<string> { F.Source });
        return JsonSerializer.Deserialize<TaskRecord>(stored.Get(F.Source), RegistryJson.Options)!;
    }
}
