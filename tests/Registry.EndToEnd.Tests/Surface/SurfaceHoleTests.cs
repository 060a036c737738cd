using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Api.Tests.Builders;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Surface;

/// <summary>The host with every output-cache eviction counted.</summary>
public sealed class EvictionCountingFactory : RegistryApiFactory
{
    public int Evictions => _evictions;
    private int _evictions;

    protected override void ConfigureServices(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => new Counting(
            (IOutputCacheStore)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
            () => Interlocked.Increment(ref _evictions)));
    }

    private sealed class Counting(IOutputCacheStore inner, Action counted) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            counted();
            return inner.EvictByTagAsync(tag, cancellationToken);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}

/// <summary>GraphQL logs and visibility, cache eviction on writes only, concurrent organisation creation.</summary>
public sealed class SurfaceHoleTests(EvictionCountingFactory factory) : IClassFixture<EvictionCountingFactory>
{
    private static async Task<HttpResponseMessage> PostGraphQL(HttpClient client, string query, object? variables = null) =>
        await client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"));

    private async Task WaitForIndexAsync()
    {
        var outbox = factory.Services.GetRequiredService<IOutboxStore>();
        for (var i = 0; i < 400 && await outbox.PendingCountAsync() > 0; i++) await Task.Delay(50);
        await Task.Delay(200); // the indexer's own eviction follows its last batch
    }

    [Fact]
    public async Task A_refused_graphql_mutation_leaves_no_trace_of_its_document_or_variables_in_the_logs()
    {
        var marker = $"BIMAT{Guid.NewGuid():N}";
        var curator = await factory.CuratorAsync();
        var input = new { code = "X-1", title = $"Tuyệt mật {marker}", securityClassification = "topSecret" };
        // Past the limit (MAX_DEPTH from the analyser) and past the parser's own nesting limit (its exception quotes the document).
        foreach (var depth in new[] { 6, 60 })
        {
            var selection = "title";
            for (var n = 0; n < depth; n++) selection = $"hostOrganization {{ tasks(first: 1) {{ nodes {{ {selection} }} }} }}";
            var inline = $"mutation {{ createTask(input: {{ code: \"X-1\", title: \"Tuyệt mật {marker}\", securityClassification: topSecret }}) {{ task {{ {selection} }} }} }}";
            var viaVariables = $"mutation($input: TaskInput!) {{ createTask(input: $input) {{ task {{ {selection} }} }} }} # {marker}";
            foreach (var (document, variables) in new (string, object?)[] { (inline, null), (viaVariables, new { input }) })
            {
                var response = await PostGraphQL(curator, document, variables);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("MAX_DEPTH", await response.Content.ReadAsStringAsync());
            }
        }

        var syntax = await PostGraphQL(curator, $"mutation {{ createTask(input: {{ title: \"{marker}\" ", new { input });
        Assert.Equal(HttpStatusCode.BadRequest, syntax.StatusCode);
        var invalid = await PostGraphQL(curator, $"query {{ nope_{marker} }}", new { secret = marker });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var get = await factory.Anonymous().GetAsync($"/graphql?query={Uri.EscapeDataString($"{{ x_{marker} }}")}&variables={Uri.EscapeDataString($"{{\"v\":\"{marker}\"}}")}");
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);

        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("GraphQL errors MAX_DEPTH for operation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organization_without_published_tasks_is_not_found_in_graphql_as_in_rest()
    {
        var curator = await factory.CuratorAsync();
        var name = $"Viện chỉ có bản nháp {Guid.NewGuid():N}";
        var draft = TaskRecordBuilder.Valid() with { HostOrganization = new OrganizationRef { Name = name, Type = OrganizationType.ResearchInstitute } };
        var created = await (await curator.PostRecordAsync("/api/v1/tasks", draft)).ReadJsonAsync();
        var taskId = created.GetProperty("task").GetProperty("id").GetString()!;
        var orgId = created.GetProperty("task").GetProperty("hostOrganization").GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync($"/api/v1/organizations/{orgId}")).StatusCode);
        var hidden = await (await PostGraphQL(factory.Anonymous(), "query($id: ID!) { organization(id: $id) { id name } }", new { id = orgId })).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("data").GetProperty("organization").ValueKind);

        (await curator.PostAsync($"/api/v1/tasks/{taskId}/publish", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/organizations/{orgId}")).StatusCode);
        var shown = await (await PostGraphQL(factory.Anonymous(), "query($id: ID!) { organization(id: $id) { id name } }", new { id = orgId })).ReadJsonAsync();
        Assert.Equal(name, shown.GetProperty("data").GetProperty("organization").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Anonymous_read_only_posts_do_not_evict_the_cache_and_a_successful_write_does()
    {
        var curator = await factory.CuratorAsync();
        await WaitForIndexAsync();
        var before = factory.Evictions;
        var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await PostGraphQL(anonymous, "{ fields { code } }")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/oai", new FormUrlEncodedContent([new("verb", "Identify")]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostGraphQL(curator, "{ fields { code } }")).StatusCode);
        Assert.Equal(before, factory.Evictions);

        Assert.Equal(HttpStatusCode.Created, (await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid())).StatusCode);
        Assert.True(factory.Evictions > before);
    }

    [Fact]
    public async Task Concurrent_creates_introducing_the_same_new_organization_all_succeed_with_one_organization()
    {
        var curator = await factory.CuratorAsync();
        var name = $"Trung tâm Ứng dụng tiến bộ KH&CN {Guid.NewGuid():N}";
        using var start = new ManualResetEventSlim();
        var posts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var record = TaskRecordBuilder.Valid() with { HostOrganization = new OrganizationRef { Name = name, Type = OrganizationType.StateAgency } };
            return await curator.PostRecordAsync("/api/v1/tasks", record);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var orgIds = new HashSet<string>();
        foreach (var r in responses) orgIds.Add((await r.ReadJsonAsync()).GetProperty("task").GetProperty("hostOrganization").GetProperty("id").GetString()!);
        Assert.Single(orgIds);
    }
}
