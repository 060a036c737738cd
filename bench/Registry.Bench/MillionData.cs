using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Demo;
using Registry.Data.Records;

namespace Registry.Bench;

/// <summary>
/// Prepares a host data directory holding N published demo tasks for the over-HTTP search benchmark
/// (<c>bench/load/million.sh</c>). The tasks go through the store's own batch write, as the host's demo seeder
/// writes them (timestamps kept, one audit entry and one outbox item per task), all published. The search index
/// is not built here: the host rebuilds an empty index from the store at its first start and reconciles it, so the
/// index is exactly what the service itself makes. An interrupted run is resumed by running it again. The outbox items of this load are then deleted: the rebuild
/// reads the store after every one of them was committed, and leaving a million pending items would have the
/// host's outbox indexer re-index every task while the benchmark runs.
/// </summary>
internal static class MillionData
{
    private const int Batch = 1000;

    public static async Task<int> RunAsync(string dataDirectory, int count, CancellationToken ct)
    {
        var root = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(root);
        Console.WriteLine($"load average at start: {CpuClock.LoadAverage()}");
        await using var services = await ImportBench.StoreAsync(root, ct);
        var catalog = services.GetRequiredService<ITaskCatalog>();
        // Each batch commits on its own, so an interrupted run left whole batches: the generator is deterministic,
        // and the next run goes on after them.
        var existing = await catalog.CountAllAsync(ct);
        if (existing > 0) Console.WriteLine($"{root} already holds {existing:N0} tasks; going on from there");

        var store = services.GetRequiredService<ITaskStore>();
        var clock = new CpuClock();
        var options = new ImportOptions(KeepTimestamps: true);
        var line = existing;
        var created = 0;
        foreach (var chunk in DemoCatalogue.GenerateLarge(count).Skip(existing).Chunk(Batch))
        {
            ct.ThrowIfCancellationRequested();
            var rows = chunk.Select(r => new ImportCandidate(++line, r.Code, r with { Visibility = Visibility.Published }, [])).ToList();
            var outcome = await store.UpsertBatchAsync(rows, options, Actor.Seeder, ct);
            var rejected = outcome.Rows.FirstOrDefault(r => r.Outcome == RowOutcome.Rejected);
            if (!outcome.Committed || rejected is not null)
                throw new InvalidOperationException($"Demo record {rejected?.Code} was rejected: {string.Join("; ", rejected?.Reasons ?? [])}");
            created += outcome.Rows.Count(r => r.Outcome == RowOutcome.Created);
            if (line % 50_000 == 0) Console.WriteLine($"  written {line,10:N0} / {count:N0}  ({clock.Wall.TotalSeconds:F0}s wall)");
        }
        if (created > 0) Console.WriteLine($"written         {created:N0} published tasks, {clock.Rate(created, "tasks")}");

        await using (var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(ct))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var deleted = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Outbox\"", ct);
            Console.WriteLine($"outbox          {deleted:N0} items of this load deleted (the host's first start rebuilds the index from the store)");
        }
        Console.WriteLine($"published       {await catalog.CountPublishedAsync(ct):N0}");
        Console.WriteLine($"load average at end: {CpuClock.LoadAverage()}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return 0;
    }
}
