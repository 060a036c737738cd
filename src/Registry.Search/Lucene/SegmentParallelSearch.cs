using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Runs one search on every core: the index's documents are cut into as many equal doc-id ranges as there are
/// cores (a range may span segments or cover part of one), each range is scored into its own top-N collector and
/// facet counter, then the tops are merged by the sort and the counts added. A query matching most of a large
/// index (common words, facets over everything) is bound by how many documents it visits, so latency falls
/// with the number of cores; indexes too small to gain are searched on the calling thread. When other searches
/// are already running (a busy server), the cores are taken anyway and splitting would only add overhead, so
/// the search runs on the calling thread too. The extra counting passes of multi-select facets (<see cref="Count"/>)
/// are split the same way.
/// </summary>
internal static class SegmentParallelSearch
{
    private static int s_running;

    public static (TopDocs Top, FacetCollector Counts) Search(IndexSearcher searcher, Query query, Filter? filter, Sort sort,
        int n, FieldDoc? after, IReadOnlyList<SearchFacet> facets, SearchParallelism parallelism, bool trackScores = true)
    {
        TopFieldCollector[]? tops = null;
        var counts = Run(searcher, query, filter, facets, parallelism, (i, count, ranges) =>
        {
            tops ??= new TopFieldCollector[ranges];
            tops[i] = TopFieldCollector.Create(sort, n, after, true, trackScores, false, true);
            return MultiCollector.Wrap(tops[i], count);
        });
        var top = tops!.Length == 1 ? tops[0].GetTopDocs() : TopDocs.Merge(sort, n, tops.Select(t => (TopDocs)t.GetTopDocs()).ToArray());
        return (top, counts);
    }

    /// <summary>A search whose multi-select facet passes are counted in the same pass (<see cref="SidewaysPlan"/>):
    /// the query runs under the plan's base filter; the pass counters come back in the plan's order.</summary>
    public static (TopDocs Top, FacetCollector Counts, FacetCollector[] Passes) SearchSideways(IndexSearcher searcher, Query query,
        SidewaysPlan plan, Sort sort, int n, FieldDoc? after, IReadOnlyList<SearchFacet> facets, SearchParallelism parallelism, bool trackScores)
    {
        TopFieldCollector[]? tops = null;
        FacetCollector[][]? passes = null;
        var counts = Run(searcher, query, plan.BaseFilter, facets, parallelism, (i, count, ranges) =>
        {
            tops ??= new TopFieldCollector[ranges];
            passes ??= new FacetCollector[ranges][];
            tops[i] = TopFieldCollector.Create(sort, n, after, true, trackScores, false, true);
            passes[i] = plan.Passes.Select(p => new FacetCollector(p.Facets)).ToArray();
            return new SidewaysCollector(MultiCollector.Wrap(tops[i], count), passes[i], plan);
        });
        var top = tops!.Length == 1 ? tops[0].GetTopDocs() : TopDocs.Merge(sort, n, tops.Select(t => (TopDocs)t.GetTopDocs()).ToArray());
        for (var r = 1; r < passes!.Length; r++)
            for (var p = 0; p < plan.Passes.Count; p++) passes[0][p].Add(passes[r][p]);
        return (top, counts, passes[0]);
    }

    /// <summary>Counts the facets over every match without collecting hits: the extra pass of a facet whose own
    /// filter is left out (see <see cref="DisjunctiveFacets"/>), split across cores like a search.</summary>
    public static FacetCollector Count(IndexSearcher searcher, Query query, Filter? filter, IReadOnlyList<SearchFacet> facets,
        SearchParallelism parallelism) =>
        Run(searcher, query, filter, facets, parallelism, (_, count, _) => count);

    /// <param name="collectorFor">Range index, that range's facet counter, number of ranges → the collector to score into.</param>
    private static FacetCollector Run(IndexSearcher searcher, Query query, Filter? filter, IReadOnlyList<SearchFacet> facets,
        SearchParallelism parallelism, Func<int, FacetCollector, int, ICollector> collectorFor)
    {
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var alone = Interlocked.Increment(ref s_running) == 1;
        try
        {
            var ranges = Ranges(searcher.IndexReader, alone || parallelism.EvenWhenBusy ? parallelism.MaxRanges : 1, parallelism.MinDocsPerRange);
            var counts = new FacetCollector[ranges.Count];
            var collectors = new ICollector[ranges.Count];
            // Collectors are made up front, on this thread, so callers may keep per-range state without locks.
            for (var i = 0; i < ranges.Count; i++) collectors[i] = collectorFor(i, counts[i] = new FacetCollector(facets), ranges.Count);
            void ScoreRange(int i) { foreach (var piece in ranges[i]) Score(weight, collectors[i], piece); }
            if (ranges.Count == 1) ScoreRange(0);
            else Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = ranges.Count }, ScoreRange);
            for (var i = 1; i < counts.Length; i++) counts[0].Add(counts[i]);
            return counts[0];
        }
        finally
        {
            Interlocked.Decrement(ref s_running);
        }
    }

    private readonly record struct Piece(AtomicReaderContext Leaf, int Start, int End);

    /// <summary>Scores the documents of one segment in [Start, End) (segment-local ids) into the collector.</summary>
    private static void Score(Weight weight, ICollector collector, Piece piece)
    {
        collector.SetNextReader(piece.Leaf);
        var scorer = weight.GetScorer(piece.Leaf, piece.Leaf.AtomicReader.LiveDocs);
        if (scorer is null) return;
        collector.SetScorer(scorer);
        var doc = piece.Start == 0 ? scorer.NextDoc() : scorer.Advance(piece.Start);
        while (doc < piece.End)
        {
            collector.Collect(doc);
            doc = scorer.NextDoc();
        }
    }

    /// <summary>Up to <paramref name="most"/> contiguous doc-id ranges of equal size, each as per-segment pieces.</summary>
    private static List<List<Piece>> Ranges(IndexReader reader, int most, int minDocs)
    {
        var total = reader.MaxDoc;
        var count = Math.Clamp(total / Math.Max(1, minDocs), 1, Math.Max(1, most));
        var ranges = new List<List<Piece>>(count);
        for (var r = 0; r < count; r++)
        {
            var (from, to) = ((int)((long)total * r / count), (int)((long)total * (r + 1) / count));
            var pieces = new List<Piece>();
            foreach (var leaf in reader.Leaves)
            {
                var (start, end) = (Math.Max(from, leaf.DocBase), Math.Min(to, leaf.DocBase + leaf.AtomicReader.MaxDoc));
                if (start < end) pieces.Add(new Piece(leaf, start - leaf.DocBase, end - leaf.DocBase));
            }
            ranges.Add(pieces);
        }
        return ranges;
    }
}

/// <summary>How a search is split across threads (see <see cref="SegmentParallelSearch"/>).</summary>
/// <param name="MaxRanges">At most this many ranges (threads); the number of cores by default.</param>
/// <param name="MinDocsPerRange">Below this many documents per range a second thread costs more than it saves.</param>
/// <param name="EvenWhenBusy">Split even while other searches run (tests use it to exercise the merge).</param>
internal sealed record SearchParallelism(int MaxRanges, int MinDocsPerRange, bool EvenWhenBusy = false)
{
    public static readonly SearchParallelism Default = new(Environment.ProcessorCount, 16_384);
}
