using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Search;

/// <summary>A fresh start serves search over the demo catalogue, and a lost index is rebuilt on start.</summary>
public sealed class IndexBootstrapTests
{
    /// <summary>A host over a data directory the test owns (a factory deletes its own directory on disposal).</summary>
    private sealed class HostOn(string dataDirectory, bool seed) : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Registry:DataDirectory"] = dataDirectory,
            ["Registry:SeedDemoData"] = seed ? "true" : "false",
            ["Registry:DemoTaskCount"] = "40",
        };
    }

    [Fact]
    public async Task Seeded_demo_catalogue_is_searchable_and_a_deleted_index_is_rebuilt_on_start()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("registry-e2e-bootstrap-").FullName;
        var first = new HostOn(dataDirectory, seed: true);
        var client = first.Anonymous();
        var listed = await client.PollAsync("/api/v1/tasks?pageSize=1", b => b.Count() > 0);
        var title = listed.GetProperty("results")[0].GetProperty("title").GetString()!;
        var id = listed.GetProperty("results")[0].GetProperty("id").GetString()!;
        var total = listed.Count();

        var found = await client.PollAsync($"/api/v1/tasks?q={Uri.EscapeDataString(title)}", b => b.Count() > 0);
        Assert.Equal(id, found.GetProperty("results")[0].GetProperty("id").GetString());

        // A first start on an empty directory (what a newcomer runs) logs no warning or error.
        Assert.DoesNotContain(first.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
            || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));

        await first.DisposeAsync();
        // The host's own Main also disposes it, and whichever call comes second returns at once, so wait until the
        // first index has really closed (and released its write lock) before touching its files.
        await WaitUntilAsync(() => first.Logs.Lines.Any(line => line.Contains("search index closed", StringComparison.Ordinal)));
        // Simulate a lost index (a new machine with a copied database): the store keeps every task.
        Directory.Delete(Path.Combine(dataDirectory, "index"), recursive: true);

        await using var second = new HostOn(dataDirectory, seed: false);
        var rebuilt = await second.Anonymous().PollAsync("/api/v1/tasks?pageSize=1", b => b.Count() == total);
        Assert.Equal(total, rebuilt.Count());
        Assert.Contains(second.Logs.Lines, line => line.Contains("rebuilding", StringComparison.Ordinal));
        await second.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The first host did not close its search index within 30 s.");
            await Task.Delay(20);
        }
    }
}
