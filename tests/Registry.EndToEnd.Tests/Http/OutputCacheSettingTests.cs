using System.Net.Http.Headers;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Http;

/// <summary>A host with the server-side cache of public reads turned off (a CDN in front, or a benchmark).</summary>
public sealed class UncachedApiFactory : RegistryApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:OutputCache:Enabled"] = "false",
    };
}

public sealed class OutputCacheSettingTests(UncachedApiFactory factory) : IClassFixture<UncachedApiFactory>
{
    [Fact]
    public async Task With_the_output_cache_off_every_read_is_answered_fresh_and_keeps_its_validators()
    {
        var curator = await factory.CuratorAsync();
        var created = await curator.PostRecordAsync("/api/v1/tasks", new TaskRecordBuilder().WithTitle("Không có bộ nhớ đệm máy chủ").Build());
        var id = (await created.ReadJsonAsync()).GetProperty("task").GetProperty("id").GetString()!;
        await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        await factory.WaitForOutboxDrainedAsync();
        var client = factory.Anonymous();

        var first = await client.GetAsync($"/api/v1/tasks/{id}");
        var second = await client.GetAsync($"/api/v1/tasks/{id}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Equal("public, max-age=60", second.Headers.CacheControl?.ToString());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        conditional.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }
}
