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

public sealed class OutboxIndexerTests : IDisposable
{
    private readonly ManualTime _time = new();
    private readonly InMemoryOutbox _outbox;
    private readonly FakeCatalog _catalog = new();
    private readonly LuceneSearchIndex _lucene = new(new RAMDirectory(), TimeSpan.FromSeconds(5));

    public OutboxIndexerTests() => _outbox = new InMemoryOutbox(_time);

    private OutboxIndexer Indexer(ISearchIndex index, int batchSize = 5)
    {
        var services = new ServiceCollection()
            .AddSingleton<IOutboxStore>(_outbox)
            .AddSingleton<ITaskCatalog>(_catalog)
            .BuildServiceProvider();
        var options = Options.Create(new SearchOptions { IndexerBatchSize = batchSize, IndexDirectory = "unused" });
        return new OutboxIndexer(services.GetRequiredService<IServiceScopeFactory>(), index, options, _time, NullLogger<OutboxIndexer>.Instance);
    }

    private void Publish(TaskRecord record)
    {
        _catalog.Published[record.Id!] = record;
        _outbox.Append(record.Id!, OutboxKind.Upsert);
    }

    private void Withdraw(string id)
    {
        _catalog.Published.Remove(id);
        _outbox.Append(id, OutboxKind.Remove);
    }

    [Fact]
    public async Task An_engine_that_fails_for_a_while_loses_nothing()
    {
        var records = SeededCorpus.Records.Take(12).ToList();
        foreach (var r in records) Publish(r);
        Withdraw(records[3].Id!);
        var indexer = Indexer(new FlakyIndex(_lucene, failures: 4));
        for (var round = 0; round < 40 && await _outbox.PendingCountAsync() > 0; round++)
        {
            await indexer.DrainOnceAsync();
            _time.Advance(TimeSpan.FromSeconds(31));   // past the longest back-off
        }
        Assert.Equal(0, await _outbox.PendingCountAsync());
        Assert.Contains("search engine unavailable", _outbox.Errors);
        Assert.Equal(11, await _lucene.CountAsync());
        var all = await _lucene.SearchAsync(new SearchRequest { PageSize = 50 });
        Assert.Equal(records.Where((_, i) => i != 3).Select(r => r.Id).Order(), all.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Failed_items_wait_for_their_back_off_before_the_retry()
    {
        Publish(SeededCorpus.Records[0]);
        var indexer = Indexer(new FlakyIndex(_lucene, failures: 1));
        Assert.Equal(-1, await indexer.DrainOnceAsync());
        Assert.Equal(0, await indexer.DrainOnceAsync());          // not due yet
        _time.Advance(OutboxIndexer.Backoff(1));
        Assert.Equal(1, await indexer.DrainOnceAsync());
        Assert.Equal(1, await _lucene.CountAsync());
    }

    [Fact]
    public async Task Withdrawn_tasks_leave_the_index()
    {
        var record = SeededCorpus.Records[0];
        Publish(record);
        var indexer = Indexer(_lucene);
        await indexer.DrainOnceAsync();
        Assert.Single((await _lucene.SearchAsync(new SearchRequest { Query = record.Code })).Hits);
        Withdraw(record.Id!);
        await indexer.DrainOnceAsync();
        Assert.Equal(0, await _lucene.CountAsync());
        Assert.Empty((await _lucene.SearchAsync(new SearchRequest { Query = record.Code })).Hits);
    }

    [Fact]
    public async Task The_latest_state_wins_whatever_the_order_of_changes()
    {
        var record = SeededCorpus.Records[0];
        Publish(record);
        Withdraw(record.Id!);
        Publish(record with { Title = "Tiêu đề đã sửa về cây mắc ca" });
        await Indexer(_lucene).DrainOnceAsync();
        Assert.Single((await _lucene.SearchAsync(new SearchRequest { Query = "mắc ca" })).Hits);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 1)]
    [InlineData(4, 4)]
    [InlineData(7, 30)]
    [InlineData(50, 30)]
    public void Back_off_doubles_and_is_capped(int attempts, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxIndexer.Backoff(attempts));

    [Fact]
    public async Task Reindex_rebuilds_from_the_catalogue_and_reports_progress()
    {
        await _lucene.UpsertAsync([SeededCorpus.Records[^1]]);   // stale: not in the catalogue any more
        foreach (var r in SeededCorpus.Records.Take(1200 / 10)) _catalog.Published[r.Id!] = r;
        var reports = new List<(int Done, int Total)>();
        var reindexer = new SearchReindexer(_lucene, _catalog, NullLogger<SearchReindexer>.Instance);
        var count = await reindexer.RebuildAsync(new SyncProgress(reports.Add));
        Assert.Equal(120, count);
        Assert.Equal(120, await _lucene.CountAsync());
        Assert.Equal((120, 120), reports[^1]);
        Assert.Equal((0, 120), reports[0]);
    }

    public void Dispose() => _lucene.Dispose();

    /// <summary><see cref="Progress{T}"/> posts asynchronously; tests need the reports in order, now.</summary>
    private sealed class SyncProgress(Action<(int, int)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
