using Registry.Data.Abstractions;
using Registry.Data.Demo;
using Registry.Data.Tests.Import;

namespace Registry.Data.Tests.Demo;

public class DemoSeederTests
{
    [Fact]
    public async Task Empty_store_is_seeded_in_batches_keeping_timestamps()
    {
        var store = new FakeTaskStore();

        var seeded = await DemoSeeder.SeedIfEmptyAsync(store, store, 1200);

        Assert.Equal(1200, seeded);
        Assert.Equal(1200, store.All.Count);
        Assert.Equal(3, store.BatchCalls);
        Assert.All(store.OptionsSeen, o => Assert.Equal(new ImportOptions(KeepTimestamps: true), o));
        Assert.All(store.All, t => Assert.NotNull(t.CreatedAt));
    }

    [Fact]
    public async Task Store_with_any_task_is_left_alone()
    {
        var store = new FakeTaskStore();
        await store.UpsertBatchAsync([new ImportCandidate(1, "A-1", new() { Code = "A-1", Title = "Có sẵn" }, [])], new ImportOptions(), Actor.CommandLine);

        var seeded = await DemoSeeder.SeedIfEmptyAsync(store, store, 100);

        Assert.Equal(0, seeded);
        Assert.Single(store.All);
    }

    [Fact]
    public async Task Seeding_twice_seeds_once()
    {
        var store = new FakeTaskStore();
        await DemoSeeder.SeedIfEmptyAsync(store, store, 50);
        Assert.Equal(0, await DemoSeeder.SeedIfEmptyAsync(store, store, 50));
        Assert.Equal(50, store.All.Count);
    }
}
