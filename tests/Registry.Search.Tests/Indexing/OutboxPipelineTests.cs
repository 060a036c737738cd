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

/// <summary>
/// The pipelined drain as a curator notices it: nothing acknowledged is lost whatever crashes, a save is
/// searchable at once even behind a large import, and an engine that fails gets every item back for a retry.
/// </summary>
public sealed class OutboxPipelineTests : IDisposable
{
    private readonly ManualTime _time = new();
    private readonly InMemoryOutbox _outbox;
    private readonly FakeCatalog _catalog = new();
    private readonly string _path = System.IO.Directory.CreateTempSubdirectory("registry-pipeline-").FullName;
    private LuceneSearchIndex _lucene;

    public OutboxPipelineTests()
    {
        _outbox = new InMemoryOutbox(_time);
        // The timer would commit on its own; an hour keeps it out of the way.
        _lucene = new LuceneSearchIndex(FSDirectory.Open(_path), TimeSpan.FromHours(1));
    }

    private OutboxIndexer Indexer(ISearchIndex index, int batchSize)
    {
        var services = new ServiceCollection().AddSingleton<IOutboxStore>(_outbox).AddSingleton<ITaskCatalog>(_catalog).BuildServiceProvider();
        var options = Options.Create(new SearchOptions { IndexerBatchSize = batchSize, IndexDirectory = _path });
        return new OutboxIndexer(services.GetRequiredService<IServiceScopeFactory>(), index, options, _time, NullLogger<OutboxIndexer>.Instance);
    }

    /// <summary>What a crash would leave: for each id, how many live documents the last commit on disk holds.</summary>
    private Dictionary<string, int> Committed(IEnumerable<string> ids)
    {
        using var directory = FSDirectory.Open(_path);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new global::Lucene.Net.Search.IndexSearcher(reader);
        return ids.ToDictionary(id => id, id => searcher.Search(new global::Lucene.Net.Search.TermQuery(new Term(SearchFields.Id, id)), 5).TotalHits);
    }

    /// <summary>Many distinct published records: the seeded corpus under fresh ids.</summary>
    private List<TaskRecord> Publish(int count, bool interactive = false)
    {
        var records = Enumerable.Range(0, count)
            .Select(i => SeededCorpus.Records[i % SeededCorpus.Records.Count] with { Id = $"t-bulk-{Guid.NewGuid():N}" })
            .ToList();
        foreach (var r in records)
        {
            _catalog.Published[r.Id!] = r;
            _outbox.Append(r.Id!, OutboxKind.Upsert, interactive);
        }
        return records;
    }

    [Fact]
    public async Task A_crash_after_the_commit_but_before_the_completion_applies_the_batch_again_without_duplicates()
    {
        var records = Publish(30);
        _outbox.FailCompletion = new IOException("process killed");

        await Assert.ThrowsAsync<IOException>(() => Indexer(_lucene, batchSize: 50).DrainAsync());
        Assert.All(Committed(records.Select(r => r.Id!)).Values, n => Assert.Equal(1, n));   // the index commit happened
        Assert.Equal(30, await _outbox.PendingCountAsync());                          // the completion did not

        // The restart: a new process opens the committed index and frees the dead process's leases.
        _lucene.Dispose();
        _lucene = new LuceneSearchIndex(FSDirectory.Open(_path), TimeSpan.FromHours(1));
        _outbox.FailCompletion = null;
        await _outbox.ReleaseAllLeasesAsync();
        Assert.Equal(30, await Indexer(_lucene, batchSize: 50).DrainAsync());

        Assert.Equal(0, await _outbox.PendingCountAsync());
        Assert.All(Committed(records.Select(r => r.Id!)).Values, n => Assert.Equal(1, n));   // each task once, not twice
        Assert.Equal(30, await _lucene.CountAsync());
    }

    [Fact]
    public async Task No_item_completes_before_the_commit_that_holds_its_change_even_with_the_next_batch_read_ahead()
    {
        var records = Publish(40);
        var bySequence = new Dictionary<long, string>();
        for (var i = 0; i < records.Count; i++) bySequence[i + 1] = records[i].Id!;
        var checkedItems = 0;
        _outbox.BeforeComplete = sequences =>
        {
            Assert.All(Committed(sequences.Select(s => bySequence[s])).Values, n => Assert.Equal(1, n));
            checkedItems += sequences.Count;
        };

        Assert.Equal(40, await Indexer(_lucene, batchSize: 7).DrainAsync());

        Assert.Equal(40, checkedItems);
        Assert.True(_outbox.Leases.Count >= 6);
        // Group commit: the six batches share commits, and each completion covers more than one batch.
        Assert.True(_outbox.Completions.Count < 6, $"{_outbox.Completions.Count} completions for 6 batches");
        Assert.Contains(_outbox.Completions, c => c.Count > 7);
    }

    [Fact]
    public async Task A_crash_between_the_writes_and_their_group_commit_leaves_every_item_pending_and_the_restart_applies_them()
    {
        var records = Publish(30);
        var crashed = System.IO.Directory.CreateTempSubdirectory("registry-crashed-").FullName;
        try
        {
            // The process dies as the group commit starts: what is on disk then is what the restart finds.
            var engine = new CrashAtCommit(_lucene, () => CopyFiles(_path, crashed));
            Assert.Equal(-1, await Indexer(engine, batchSize: 10).DrainAsync());
            Assert.True(engine.Writes >= 3);                                          // three batches written ...
            Assert.Empty(_outbox.Completions);                                          // ... none completed
            Assert.Equal(30, await _outbox.PendingCountAsync());

            using var restarted = new LuceneSearchIndex(FSDirectory.Open(crashed), TimeSpan.FromHours(1));
            Assert.Equal(0, await restarted.CountAsync());                              // nothing was committed
            await _outbox.ReleaseAllLeasesAsync();
            _time.Advance(OutboxIndexer.Backoff(5));
            Assert.Equal(30, await Indexer(restarted, batchSize: 10).DrainAsync());
            Assert.Equal(0, await _outbox.PendingCountAsync());
            Assert.Equal(records.Select(r => r.Id).Order(),
                (await restarted.SearchAsync(new SearchRequest { PageSize = 50 })).Hits.Select(h => h.Id).Order());
        }
        finally
        {
            try { System.IO.Directory.Delete(crashed, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_save_made_while_a_large_backlog_drains_is_searchable_long_before_the_backlog_is_done()
    {
        Publish(2_000);
        var saved = SeededCorpus.Records[0] with { Id = "t-curator-save", Title = "Giống chè shan tuyết mới của Phú Thọ" };
        _catalog.Published[saved.Id!] = saved;
        var writesWhenFound = -1;
        var totalWrites = 0;
        var saveQuery = new SearchRequest { Query = "chè shan tuyết mới", PageSize = 1 };
        var engine = new Watching(_lucene, async writes =>
        {
            totalWrites = writes;
            // The curator saves while the second bulk batch is being written.
            if (writes == 2) _outbox.Append(saved.Id!, OutboxKind.Upsert, interactive: true);
            if (writes > 2 && writesWhenFound < 0 && (await _lucene.SearchAsync(saveQuery)).Hits.FirstOrDefault()?.Id == saved.Id)
                writesWhenFound = writes;
        });

        Assert.Equal(2_001, await Indexer(engine, batchSize: 100).DrainAsync());

        // Searchable right after the batch being written: it joins the batch read ahead (the saves-only lease
        // between two writes) and is written first and refreshed at once, before any commit, while most of the
        // twenty bulk batches were still to come.
        Assert.True(totalWrites >= 20, $"{totalWrites} writes");
        Assert.InRange(writesWhenFound, 3, 4);
        Assert.Equal(saved.Id, (await _lucene.SearchAsync(saveQuery)).Hits[0].Id);
    }

    [Fact]
    public async Task A_save_that_withdraws_a_task_of_the_batch_read_ahead_removes_it_rather_than_indexing_the_older_read()
    {
        var records = Publish(300);
        var withdrawn = records[150].Id!;
        var engine = new Watching(_lucene, writes =>
        {
            // While the first batch is written and once the second (holding the task as published) has been read
            // ahead, a curator withdraws the task.
            if (writes == 1)
            {
                Assert.True(SpinWait.SpinUntil(() => _catalog.Reads >= 2, TimeSpan.FromSeconds(10)), "the second batch was not read ahead");
                _catalog.Published.Remove(withdrawn);
                _outbox.Append(withdrawn, OutboxKind.Remove, interactive: true);
            }
            return Task.CompletedTask;
        });

        Assert.Equal(301, await Indexer(engine, batchSize: 100).DrainAsync());

        Assert.NotEmpty(_outbox.InteractiveLeases);
        Assert.Equal(299, await _lucene.CountAsync());
        Assert.DoesNotContain(withdrawn, (await _lucene.SearchAsync(new SearchRequest { PageSize = 100, Query = records[150].Code })).Hits.Select(h => h.Id));
        Assert.Equal(0, await _outbox.PendingCountAsync());
    }

    [Fact]
    public async Task A_save_is_searchable_after_one_batch_while_a_large_import_backlog_waits()
    {
        Publish(3_000);
        var saved = SeededCorpus.Records[0] with { Id = "t-curator-save", Title = "Giống chè shan tuyết mới của Phú Thọ" };
        _catalog.Published[saved.Id!] = saved;
        _outbox.Append(saved.Id!, OutboxKind.Upsert, interactive: true);

        Assert.Equal(100, await Indexer(_lucene, batchSize: 100).DrainOnceAsync());

        var found = await _lucene.SearchAsync(new SearchRequest { Query = "chè shan tuyết mới" });
        Assert.Equal("t-curator-save", found.Hits[0].Id);
        Assert.Equal(2_901, await _outbox.PendingCountAsync());
    }

    [Fact]
    public async Task An_engine_that_fails_mid_group_gets_everything_uncommitted_back_with_a_back_off_and_the_batch_read_ahead_back_untried()
    {
        var records = Publish(30);
        var engine = new FailingOnce(_lucene, failingWrite: 2);
        var indexer = Indexer(engine, batchSize: 10);

        Assert.Equal(-1, await indexer.DrainAsync());

        // The first batch was written but its group not yet committed: it comes back with the failed one.
        Assert.Equal(30, await _outbox.PendingCountAsync());
        Assert.Empty(_outbox.Completions);
        Assert.Empty(_outbox.LeasedBy(indexer.Owner));                               // nothing held back by a lease
        Assert.Equal(["search engine unavailable"], _outbox.Errors.Distinct());
        Assert.Equal(20, _outbox.Errors.Count);                                       // the batch read ahead counts no attempt

        // The untried batch goes at once; the uncommitted ones after their back-off.
        Assert.Equal(10, await indexer.DrainAsync());
        _time.Advance(OutboxIndexer.Backoff(1));
        Assert.Equal(20, await indexer.DrainAsync());
        Assert.Equal(0, await _outbox.PendingCountAsync());
        Assert.Equal(records.Select(r => r.Id).Order(), (await _lucene.SearchAsync(new SearchRequest { PageSize = 50 })).Hits.Select(h => h.Id).Order());
    }

    public void Dispose()
    {
        _lucene.Dispose();
        try { System.IO.Directory.Delete(_path, recursive: true); } catch (IOException) { }
    }

    private static void CopyFiles(string from, string to)
    {
        foreach (var file in System.IO.Directory.GetFiles(from))
            if (!file.EndsWith("write.lock", StringComparison.Ordinal)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>An engine that takes writes and, at the first commit, "dies": <c>crash</c> captures the disk first.</summary>
    private sealed class CrashAtCommit(ISearchIndex inner, Action crash) : ISearchIndex
    {
        public int Writes;

        public Task WriteAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Writes);
            return inner.WriteAsync(upserts, removals, ct);
        }
        public Task FlushAsync(CancellationToken ct = default)
        {
            crash();
            throw new IOException("process killed");
        }
        public Task RefreshAsync(CancellationToken ct = default) => inner.RefreshAsync(ct);
        public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.UpsertAsync(records, ct);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.RemoveAsync(ids, ct);
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
        public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
        public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
        public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
        public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
    }

    /// <summary>The engine, with <c>afterWrite</c> called with the number of writes so far after each one.</summary>
    private sealed class Watching(ISearchIndex inner, Func<int, Task> afterWrite) : ISearchIndex
    {
        private int _writes;

        public async Task WriteAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default)
        {
            await inner.WriteAsync(upserts, removals, ct);
            await afterWrite(Interlocked.Increment(ref _writes));
        }
        public Task RefreshAsync(CancellationToken ct = default) => inner.RefreshAsync(ct);
        public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);
        public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.UpsertAsync(records, ct);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.RemoveAsync(ids, ct);
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
        public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
        public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
        public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
        public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
    }

    /// <summary>An engine whose <c>failingWrite</c>-th batch write fails (down for a moment), the others succeed.</summary>
    private sealed class FailingOnce(ISearchIndex inner, int failingWrite) : ISearchIndex
    {
        private int _writes;

        public Task ApplyAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
            Interlocked.Increment(ref _writes) == failingWrite ? throw new HttpRequestException("search engine unavailable") : inner.ApplyAsync(upserts, removals, ct);
        public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => ApplyAsync(records, [], ct);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => ApplyAsync([], ids, ct);
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
        public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
        public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);
        public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
        public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
        public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
    }
}
