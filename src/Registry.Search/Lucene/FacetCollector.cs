using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Counts every matching document (the exact total) and, per requested facet, the documents per value of its
/// <see cref="SortedSetDocValues"/> field. Counts are kept by segment ordinal and turned into strings when the
/// segment ends, so collecting stays allocation-free.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<SearchFacet> facets) : ICollector
{
    private readonly Dictionary<string, long>[] _totals = facets.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[facets.Count];
    private readonly long[]?[] _ordCounts = new long[]?[facets.Count];

    public long TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < facets.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(facets[i].IndexField);
            _values[i] = values;
            _ordCounts[i] = values is null ? null : new long[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        TotalHits++;
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _ordCounts[i]![ord]++;
        }
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
            if (_values[i] is not { } values || _ordCounts[i] is not { } counts) continue;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
            _values[i] = null;
            _ordCounts[i] = null;
        }
    }
}
