using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Indexing;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Indexing;

/// <summary>Outbox items are completed only once the index change is on disk; reconciliation repairs the rest.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly ManualTime _time = new();
    private readonly InMemoryOutbox _outbox;
    private readonly FakeCatalog _catalog = new();
    private readonly string _path = System.IO.Directory.CreateTempSubdirectory("registry-durable-").FullName;
    private readonly LuceneSearchIndex _lucene;

    public DurabilityTests()
    {
        _outbox = new InMemoryOutbox(_time);
        // The timer would commit on its own; an hour keeps it out of the way.
        _lucene = new LuceneSearchIndex(FSDirectory.Open(_path), TimeSpan.FromHours(1));
    }

    private long Committed()
    {
        using var directory = FSDirectory.Open(_path);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    private OutboxIndexer Indexer(ISearchIndex index)
    {
        var services = new ServiceCollection().AddSingleton<IOutboxStore>(_outbox).AddSingleton<ITaskCatalog>(_catalog).BuildServiceProvider();
        var options = Options.Create(new SearchOptions { IndexerBatchSize = 50, IndexDirectory = _path });
        return new OutboxIndexer(services.GetRequiredService<IServiceScopeFactory>(), index, options, _time, NullLogger<OutboxIndexer>.Instance);
    }

    [Fact]
    public async Task A_drained_batch_is_committed_to_disk_before_its_items_complete()
    {
        foreach (var r in SeededCorpus.Records.Take(20))
        {
            _catalog.Published[r.Id!] = r;
            _outbox.Append(r.Id!, OutboxKind.Upsert);
        }

        Assert.Equal(20, await Indexer(_lucene).DrainOnceAsync());

        Assert.Equal(0, await _outbox.PendingCountAsync());
        Assert.Equal(20, Committed());
    }

    [Fact]
    public async Task Written_but_not_flushed_is_searchable_yet_not_on_disk()
    {
        await _lucene.UpsertAsync(SeededCorpus.Records.Take(3).ToList());
        Assert.Equal(3, await _lucene.CountAsync());
        Assert.Equal(0, Committed());

        await _lucene.FlushAsync();
        Assert.Equal(3, Committed());
    }

    [Fact]
    public async Task When_the_flush_fails_the_items_stay_pending_for_a_retry()
    {
        var record = SeededCorpus.Records[0];
        _catalog.Published[record.Id!] = record;
        _outbox.Append(record.Id!, OutboxKind.Upsert);

        Assert.Equal(-1, await Indexer(new FailingFlush(_lucene)).DrainOnceAsync());

        Assert.Equal(1, await _outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Reconciliation_adds_the_missing_updates_the_outdated_and_removes_the_unpublished()
    {
        var records = SeededCorpus.Records.Take(10).ToList();
        foreach (var r in records) _catalog.Published[r.Id!] = r;
        await _lucene.UpsertAsync(records.Skip(3).ToList());                 // 0-2 missing (lost in a crash)
        var changed = records[5] with { Title = "Đổi tên", UpdatedAt = records[5].UpdatedAt!.Value.AddMinutes(5) };
        _catalog.Published[changed.Id!] = changed;                         // 5 outdated in the index
        _catalog.Published.Remove(records[9].Id!);                         // 9 withdrawn, still indexed
        var reconciler = new SearchIndexReconciler(_lucene, _lucene, _catalog, new SearchIndexState(), NullLogger<SearchIndexReconciler>.Instance);

        var result = await reconciler.ReconcileAsync();

        Assert.Equal(new ReconcileResult(9, 3, 1, 1), result);
        var expected = _catalog.Published.Values.ToDictionary(r => r.Id!, r => r.UpdatedAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(expected.OrderBy(e => e.Key), _lucene.ReadIndexed().OrderBy(e => e.Key));
        Assert.Equal(9, Committed());
        Assert.Equal(new ReconcileResult(9, 0, 0, 0), await reconciler.ReconcileAsync());
    }

    public void Dispose()
    {
        _lucene.Dispose();
        try { System.IO.Directory.Delete(_path, recursive: true); } catch (IOException) { }
    }

    /// <summary>The engine accepts writes but cannot make them durable (a full disk at commit time).</summary>
    private sealed class FailingFlush(ISearchIndex inner) : ISearchIndex
    {
        public Task FlushAsync(CancellationToken ct = default) => throw new IOException("No space left on device");
        public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.UpsertAsync(records, ct);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.RemoveAsync(ids, ct);
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
        public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
        public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
        public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
        public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
    }
}
