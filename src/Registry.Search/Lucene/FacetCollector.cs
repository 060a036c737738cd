using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Counts every matching document (the exact total) and, per requested facet, the documents per value. Counts
/// are kept by segment ordinal, read from the segment's decoded <see cref="FacetOrdinals"/>, and turned into
/// strings when the segment ends, so collecting is array reads and increments. Several collectors may count
/// disjoint parts of the same search (see <see cref="SegmentParallelSearch"/>); <see cref="Add"/> merges them.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<SearchFacet> facets) : ICollector
{
    private readonly Dictionary<string, long>[] _totals = facets.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly FacetOrdinals?[] _ordinals = new FacetOrdinals?[facets.Count];
    private readonly int[]?[] _ordCounts = new int[]?[facets.Count];
    private AtomicReader? _segment;

    public long TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = context.AtomicReader;
        for (var i = 0; i < facets.Count; i++)
        {
            var ordinals = FacetOrdinals.For(_segment, facets[i].IndexField);
            _ordinals[i] = ordinals;
            _ordCounts[i] = ordinals is null ? null : new int[ordinals.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        TotalHits++;
        for (var i = 0; i < _ordinals.Length; i++) _ordinals[i]?.Count(doc, _ordCounts[i]!);
    }

    /// <summary>Adds one segment's matches counted elsewhere (see <see cref="SegmentBrowse"/>): their number and,
    /// per facet, the counts by the segment's ordinals.</summary>
    public void AddSegment(AtomicReader segment, int hits, Func<SearchFacet, int[]?> countsOf)
    {
        FlushSegment();
        TotalHits += hits;
        if (hits == 0) return;
        _segment = segment;
        for (var i = 0; i < facets.Count; i++) _ordCounts[i] = countsOf(facets[i]);
        // The counts are shared by every browse of the segment: FlushSegment only reads them.
        FlushSegment();
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

    /// <summary>Turns the segment's ordinal counts into value counts (ordinals are only meaningful per segment).</summary>
    private void FlushSegment()
    {
        if (_segment is null) return;
        var term = new BytesRef();
        for (var i = 0; i < facets.Count; i++)
        {
            if (_ordCounts[i] is not { } counts) continue;
            var values = _segment.GetSortedSetDocValues(facets[i].IndexField);
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
            _ordinals[i] = null;
            _ordCounts[i] = null;
        }
        _segment = null;
    }
}
