using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using LuceneSortField = global::Lucene.Net.Search.SortField;

namespace Registry.Search.Lucene;

/// <summary>
/// Browsing (no words, only filters, a sort and facets) without visiting every document per request. Segments
/// never change, so per segment reader (a new reader whenever its deletions change) and set of filters the matching
/// documents, their number and their facet counts are computed once and kept while the reader lives: a browse's
/// exact total and facet counts are then sums over a few dozen segments. The page comes from each segment's documents
/// in the order of the sort (<see cref="SortedSegmentOrder"/>, the equivalent of index sorting): a segment's walk stops
/// after the page's worth of matching documents (early termination), then the segments' pages are merged by the sort,
/// as a top-N collector over every document would have ordered them.
/// </summary>
internal static class SegmentBrowse
{
    /// <summary>Filter sets kept per segment reader; beyond it the segment's cache starts again (a crawler walking
    /// every filter combination cannot grow memory without bound: a million tasks cost 125 kB per set).</summary>
    internal const int MaxFilterSetsPerSegment = 128;

    private static readonly ConditionalWeakTable<AtomicReader, ConcurrentDictionary<string, Lazy<SegmentMatches>>> Cache = new();

    /// <summary>Total and facet counts of every live document passing <paramref name="filter"/>, added to <paramref name="counts"/>.</summary>
    public static void Count(IndexReader reader, string filterKey, Filter? filter, FacetCollector counts)
    {
        foreach (var leaf in reader.Leaves)
        {
            var matches = Matches(leaf, filterKey, filter);
            counts.AddSegment(leaf.AtomicReader, matches.Count, matches.FacetCounts);
        }
    }

    /// <summary>The first <paramref name="n"/> documents passing the filter in the order of <paramref name="sort"/>
    /// (a field, then the id) after <paramref name="after"/>, as a <see cref="TopFieldCollector"/> would return them.</summary>
    public static TopDocs Top(IndexReader reader, string filterKey, Filter? filter, Sort sort, int n, FieldDoc? after)
    {
        var fields = sort.GetSort();
        var primary = fields[0];
        var shards = new List<TopDocs>();
        foreach (var leaf in reader.Leaves)
        {
            var matches = Matches(leaf, filterKey, filter);
            if (matches.Count == 0) continue;
            var order = SortedSegmentOrder.For(leaf.AtomicReader, primary.Field, primary.IsReverse);
            var docs = order.Walk(leaf, matches.Docs, n, after, primary.Type);
            if (docs.Length > 0) shards.Add(new TopFieldDocs(matches.Count, docs, fields, float.NaN));
        }
        if (shards.Count == 0) return new TopFieldDocs(0, [], fields, float.NaN);
        return shards.Count == 1 ? shards[0] : TopDocs.Merge(sort, n, [.. shards]);
    }

    /// <summary>The segment's live documents passing the filter, as a bit set (cached like a browse's).</summary>
    public static FixedBitSet Bits(AtomicReaderContext leaf, string filterKey, Filter? filter) => Matches(leaf, filterKey, filter).Docs;

    private static SegmentMatches Matches(AtomicReaderContext leaf, string filterKey, Filter? filter)
    {
        var segment = Cache.GetValue(leaf.AtomicReader, _ => new ConcurrentDictionary<string, Lazy<SegmentMatches>>(StringComparer.Ordinal));
        if (segment.Count >= MaxFilterSetsPerSegment && !segment.ContainsKey(filterKey)) segment.Clear();
        return segment.GetOrAdd(filterKey, _ => new Lazy<SegmentMatches>(() => SegmentMatches.Compute(leaf, filter))).Value;
    }

    /// <summary>For tests: forgets every segment's cached matches (as a new reader would).</summary>
    internal static void Clear(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) Cache.Remove(leaf.AtomicReader);
    }
}

/// <summary>The live documents of one segment reader that pass one set of filters, and their facet counts by
/// ordinal (computed on first use, facet by facet).</summary>
internal sealed class SegmentMatches
{
    private readonly AtomicReader _reader;
    private readonly ConcurrentDictionary<string, Lazy<int[]?>> _facets = new(StringComparer.Ordinal);

    private SegmentMatches(AtomicReader reader, FixedBitSet docs, int count)
    {
        _reader = reader;
        Docs = docs;
        Count = count;
    }

    public FixedBitSet Docs { get; }

    public int Count { get; }

    /// <summary>Counts per ordinal of the facet's field in this segment, or null when no document has the field.</summary>
    public int[]? FacetCounts(SearchFacet facet) =>
        _facets.GetOrAdd(facet.IndexField, field => new Lazy<int[]?>(() =>
        {
            var ordinals = FacetOrdinals.For(_reader, field);
            if (ordinals is null) return null;
            var counts = new int[ordinals.ValueCount];
            var docs = Docs;
            for (var doc = docs.NextSetBit(0); doc >= 0; doc = doc + 1 < docs.Length ? docs.NextSetBit(doc + 1) : -1)
                ordinals.Count(doc, counts);
            return counts;
        })).Value;

    public static SegmentMatches Compute(AtomicReaderContext leaf, Filter? filter)
    {
        var reader = leaf.AtomicReader;
        var docs = new FixedBitSet(reader.MaxDoc);
        var live = reader.LiveDocs;
        if (filter is null)
        {
            for (var doc = 0; doc < reader.MaxDoc; doc++)
                if (live is null || live.Get(doc)) docs.Set(doc);
        }
        else if (filter.GetDocIdSet(leaf, live)?.GetIterator() is { } iterator)
        {
            for (var doc = iterator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.NextDoc()) docs.Set(doc);
        }
        return new SegmentMatches(reader, docs, docs.Cardinality);
    }
}

/// <summary>
/// One segment's documents in the order of one sort field (then the id, ascending, as <see cref="LuceneSorting"/>
/// breaks ties), built once per segment core, field and direction and kept while the segment lives: 12 bytes per
/// document (the order and the values).
/// Walking it in order and stopping after the page's worth of matches is what a segment sorted by the field would
/// allow, for every sort field and direction at once.
/// </summary>
internal sealed class SortedSegmentOrder
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string, bool), Lazy<SortedSegmentOrder>>> Cache = new();

    private readonly int[] _docs;
    private readonly long[] _values;
    private readonly bool _descending;

    private SortedSegmentOrder(int[] docs, long[] values, bool descending)
    {
        _docs = docs;
        _values = values;
        _descending = descending;
    }

    public static SortedSegmentOrder For(AtomicReader reader, string field, bool descending) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<(string, bool), Lazy<SortedSegmentOrder>>())
            .GetOrAdd((field, descending), key => new Lazy<SortedSegmentOrder>(() => Build(reader, key.Item1, key.Item2))).Value;

    /// <summary>Builds the orders a browse without words uses most (newest first, last changed first) for a new segment.</summary>
    public static void Warm(AtomicReader reader)
    {
        if (reader.GetSortedDocValues(F.Id) is null) return;
        For(reader, IndexFields.SortedBy(SortBy.Newest).Name, descending: true);
        For(reader, IndexFields.SortedBy(SortBy.Updated).Name, descending: true);
    }

    private static SortedSegmentOrder Build(AtomicReader reader, string field, bool descending)
    {
        var maxDoc = reader.MaxDoc;
        var numbers = reader.GetNumericDocValues(field);
        var ids = reader.GetSortedDocValues(F.Id) ?? throw new InvalidOperationException($"The segment has no doc values for {F.Id}.");
        var values = new long[maxDoc];
        var keys = new Key[maxDoc];
        var docs = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            // A document without the value sorts as 0, as Lucene's numeric comparators read it.
            values[doc] = numbers?.Get(doc) ?? 0;
            keys[doc] = new Key(descending ? -values[doc] : values[doc], descending && values[doc] == long.MinValue, ids.GetOrd(doc));
            docs[doc] = doc;
        }
        Array.Sort(keys, docs);
        return new SortedSegmentOrder(docs, values, descending);
    }

    /// <summary>Up to <paramref name="n"/> documents of <paramref name="matches"/> in order, after the cursor's position.</summary>
    public FieldDoc[] Walk(AtomicReaderContext leaf, FixedBitSet matches, int n, FieldDoc? after, SortFieldType type)
    {
        // Doc values readers are not shared between threads: this thread's own, from the segment.
        var ids = leaf.AtomicReader.GetSortedDocValues(F.Id);
        var result = new List<FieldDoc>(Math.Min(n, 64));
        var start = after is null ? 0 : FirstAfter(after, ids);
        for (var i = start; i < _docs.Length && result.Count < n; i++)
        {
            var doc = _docs[i];
            if (!matches.Get(doc)) continue;
            var id = new BytesRef();
            ids.Get(doc, id);
            object value = type == SortFieldType.INT32 ? J2N.Numerics.Int32.GetInstance((int)_values[doc]) : J2N.Numerics.Int64.GetInstance(_values[doc]);
            result.Add(new FieldDoc(leaf.DocBase + doc, float.NaN, [value, id]));
        }
        return [.. result];
    }

    /// <summary>The position of the first document strictly after the cursor's (value, id).</summary>
    private int FirstAfter(FieldDoc after, SortedDocValues ids)
    {
        var value = after.Fields[0] switch
        {
            J2N.Numerics.Int32 i => i.ToInt32(),
            J2N.Numerics.Int64 l => l.ToInt64(),
            _ => throw new InvalidOperationException("A field sort's cursor holds a number first."),
        };
        var id = (BytesRef)after.Fields[1]!;
        var (low, high) = (0, _docs.Length);
        var scratch = new BytesRef();
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (IsAtOrBefore(_docs[mid], value, id, ids, scratch)) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>True when the document sorts at or before the cursor.</summary>
    private bool IsAtOrBefore(int doc, long value, BytesRef id, SortedDocValues ids, BytesRef scratch)
    {
        var byValue = _values[doc].CompareTo(value);
        if (_descending) byValue = -byValue;
        if (byValue != 0) return byValue < 0;
        ids.Get(doc, scratch);
        return scratch.CompareTo(id) <= 0;
    }

    /// <summary>Orders by the (possibly negated) value, then the id's ordinal in the segment, which is the id's order.</summary>
    private readonly record struct Key(long Value, bool Overflow, int IdOrd) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            // long.MinValue cannot be negated; descending it sorts last, after every negated value.
            if (Overflow != other.Overflow) return Overflow ? 1 : -1;
            var byValue = Value.CompareTo(other.Value);
            return byValue != 0 ? byValue : IdOrd.CompareTo(other.IdOrd);
        }
    }
}
