using Registry.Data.Abstractions;

namespace Registry.Data.Demo;

/// <summary>Fills an empty store with the demo catalogue on first start; does nothing once any task exists.</summary>
public static class DemoSeeder
{
    public const int BatchSize = 500;

    /// <summary>Seeds <paramref name="count"/> demo tasks when the store has none. Returns how many were seeded (0 if not empty).</summary>
    /// <exception cref="InvalidOperationException">The store rejected a demo record (a bug in the generator or the store).</exception>
    public static async Task<int> SeedIfEmptyAsync(ITaskStore store, ITaskCatalog catalog, int count = DemoCatalogue.DefaultCount,
        CancellationToken ct = default)
    {
        if (await catalog.CountAllAsync(ct) > 0) return 0;
        var options = new ImportOptions(KeepTimestamps: true);
        var seeded = 0;
        var line = 0;
        foreach (var chunk in DemoCatalogue.Generate(count).Chunk(BatchSize))
        {
            var rows = chunk.Select(r => new ImportCandidate(++line, r.Code, r, [])).ToList();
            var outcome = await store.UpsertBatchAsync(rows, options, Actor.Seeder, ct);
            var rejected = outcome.Rows.FirstOrDefault(r => r.Outcome == RowOutcome.Rejected);
            if (!outcome.Committed || rejected is not null)
                throw new InvalidOperationException(
                    $"Demo record {rejected?.Code} was rejected: {string.Join("; ", rejected?.Reasons ?? [])}");
            seeded += outcome.Rows.Count(r => r.Outcome == RowOutcome.Created);
        }
        return seeded;
    }
}
