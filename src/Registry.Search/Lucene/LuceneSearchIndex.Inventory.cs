using Lucene.Net.Index;
using Lucene.Net.Util;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

public sealed partial class LuceneSearchIndex : ISearchIndexInventory
{
    public Dictionary<string, long> ReadIndexed()
    {
        lock (_gate)
        {
            if (!_rebuilding) _manager.MaybeRefreshBlocking();
        }
        return WithSearcher(searcher => ReadIndexed(searcher.IndexReader));
    }

    /// <summary>
    /// Ids and change times of the live documents of <paramref name="reader"/>, from the doc values every document
    /// carries (sorting uses them): listing 100,000 tasks touches two columns and loads no stored record. Public so
    /// a crash test can read what an index directory holds on disk.
    /// </summary>
    public static Dictionary<string, long> ReadIndexed(IndexReader reader)
    {
        var indexed = new Dictionary<string, long>(reader.NumDocs, StringComparer.Ordinal);
        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var ids = segment.GetSortedDocValues(F.Id);
            if (ids is null) continue;
            var updated = segment.GetNumericDocValues(F.UpdatedAt);
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, id);
                indexed[id.Utf8ToString()] = updated?.Get(doc) ?? 0;
            }
        }
        return indexed;
    }
}
