using System.Text.Json;
using Registry.Data.Entities;
using Registry.Data.Import;
using Registry.Data.Records;
using Registry.Data.Store;
using Registry.Data.Validation;

namespace Registry.Bench;

/// <summary>
/// Where an import's CPU goes before the database: each stage timed on its own pass over the file, in process CPU
/// time (no profiler needed). What the stages do not cover (the store's queries and INSERTs) is the rest of the
/// import's CPU time.
/// </summary>
internal static class ImportProfile
{
    public static async Task PrintAsync(string file, ImportFormat format, CancellationToken ct)
    {
        Console.WriteLine("stages (one pass each, CPU time per row):");
        var rows = 0;
        var read = await TimeAsync(file, format, _ => { }, ct);
        rows = read.Rows;
        Print("parse (reader)", read.Cpu, rows);
        Print("+ validate", (await TimeAsync(file, format, r => TaskRecordValidator.Validate(r), ct)).Cpu - read.Cpu, rows);
        var org = new HostOrganization { Name = "x", NormalizedName = "x" };
        Print("+ map to entities", (await TimeAsync(file, format, r => TaskMapper.ApplyContent(new ScienceTask(), r, org), ct)).Cpu - read.Cpu, rows);
        Print("+ full JSON snapshot", (await TimeAsync(file, format, r =>
        {
            var task = new ScienceTask { HostOrganization = org };
            TaskMapper.ApplyContent(task, r, org);
            _ = TaskChanges.Created(TaskChanges.Snapshot(task)).ToJsonString(RegistryJson.Options);
        }, ct)).Cpu - read.Cpu, rows);
        Print("+ record serialised to JSON", (await TimeAsync(file, format, r => JsonSerializer.SerializeToUtf8Bytes(r, RegistryJson.Options), ct)).Cpu - read.Cpu, rows);
    }

    private static void Print(string stage, TimeSpan cpu, int rows) =>
        Console.WriteLine($"  {stage,-30} {cpu.TotalMilliseconds * 1000 / Math.Max(rows, 1),8:N1} µs/row");

    private static async Task<(int Rows, TimeSpan Cpu)> TimeAsync(string file, ImportFormat format, Action<TaskRecord> work, CancellationToken ct)
    {
        await using var input = File.OpenRead(file);
        var clock = new CpuClock();
        var rows = 0;
        await foreach (var candidate in ImportReaders.For(format).ReadAsync(input, ct))
        {
            rows++;
            if (candidate.Record is { } record) work(record);
        }
        return (rows, clock.CpuTime);
    }
}
