using Lucene.Net.Util;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

public sealed partial class LuceneSearchIndex : ISearchIndexInventory
{
    /// <summary>
    /// Reads ids and change times from the doc values every document carries (sorting uses them), so listing
    /// 100,000 tasks touches two columns and loads no stored record.
    /// </summary>
    public Dictionary<string, long> ReadIndexed()
    {
        lock (_gate)
        {
            if (!_rebuilding) _manager.MaybeRefreshBlocking();
        }
        return WithSearcher(searcher =>
        {
            var indexed = new Dictionary<string, long>(searcher.IndexReader.NumDocs, StringComparer.Ordinal);
            var id = new BytesRef();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var ids = reader.GetSortedDocValues(F.Id);
                if (ids is null) continue;
                var updated = reader.GetNumericDocValues(F.UpdatedAt);
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc)) continue;
                    ids.Get(doc, id);
                    indexed[id.Utf8ToString()] = updated?.Get(doc) ?? 0;
                }
            }
            return indexed;
        });
    }
}
