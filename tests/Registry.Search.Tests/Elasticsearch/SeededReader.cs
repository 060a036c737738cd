using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>A Lucene reader over the seeded corpus: the counts and terms a cluster holding the same documents has
/// (its word and pair fields hold the same terms, its folded pairs in the <c>.f</c> sub-field).</summary>
internal static class SeededReader
{
    public static DirectoryReader Open()
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new VietnameseIndexAnalyzer())))
            foreach (var record in SeededCorpus.Records)
                writer.AddDocument(LuceneDocumentMapper.ToLucene(SearchDocument.From(record)));
        return DirectoryReader.Open(directory);
    }
}
