using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Counts every matching document (the exact total) and, per requested facet, the documents per value of its
/// doc-values field. Counts are kept by segment ordinal and turned into strings when the segment ends, so
/// collecting stays allocation-free. Facets that hold one value per document (level, kind, status, year,
/// organisation) are stored by the codec as single-valued, and read through <see cref="SortedDocValues.GetOrd"/>,
/// one array lookup, instead of the multi-valued iterator. Several collectors may count disjoint parts of the
/// same search (see <see cref="SegmentParallelSearch"/>); <see cref="Add"/> merges them.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<SearchFacet> facets) : ICollector
{
    private readonly Dictionary<string, long>[] _totals = facets.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _multi = new SortedSetDocValues?[facets.Count];
    private readonly SortedDocValues?[] _single = new SortedDocValues?[facets.Count];
    private readonly int[]?[] _ordCounts = new int[]?[facets.Count];

    public long TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < facets.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(facets[i].IndexField);
            if (values is null) continue;
            _single[i] = DocValues.UnwrapSingleton(values);
            _multi[i] = _single[i] is null ? values : null;
            _ordCounts[i] = new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        TotalHits++;
        for (var i = 0; i < _ordCounts.Length; i++)
        {
            var counts = _ordCounts[i];
            if (counts is null) continue;
            if (_single[i] is { } single)
            {
                var ord = single.GetOrd(doc);
                if (ord >= 0) counts[ord]++;
                continue;
            }
            var values = _multi[i]!;
            values.SetDocument(doc);
            long next;
            while ((next = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[next]++;
        }
    }

    /// <summary>Adds the counts of a collector that saw other documents of the same search.</summary>
    public void Add(FacetCollector other)
    {
        FlushSegment();
        other.FlushSegment();
        TotalHits += other.TotalHits;
        for (var i = 0; i < _totals.Length; i++)
            foreach (var (key, count) in other._totals[i]) _totals[i][key] = _totals[i].GetValueOrDefault(key) + count;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Result()
    {
        FlushSegment();
        return facets.Select((f, i) => (f, i)).ToDictionary(x => x.f.Name, x => SearchFacets.ToBuckets(x.f, _totals[x.i]));
    }

    private void FlushSegment()
    {
        var term = new BytesRef();
        for (var i = 0; i < facets.Count; i++)
        {
            if (_ordCounts[i] is not { } counts) continue;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                if (_single[i] is { } single) single.LookupOrd(ord, term);
                else _multi[i]!.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
            _single[i] = null;
            _multi[i] = null;
            _ordCounts[i] = null;
        }
    }
}
