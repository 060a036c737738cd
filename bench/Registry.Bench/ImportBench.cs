using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Demo;
using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Bench;

/// <summary>
/// Generate → JSON Lines or CSV file → <see cref="ImportService"/> → fresh SQLite store, wired exactly as the host
/// wires it. Reports the whole import (one pass, one transaction) in rows per wall second and per CPU second.
/// </summary>
internal static class ImportBench
{
    /// <summary><paramref name="formats"/>: <c>jsonl</c>, <c>csv</c> or <c>both</c> (one after the other, each into a fresh store).</summary>
    public static async Task<int> RunAllAsync(int count, int batchSize, bool keep, string formats, string? directory, bool profile, CancellationToken ct)
    {
        ImportFormat[] chosen = formats switch
        {
            "jsonl" => [ImportFormat.JsonLines],
            "csv" => [ImportFormat.Csv],
            "both" => [ImportFormat.JsonLines, ImportFormat.Csv],
            _ => throw new ArgumentException($"--format must be jsonl, csv or both, got '{formats}'."),
        };
        var worst = 0;
        foreach (var format in chosen)
        {
            Console.WriteLine($"=== {(format == ImportFormat.Csv ? "CSV" : "JSON Lines")}, {count:N0} rows ===");
            worst = Math.Max(worst, await RunAsync(count, batchSize, keep, format, directory, profile, ct));
        }
        return worst;
    }

    public static async Task<int> RunAsync(int count, int batchSize, bool keep, ImportFormat format, string? directory, bool profile, CancellationToken ct)
    {
        var root = Path.Combine(directory ?? Path.GetTempPath(), "registry-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var dataDirectory = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        try
        {
            var file = Path.Combine(root, format == ImportFormat.Csv ? "tasks.csv" : "tasks.jsonl");
            var generated = Stopwatch.StartNew();
            if (format == ImportFormat.Csv) await WriteCsvAsync(file, count, ct);
            else await WriteJsonLinesAsync(file, count, ct);
            Console.WriteLine($"generated {count:N0} records in {generated.Elapsed.TotalSeconds:F1}s → {file} ({Megabytes(new FileInfo(file).Length)})");
            if (profile) await ImportProfile.PrintAsync(file, format, ct);

            await using var services = await StoreAsync(dataDirectory, ct);
            var service = new ImportService(services.GetRequiredService<ITaskStore>()) { BatchSize = batchSize, MaxRows = Math.Max(count, 1_000_000) };
            Console.WriteLine($"load average at start: {CpuClock.LoadAverage()}");
            var watch = new CpuClock();
            var progress = new ConsoleProgress(count);
            ImportReport report;
            await using (var input = File.OpenRead(file))
                report = await service.RunAsync(input, format, new ImportOptions(), Actor.CommandLine, progress, ct);
            var (elapsed, cpu) = (watch.Wall, watch.CpuTime);
            Console.WriteLine($"load average at end: {CpuClock.LoadAverage()}");

            Print(report, elapsed, cpu, dataDirectory);
            return report.Committed ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep) Console.WriteLine($"kept {root}");
            else TryDelete(root);
        }
    }

    /// <summary>
    /// The demo catalogue as a curator's file would hold it: an import row may not withdraw a task (that takes a
    /// reason, <c>POST …/withdraw</c>), so the generator's withdrawn examples come as published.
    /// </summary>
    private static IEnumerable<TaskRecord> Records(int count) => DemoCatalogue.GenerateLarge(count)
        .Select(r => r.Visibility == Visibility.Withdrawn ? r with { Visibility = Visibility.Published } : r);

    private static async Task WriteJsonLinesAsync(string path, int count, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var record in Records(count))
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(JsonSerializer.Serialize(record, RegistryJson.Options));
        }
    }

    /// <summary>The CSV export's columns (every exported record column, Vietnamese headers), RFC 4180 quoting.</summary>
    private static async Task WriteCsvAsync(string path, int count, CancellationToken ct)
    {
        var columns = RecordFields.Columns.Where(c => c.Exported).ToList();
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        await writer.WriteAsync(string.Join(",", columns.Select(c => Quote(c.Header))) + "\r\n");
        foreach (var record in Records(count))
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Join(",", columns.Select(c => Quote(c.Write(record)))) + "\r\n");
        }
    }

    private static string Quote(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" : cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";

    internal static async Task<ServiceProvider> StoreAsync(string dataDirectory, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataDirectory"] = dataDirectory,
            ["Registry:SeedDemoData"] = "false",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddRegistryData(configuration)
            .BuildServiceProvider();
        await services.InitializeRegistryDataAsync(ct);
        return services;
    }

    private static void Print(ImportReport report, TimeSpan elapsed, TimeSpan cpu, string dataDirectory)
    {
        Console.WriteLine();
        Console.WriteLine(report.Summary);
        Console.WriteLine($"rows            {report.Rows:N0} (created {report.Created:N0}, updated {report.Updated:N0}, unchanged {report.Unchanged:N0}, rejected {report.Rejected:N0})");
        Console.WriteLine($"time            {elapsed.TotalSeconds:F1}s wall, {cpu.TotalSeconds:F1}s CPU (hash, parse, check and write; one pass)");
        Console.WriteLine($"throughput      {Rates(report.Rows, elapsed, cpu)}");
        Console.WriteLine($"CPU per row     {cpu.TotalMilliseconds * 1000 / Math.Max(report.Rows, 1):N0} µs");
        Console.WriteLine($"peak working set {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)}");
        var size = Directory.EnumerateFiles(dataDirectory, "registry.db*").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"database size   {Megabytes(size)} (registry.db with its WAL)");
        foreach (var rejected in report.RejectedRows.Take(5))
            Console.WriteLine($"  line {rejected.Line}: {string.Join("; ", rejected.Reasons)}");
    }

    private static string Rates(int rows, TimeSpan wall, TimeSpan cpu) =>
        $"{rows / Math.Max(wall.TotalSeconds, 0.001):N0} rows/s wall, {rows / Math.Max(cpu.TotalSeconds, 0.001):N0} rows/CPU-s";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";

    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { Console.Error.WriteLine($"could not delete {path}"); }
        catch (UnauthorizedAccessException) { Console.Error.WriteLine($"could not delete {path}"); }
    }

    /// <summary>Prints a line about every 10% of the rows.</summary>
    private sealed class ConsoleProgress(int total) : IProgress<ImportProgress>
    {
        private int _lastTenth = -1;

        public void Report(ImportProgress value)
        {
            var tenth = (int)(value.RowsDone * 10L / Math.Max(total, 1));
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            Console.WriteLine($"  {value.Phase,-8} {value.RowsDone,10:N0} / {total:N0}");
        }
    }
}
