using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.EndToEnd.Tests.Search;

namespace Registry.EndToEnd.Tests;

/// <summary>Its own host, so the listing holds exactly the tasks these tests publish.</summary>
public sealed class ListingTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Listing_pages_published_tasks_newest_first_by_cursor()
    {
        var curator = await factory.CuratorAsync();
        var published = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (id, _) = await TaskLifecycleTests.CreateAsync(curator);
            await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
            published.Add(id);
        }

        await TaskLifecycleTests.CreateAsync(curator); // a draft: never listed
        // The listing comes from the search index, which the outbox indexer fills in the background.
        await factory.Anonymous().PollAsync("/api/v1/tasks", b => b.Count() == 5);

        var seen = new List<string>();
        string? url = "/api/v1/tasks?pageSize=2";
        var pages = 0;
        while (url is not null)
        {
            var response = await factory.Anonymous().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            var meta = body.GetProperty("meta");
            Assert.Equal(5, meta.GetProperty("count").GetInt32());
            Assert.Equal(2, meta.GetProperty("pageSize").GetInt32());
            seen.AddRange(body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            foreach (var result in body.GetProperty("results").EnumerateArray())
            {
                Assert.False(result.GetProperty("principalInvestigator").TryGetProperty("email", out _));
            }

            var next = meta.GetProperty("nextCursor");
            if (next.ValueKind == JsonValueKind.String)
            {
                var link = response.Headers.GetValues("Link").Single();
                Assert.EndsWith("rel=\"next\"", link);
                Assert.Contains(Uri.EscapeDataString(next.GetString()!), link);
                url = link[1..link.IndexOf('>')];
            }
            else
            {
                Assert.False(response.Headers.Contains("Link"));
                url = null;
            }

            pages++;
        }

        Assert.Equal(3, pages);
        // Same planned start date for all: the id tie-breaker orders them, each exactly once.
        Assert.Equal(published.Order(), seen.Order());
    }

    [Fact]
    public async Task Default_page_size_is_25()
    {
        var body = await (await factory.Anonymous().GetAsync("/api/v1/tasks")).ReadJsonAsync();
        Assert.Equal(25, body.GetProperty("meta").GetProperty("pageSize").GetInt32());
    }
}
