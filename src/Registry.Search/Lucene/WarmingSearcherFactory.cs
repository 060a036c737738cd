using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Registry.Search.Lucene;

/// <summary>
/// Builds the in-memory suggestion structure and the decoded facet ordinals of every new segment when a searcher opens (after a write batch or
/// a rebuild), on the writer's side, so no one typing in the search box waits for it. Segments already seen are
/// found in the structure's cache, so a reopen pays only for the segments it adds.
/// </summary>
internal sealed class WarmingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            SuggestionSegment.For(leaf.AtomicReader);
            FacetOrdinals.Warm(leaf.AtomicReader);
            SortedSegmentOrder.Warm(leaf.AtomicReader);
        }
        return base.NewSearcher(reader);
    }
}

