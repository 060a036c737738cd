using Elastic.Clients.Elasticsearch;
using Registry.Search.Elasticsearch;
using Registry.Search.Model;
using Registry.Search.Tests.Behaviour;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Elasticsearch.Live;

/// <summary>
/// Indexes on a real cluster (<c>REGISTRY_TEST_ELASTICSEARCH</c>, e.g. <c>http://localhost:9200</c>), each under its
/// own random prefix and deleted afterwards. Nothing touches the cluster until a test asks for an index, so the
/// fixture is harmless when the tests are skipped.
/// </summary>
public sealed class ElasticsearchLiveCluster : IAsyncLifetime
{
    public const string Variable = "REGISTRY_TEST_ELASTICSEARCH";
    private readonly List<(ElasticsearchClient Client, string Alias)> _created = [];
    private readonly Lazy<ElasticsearchSearchIndex> _seeded;

    public ElasticsearchLiveCluster() => _seeded = new(() =>
    {
        var index = CreateAsync().GetAwaiter().GetResult();
        index.UpsertAsync(SeededCorpus.Records).GetAwaiter().GetResult();
        return index;
    });

    public ElasticsearchSearchIndex Seeded => _seeded.Value;

    public async Task<ElasticsearchSearchIndex> CreateAsync()
    {
        var options = new ElasticsearchOptions
        {
            Url = Environment.GetEnvironmentVariable(Variable),
            IndexPrefix = "registry-test-" + Guid.NewGuid().ToString("N")[..12],
            ApiKey = Environment.GetEnvironmentVariable(Variable + "_APIKEY"),
        };
        var client = ElasticsearchRegistration.CreateClient(options);
        var index = new ElasticsearchSearchIndex(client, options);
        lock (_created) _created.Add((client, index.Alias));
        await index.EnsureIndexAsync();
        return index;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Deletes every index a test created (by name: wildcard deletes are refused by default).</summary>
    public async Task DisposeAsync()
    {
        foreach (var (client, alias) in _created)
        {
            var indexes = await client.Indices.GetAsync(alias + "-v*");
            foreach (var name in indexes.Indices?.Keys ?? []) await client.Indices.DeleteAsync(name);
        }
    }
}

[RequiresEnvironment(ElasticsearchLiveCluster.Variable, "Runs the shared search behaviour suite against a real Elasticsearch cluster")]
public sealed class ElasticsearchLiveBehaviourTests(ElasticsearchLiveCluster cluster) : SearchIndexBehaviour, IClassFixture<ElasticsearchLiveCluster>
{
    protected override ISearchIndex Seeded => cluster.Seeded;

    protected override async Task<ISearchIndex> CreateEmptyAsync() => await cluster.CreateAsync();
}
