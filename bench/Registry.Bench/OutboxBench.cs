using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Demo;
using Registry.Data.Import;
using Registry.Data.Records;
using Registry.Search;
using Registry.Search.Indexing;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Bench;

/// <summary>
/// The outbox indexer draining N published tasks into a fresh Lucene index, twice over the same store: with the
/// durable flush (one commit per drained batch, before the batch completes) and without it (commits left to the
/// 5 s timer, as before items waited for durability). Then a trickle: items one per batch, the worst case for
/// the per-batch commit (a curator saving tasks one by one).
/// </summary>
internal static class OutboxBench
{
    private const int Trickle = 300;

    public static async Task<int> RunAsync(int count, int batchSize, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), "registry-outbox-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var services = await ImportBench.StoreAsync(Path.Combine(root, "data"), ct);
            await ImportAsync(services, count, ct);
            Console.WriteLine($"load average at start: {CpuClock.LoadAverage()}");
            // A first, untimed drain warms the JIT and the store's caches; then the two modes alternate.
            await DrainAsync(services, root, durable: false, batchSize, Math.Min(count, 1000), ct, print: false);
            foreach (var durable in new[] { true, false, true, false })
                await DrainAsync(services, root, durable, batchSize, count, ct);
            foreach (var durable in new[] { true, false })
                await DrainAsync(services, root, durable, 1, Trickle, ct);
            Console.WriteLine($"load average at end: {CpuClock.LoadAverage()}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task ImportAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var file = new MemoryStream();
        await using (var writer = new StreamWriter(file, leaveOpen: true))
            foreach (var record in DemoCatalogue.GenerateLarge(count))
                await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(record with { Visibility = Visibility.Published }, RegistryJson.Options));
        file.Position = 0;
        var service = new ImportService(services.GetRequiredService<ITaskStore>()) { MaxRows = Math.Max(count, 1_000_000) };
        var report = await service.RunAsync(file, ImportFormat.JsonLines, new ImportOptions(), Actor.CommandLine, null, ct);
        Console.WriteLine($"imported {report.Created:N0} published tasks");
    }

    /// <summary>Marks the first <paramref name="items"/> outbox rows pending again and drains them into a new index.</summary>
    private static async Task DrainAsync(IServiceProvider services, string root, bool durable, int batchSize, int items, CancellationToken ct,
        bool print = true)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Outbox\" SET \"ProcessedAt\" = NULL, \"LeaseOwner\" = NULL, \"LeaseToken\" = NULL, \"LeaseUntil\" = NULL", ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"Outbox\" SET \"ProcessedAt\" = 0 WHERE \"Sequence\" NOT IN (SELECT \"Sequence\" FROM \"Outbox\" ORDER BY \"Sequence\" LIMIT {items})", ct);
        }
        var path = Path.Combine(root, $"index-{Guid.NewGuid():N}");
        using var lucene = new LuceneSearchIndex(FSDirectory.Open(path), TimeSpan.FromSeconds(5));
        ISearchIndex index = durable ? lucene : new TimerOnly(lucene);
        var options = Options.Create(new SearchOptions { IndexerBatchSize = batchSize, IndexDirectory = path });
        var indexer = new OutboxIndexer(services.GetRequiredService<IServiceScopeFactory>(), index, options, TimeProvider.System, NullLogger<OutboxIndexer>.Instance);
        var clock = new CpuClock();
        var drained = 0;
        for (int n; (n = await indexer.DrainOnceAsync(ct)) > 0;) drained += n;
        if (print) Console.WriteLine($"{(durable ? "durable (commit per batch)" : "timer-only (before)"),-28} batch {batchSize,4}: {drained:N0} items, {clock.Rate(drained, "items")}");
    }

    /// <summary>The engine as it behaved before: a flush does nothing, the timer commits every 5 s.</summary>
    private sealed class TimerOnly(LuceneSearchIndex inner) : ISearchIndex
    {
        public Task FlushAsync(CancellationToken ct = default) => Task.CompletedTask;
        public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.UpsertAsync(records, ct);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.RemoveAsync(ids, ct);
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
        public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
        public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
        public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
        public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
    }
}
