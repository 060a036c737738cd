using Lucene.Net.Documents;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Lucene;

public sealed class LuceneOnDiskTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "registry-index-" + Guid.NewGuid().ToString("N"));

    private LuceneSearchIndex Open() =>
        new(Options.Create(new SearchOptions { IndexDirectory = _directory, CommitInterval = TimeSpan.FromMinutes(1) }), NullLogger<LuceneSearchIndex>.Instance);

    [Fact]
    public async Task The_index_survives_a_restart()
    {
        using (var index = Open())
        {
            await index.UpsertAsync(SeededCorpus.Records.Take(20).ToList());
            await index.RemoveAsync([SeededCorpus.Records[0].Id!]);
        }
        using (var reopened = Open())
        {
            Assert.Equal(19, await reopened.CountAsync());
            var hit = (await reopened.SearchAsync(new SearchRequest { Query = SeededCorpus.Records[1].Code })).Hits[0];
            Assert.Equal(SeededCorpus.Records[1].Id, hit.Id);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public async Task An_index_of_another_layout_is_emptied_for_a_rebuild_and_the_current_one_kept(string? oldLayout)
    {
        using (var index = Open()) await index.UpsertAsync(SeededCorpus.Records.Take(5).ToList());
        using (var writer = new IndexWriter(FSDirectory.Open(_directory), new IndexWriterConfig(LuceneVersion.LUCENE_48, new VietnameseIndexAnalyzer())))
        {
            // What an index written before the layout marker (or with an older one) looks like.
            writer.AddDocument(new Document { new StringField(SearchFields.Id, "t_old", Field.Store.YES) });
            writer.SetCommitData(oldLayout is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [LuceneSearchIndex.LayoutKey] = oldLayout });
            writer.Commit();
        }
        using (var reopened = Open()) Assert.Equal(0, await reopened.CountAsync());
        using (var rebuilt = Open())
        {
            Assert.Equal(0, await rebuilt.CountAsync());
            await rebuilt.UpsertAsync(SeededCorpus.Records.Take(3).ToList());
        }
        using (var current = Open()) Assert.Equal(3, await current.CountAsync());
    }

    [Fact]
    public async Task Searches_run_while_batches_are_written()
    {
        using var index = Open();
        var writer = Task.Run(async () =>
        {
            foreach (var batch in SeededCorpus.Records.Take(60).Chunk(10)) await index.UpsertAsync(batch);
        });
        while (!writer.IsCompleted)
        {
            await Task.Yield();
            var result = await index.SearchAsync(new SearchRequest { Query = "nông nghiệp", Facets = ["field"] });
            // One consistent snapshot per search: every hit has at least one field, so facets cover the total.
            Assert.True(result.Facets["field"].Sum(b => b.Count) >= result.Total);
        }
        await writer;
        Assert.Equal(60, await index.CountAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
