using Registry.EndToEnd.Tests.Infrastructure;
using Registry.EndToEnd.Tests.Search;

namespace Registry.EndToEnd.Tests;

/// <summary>A first start on an empty store seeds the demo catalogue.</summary>
public sealed class SeedingTests(SeedingTests.SeedingFactory factory) : IClassFixture<SeedingTests.SeedingFactory>
{
    public sealed class SeedingFactory : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Registry:SeedDemoData"] = "true",
            ["Registry:DemoTaskCount"] = "60",
        };
    }

    [Fact]
    public async Task Empty_store_is_seeded_with_published_demo_tasks()
    {
        // Listings come from the search index, filled in the background after seeding.
        var body = await factory.Anonymous().PollAsync("/api/v1/tasks?pageSize=5", b => b.Count() >= 5);

        var count = body.GetProperty("meta").GetProperty("count").GetInt32();
        Assert.InRange(count, 1, 60);
        Assert.Equal(5, body.GetProperty("results").GetArrayLength());
        var first = body.GetProperty("results")[0];
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/tasks/{first.GetProperty("id").GetString()}")).StatusCode);
    }
}
