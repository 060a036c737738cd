using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Search.Elasticsearch;
using Registry.Search.Model;
using Registry.Search.Tests.Indexing;

namespace Registry.Search.Tests.Elasticsearch;

public sealed class EsRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string? Value)[] values) =>
        new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IOutboxStore>(new InMemoryOutbox(TimeProvider.System))
            .AddSingleton<ITaskCatalog>(new FakeCatalog())
            .AddRegistrySearch(new ConfigurationBuilder()
                .AddInMemoryCollection(values.Select(v => KeyValuePair.Create("Registry:Search:" + v.Key, v.Value)))
                .Build())
            .BuildServiceProvider();

    [Fact]
    public async Task The_provider_setting_selects_the_elasticsearch_engine_with_its_settings()
    {
        await using var provider = Build(("Provider", "Elasticsearch"), ("Elasticsearch:Url", "https://search.internal:9200"),
            ("Elasticsearch:IndexPrefix", "phutho"), ("Elasticsearch:ApiKey", "a2V5OnNlY3JldA=="));
        var index = Assert.IsType<ElasticsearchSearchIndex>(provider.GetRequiredService<ISearchIndex>());
        Assert.Equal("phutho-tasks", index.Alias);
        var options = provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;
        Assert.Equal("a2V5OnNlY3JldA==", options.ApiKey);
        Assert.Equal(1000, options.BulkBatchSize);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is ElasticsearchStartup);
    }

    [Fact]
    public async Task A_missing_url_stops_the_start_with_one_message_naming_the_setting()
    {
        await using var provider = Build(("Provider", "Elasticsearch"));
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var message = Assert.Single(error.Failures);
        Assert.Contains(ElasticsearchOptions.UrlMessage, message);
    }

    [Fact]
    public void The_client_refuses_a_missing_url_with_the_same_message()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ElasticsearchRegistration.CreateClient(new ElasticsearchOptions()));
        Assert.Equal([ElasticsearchOptions.UrlMessage], error.Failures);
    }

    [Theory]
    [InlineData("ftp://x", "registry", null, null, null, "Url")]
    [InlineData("http://es:9200", "Registry!", null, null, null, "IndexPrefix")]
    [InlineData("http://es:9200", "registry", "key", "elastic", "pw", "ApiKey")]
    [InlineData("http://es:9200", "registry", null, "elastic", null, "Password")]
    public void Bad_settings_are_explained(string url, string prefix, string? apiKey, string? user, string? password, string member)
    {
        var options = new ElasticsearchOptions { Url = url, IndexPrefix = prefix, ApiKey = apiKey, Username = user, Password = password };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(member));
    }

    [Fact]
    public void Good_settings_pass()
    {
        var options = new ElasticsearchOptions { Url = "https://es:9200", IndexPrefix = "registry-staging", Username = "elastic", Password = "pw" };
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public async Task An_unreachable_cluster_at_start_does_not_stop_the_host()
    {
        var cluster = new FakeCluster().On("GET", "/_alias/registry-tasks", (502, "{}"));
        var index = cluster.Index();
        var startup = new ElasticsearchStartup(index, Microsoft.Extensions.Logging.Abstractions.NullLogger<ElasticsearchStartup>.Instance);
        await startup.StartAsync(CancellationToken.None);
        Assert.Single(cluster.All("GET", "/_alias/"));
        await Assert.ThrowsAsync<ElasticsearchIndexException>(() => index.CountAsync());
    }
}
