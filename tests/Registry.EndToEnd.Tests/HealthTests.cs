using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Indexing;

namespace Registry.EndToEnd.Tests;

[Collection(ReadOnlyHost.Name)]
public sealed class HealthTests(RegistryApiFactory factory)
{
    [Fact]
    public async Task Live_answers_200_json()
    {
        var response = await factory.Anonymous().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_the_migrated_store_and_the_search_index()
    {
        var body = await ReadyAsync(factory.Anonymous());
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("search").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(SearchIndexPhase.Rebuilding, "search index rebuilding from the store")]
    [InlineData(SearchIndexPhase.Reconciling, "search index reconciling with the store")]
    public async Task Ready_is_503_with_the_reason_while_the_index_is_rebuilt_or_reconciled_and_live_stays_200(SearchIndexPhase phase, string reason)
    {
        var client = factory.Anonymous();
        await ReadyAsync(client);
        var state = factory.Services.GetRequiredService<SearchIndexState>();
        state.Enter(phase);
        try
        {
            var response = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var search = (await response.ReadJsonAsync()).GetProperty("checks").GetProperty("search");
            Assert.Contains(reason, search.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            state.Enter(SearchIndexPhase.Ready);
        }
    }

    /// <summary>Readiness becomes 200 once the start-up reconciliation is done (a moment on an empty store).</summary>
    internal static async Task<System.Text.Json.JsonElement> ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK) return await response.ReadJsonAsync();
            Assert.True(DateTime.UtcNow < deadline, $"Never ready: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(50);
        }
    }
}

/// <summary>A host whose outbox is never drained (no indexer), with a lag limit of one change.</summary>
public sealed class LaggingIndexFactory : RegistryApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Registry:Search:ReadyMaxPending"] = "1" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        var indexer = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxIndexer));
        services.Remove(indexer);
    }
}

public sealed class LaggingReadinessTests(LaggingIndexFactory factory) : IClassFixture<LaggingIndexFactory>
{
    [Fact]
    public async Task Ready_is_503_while_the_outbox_lags_past_its_limit()
    {
        var client = factory.Anonymous();
        await HealthTests.ReadyAsync(client);
        var curator = await factory.CuratorAsync();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid())).StatusCode);

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var search = (await response.ReadJsonAsync()).GetProperty("checks").GetProperty("search");
        Assert.Equal("Unhealthy", search.GetProperty("status").GetString());
        Assert.Contains("search index lagging: 2 changes pending", search.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
