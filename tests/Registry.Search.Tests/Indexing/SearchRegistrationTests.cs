using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Search.Indexing;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Indexing;

public sealed class SearchRegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "registry-search-" + Guid.NewGuid().ToString("N"));

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create("Registry:Search:" + v.Key, v.Value))).Build();

    private ServiceProvider Build(IConfiguration config, FakeCatalog? catalog = null, InMemoryOutbox? outbox = null) =>
        new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IOutboxStore>(outbox ?? new InMemoryOutbox(TimeProvider.System))
            .AddSingleton<ITaskCatalog>(catalog ?? new FakeCatalog())
            .AddRegistrySearch(config)
            .BuildServiceProvider();

    [Fact]
    public async Task Lucene_is_the_default_and_the_indexer_runs_as_a_hosted_service()
    {
        var catalog = new FakeCatalog();
        var outbox = new InMemoryOutbox(TimeProvider.System);
        await using var provider = Build(Config(("IndexDirectory", _directory)), catalog, outbox);
        Assert.IsType<LuceneSearchIndex>(provider.GetRequiredService<ISearchIndex>());
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.IsType<OutboxIndexer>(hosted);

        var record = SeededCorpus.Records[0];
        catalog.Published[record.Id!] = record;
        outbox.Append(record.Id!, OutboxKind.Upsert);
        await hosted.StartAsync(CancellationToken.None);
        // Wait (bounded) for the background loop to drain the item: this checks that it runs, not how fast.
        for (var i = 0; i < 600 && await outbox.PendingCountAsync() > 0; i++) await Task.Delay(50);
        await hosted.StopAsync(CancellationToken.None);
        Assert.Equal(0, await outbox.PendingCountAsync());
        Assert.Equal(1, await provider.GetRequiredService<ISearchIndex>().CountAsync());
        Assert.NotNull(provider.CreateScope().ServiceProvider.GetRequiredService<SearchReindexer>());
    }

    [Fact]
    public async Task A_change_listener_is_told_after_every_change_of_the_index_and_not_after_reads()
    {
        var listener = new CountingListener();
        await using var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IOutboxStore>(new InMemoryOutbox(TimeProvider.System))
            .AddSingleton<ITaskCatalog>(new FakeCatalog())
            .AddRegistrySearch(Config(("IndexDirectory", _directory)))
            .AddSingleton<ISearchIndexChangeListener>(listener)
            .BuildServiceProvider();
        var index = provider.GetRequiredService<ISearchIndex>();
        var record = SeededCorpus.Records[0];

        await index.UpsertAsync([record]);
        await index.SearchAsync(new SearchRequest());
        await index.CountAsync();
        Assert.Equal(1, listener.Changes);
        await index.RemoveAsync([record.Id!]);
        await index.ResetAsync();
        Assert.Equal(3, listener.Changes);
        await using (var build = await index.BeginRebuildAsync())
        {
            await build.AddAsync([record]);
            Assert.Equal(3, listener.Changes);
            await build.CompleteAsync();
        }
        Assert.Equal(4, listener.Changes);
        Assert.Equal(1, await index.CountAsync());
    }

    private sealed class CountingListener : ISearchIndexChangeListener
    {
        public int Changes { get; private set; }

        public ValueTask IndexChangedAsync()
        {
            Changes++;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Missing_or_bad_settings_fail_validation_with_a_clear_message()
    {
        await using var noEngine = Build(Config(("IndexDirectory", _directory), ("Provider", "7")));
        Assert.Contains("Provider", Assert.Throws<OptionsValidationException>(() => noEngine.GetRequiredService<IOptions<SearchOptions>>().Value).Message);
        await using var noDirectory = Build(Config());
        var error = Assert.Throws<OptionsValidationException>(() => noDirectory.GetRequiredService<IOptions<SearchOptions>>().Value);
        Assert.Contains("IndexDirectory", error.Message);
        await using var badInterval = Build(Config(("IndexDirectory", _directory), ("IndexerBatchSize", "0")));
        Assert.Throws<OptionsValidationException>(() => badInterval.GetRequiredService<IOptions<SearchOptions>>().Value);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
