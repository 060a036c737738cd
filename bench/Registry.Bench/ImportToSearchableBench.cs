using System.Diagnostics;
using System.Text.Json;
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
/// What a curator notices after a bulk load: N published tasks imported through the real <see cref="ImportService"/>
/// into a fresh SQLite store while the real <see cref="OutboxIndexer"/> runs as it does in the host, then the time
/// from the import's end until the outbox is empty and the index holds all N. Then the outbox drain alone (all N
/// items pending again, a fresh index), with the time per stage; then single saves, each timed from the write to
/// the moment a search finds it: first with nothing else pending, then while the whole backlog drains again.
/// </summary>
internal static class ImportToSearchableBench
{
    public static async Task<int> RunAsync(int count, int singles, int batchSize, string? directory, CancellationToken ct)
    {
        var root = Path.Combine(directory ?? Path.GetTempPath(), "registry-import-searchable-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var services = await ImportBench.StoreAsync(Path.Combine(root, "data"), ct);
            var records = DemoCatalogue.GenerateLarge(count + 2 * singles).Select(r => r with { Visibility = Visibility.Published }).ToList();
            var file = JsonLines(records.Take(count));
            var options = Options.Create(new SearchOptions { IndexerBatchSize = batchSize, IndexDirectory = root });
            Console.WriteLine($"load average at start: {CpuClock.LoadAverage()}");

            using (var lucene = NewIndex(root))
                await ImportWhileIndexingAsync(services, lucene, options, file, count, ct);
            using (var lucene = NewIndex(root))
            {
                await DrainAloneAsync(services, lucene, options, count, ct);
                await SinglesAsync(services, lucene, options, records.Skip(count).Take(singles).ToList(), backlog: false, ct);
            }
            using (var lucene = NewIndex(root))
            {
                await MarkAllPendingAsync(services, ct);
                await SinglesAsync(services, lucene, options, records.Skip(count + singles).ToList(), backlog: true, ct);
            }
            Console.WriteLine($"load average at end: {CpuClock.LoadAverage()}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static LuceneSearchIndex NewIndex(string root) =>
        new(FSDirectory.Open(Path.Combine(root, $"index-{Guid.NewGuid():N}")), TimeSpan.FromSeconds(5));

    private static OutboxIndexer NewIndexer(IServiceProvider services, ISearchIndex index, IOptions<SearchOptions> options) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), index, options, TimeProvider.System, NullLogger<OutboxIndexer>.Instance);

    private static async Task ImportWhileIndexingAsync(IServiceProvider services, LuceneSearchIndex lucene, IOptions<SearchOptions> options,
        MemoryStream file, int count, CancellationToken ct)
    {
        var indexer = NewIndexer(services, lucene, options);
        await indexer.StartAsync(ct);
        try
        {
            var import = new ImportService(services.GetRequiredService<ITaskStore>()) { MaxRows = Math.Max(count, 1_000_000) };
            var clock = new CpuClock();
            var report = await import.RunAsync(file, ImportFormat.JsonLines, new ImportOptions(), Actor.CommandLine, null, ct);
            var importEnd = clock.Wall;
            var importCpu = clock.CpuTime;
            var outbox = services.GetRequiredService<IOutboxStore>();
            var pendingAtEnd = await outbox.PendingCountAsync(ct);
            while (await outbox.PendingCountAsync(ct) > 0 || await lucene.CountAsync(ct) < report.Created)
                await Task.Delay(10, ct);
            var searchable = clock.Wall;
            Console.WriteLine($"import: {report.Created:N0} published tasks in {importEnd.TotalSeconds:F1}s wall, {importCpu.TotalSeconds:F1}s CPU (import and indexer together)");
            Console.WriteLine($"  at the import's end ({importEnd.TotalSeconds:F1}s) {pendingAtEnd:N0} outbox items were pending; all {report.Created:N0} searchable at {searchable.TotalSeconds:F1}s");
            Console.WriteLine($"  import end → fully searchable: {(searchable - importEnd).TotalSeconds:F2}s; outbox {report.Created / searchable.TotalSeconds:N0} tasks/s over the whole run");
            Print(indexer.Statistics);
        }
        finally
        {
            await indexer.StopAsync(CancellationToken.None);
        }
    }

    private static async Task DrainAloneAsync(IServiceProvider services, LuceneSearchIndex lucene, IOptions<SearchOptions> options, int count, CancellationToken ct)
    {
        await MarkAllPendingAsync(services, ct);
        var indexer = NewIndexer(services, lucene, options);
        var clock = new CpuClock();
        var drained = await indexer.DrainAsync(ct);
        Console.WriteLine($"drain alone, batch ≤ {options.Value.IndexerBatchSize}: {drained:N0} items into a fresh index, {clock.Rate(drained, "tasks")}; index holds {await lucene.CountAsync(ct):N0}");
        Print(indexer.Statistics);
    }

    /// <summary>Saves each record as a curator would (one write, published) and times until a search finds it.</summary>
    private static async Task SinglesAsync(IServiceProvider services, LuceneSearchIndex lucene, IOptions<SearchOptions> options,
        IReadOnlyList<TaskRecord> records, bool backlog, CancellationToken ct)
    {
        var indexer = NewIndexer(services, lucene, options);
        var outbox = services.GetRequiredService<IOutboxStore>();
        var store = services.GetRequiredService<ITaskStore>();
        await indexer.StartAsync(ct);
        var latencies = new List<double>();
        var pendingSeen = new List<int>();
        try
        {
            foreach (var record in records)
            {
                if (backlog && await outbox.PendingCountAsync(ct) == 0) break;
                pendingSeen.Add(await outbox.PendingCountAsync(ct));
                var watch = Stopwatch.StartNew();
                var written = await store.CreateAsync(record, Actor.CommandLine, ct);
                if (written.Status != WriteStatus.Created) throw new InvalidOperationException($"single save failed: {written.Status}");
                var query = new SearchRequest { Query = record.Code, PageSize = 1 };
                while (!(await lucene.SearchAsync(query, ct)).Hits.Any(h => h.Id == written.Task!.Record.Id)) await Task.Delay(2, ct);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                await Task.Delay(backlog ? 100 : 20, ct);
            }
        }
        finally
        {
            await indexer.StopAsync(CancellationToken.None);
        }
        if (latencies.Count == 0) { Console.WriteLine("single saves: none (the backlog drained before the first)"); return; }
        latencies.Sort();
        var where = backlog ? $"while a backlog drains ({pendingSeen.Max():N0} → {pendingSeen.Min():N0} items pending at the saves)" : "with nothing else pending";
        Console.WriteLine($"single save → searchable, {where}: {latencies.Count} saves, median {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms");
    }

    private static async Task MarkAllPendingAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Outbox\" SET \"ProcessedAt\" = NULL, \"LeaseOwner\" = NULL, \"LeaseToken\" = NULL, \"LeaseUntil\" = NULL", ct);
    }

    private static void Print(OutboxIndexerStatistics s)
    {
        var items = Math.Max(1, s.Items);
        Console.WriteLine($"  {s.Items:N0} items in {s.Batches:N0} batches; wall ms per 1,000 items by stage (read overlaps write):");
        foreach (var stage in Enum.GetValues<OutboxStage>())
            Console.WriteLine($"    {stage,-9} {s[stage].TotalMilliseconds * 1000 / items,8:F1}");
    }

    private static MemoryStream JsonLines(IEnumerable<TaskRecord> records)
    {
        var file = new MemoryStream();
        using (var writer = new StreamWriter(file, leaveOpen: true))
            foreach (var record in records) writer.WriteLine(JsonSerializer.Serialize(record, RegistryJson.Options));
        file.Position = 0;
        return file;
    }
}
