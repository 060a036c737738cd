using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Multi-select facet counts in the scored pass itself (what Lucene calls drill sideways), instead of one more
/// counting pass over the query per group of filtered facets (<see cref="DisjunctiveFacets"/>). The query runs under
/// the filters no facet owns; per match, each filter some pass leaves out is checked against its cached per-segment
/// bit set (<see cref="SegmentBrowse.Bits"/>). A match passing every filter is a hit (page, total, the main facets)
/// and counts for every pass; one failing only filters that a pass leaves out counts for that pass alone. The counts
/// are those of the separate passes, exactly: a pass counts the matches of the query under its own filters.
/// </summary>
internal sealed class SidewaysPlan
{
    private SidewaysPlan(Filter? baseFilter, string[] keys, Filter[] dropped, int[] ignores, IReadOnlyList<FacetPass> passes)
    {
        BaseFilter = baseFilter;
        Keys = keys;
        Dropped = dropped;
        Ignores = ignores;
        Passes = passes;
    }

    /// <summary>The filters every match must pass (those no pass leaves out).</summary>
    public Filter? BaseFilter { get; }

    public string[] Keys { get; }

    /// <summary>Each filter some pass leaves out, on its own.</summary>
    public Filter[] Dropped { get; }

    /// <summary>Per pass, the bits of the <see cref="Dropped"/> filters it leaves out.</summary>
    public int[] Ignores { get; }

    public IReadOnlyList<FacetPass> Passes { get; }

    /// <summary>The plan, or null when there are too many filters to track in a mask (never with today's filters).</summary>
    public static SidewaysPlan? For(SearchFilterSet filters, IReadOnlyList<FacetPass> passes)
    {
        var dropped = filters.Applied.Where(a => passes.Any(p => !p.Filters.Has(a.Filter))).ToList();
        if (dropped.Count > 30) return null;
        var sets = dropped.Select(a => filters.Only(f => f == a.Filter)).ToList();
        var ignores = passes.Select(p => dropped.Select((a, i) => p.Filters.Has(a.Filter) ? 0 : 1 << i).Sum()).ToArray();
        var rest = filters.Without(f => dropped.Any(a => a.Filter == f));
        return new SidewaysPlan(LuceneQueryBuilder.BuildFilter(rest), sets.Select(LuceneQueryBuilder.FilterKey).ToArray(),
            sets.Select(s => LuceneQueryBuilder.BuildFilter(s)!).ToArray(), ignores, passes);
    }
}

/// <summary>Sends a match to the hit collector when it passes every dropped filter, and to each pass's counter when
/// it passes the dropped filters that pass keeps.</summary>
internal sealed class SidewaysCollector(ICollector hits, FacetCollector[] passes, SidewaysPlan plan) : ICollector
{
    private readonly FixedBitSet[] _bits = new FixedBitSet[plan.Dropped.Length];

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        hits.SetNextReader(context);
        foreach (var pass in passes) pass.SetNextReader(context);
        for (var i = 0; i < _bits.Length; i++) _bits[i] = SegmentBrowse.Bits(context, plan.Keys[i], plan.Dropped[i]);
    }

    public void Collect(int doc)
    {
        var failed = 0;
        for (var i = 0; i < _bits.Length; i++)
            if (!_bits[i].Get(doc)) failed |= 1 << i;
        if (failed == 0) hits.Collect(doc);
        for (var p = 0; p < passes.Length; p++)
            if ((failed & ~plan.Ignores[p]) == 0) passes[p].Collect(doc);
    }
}
