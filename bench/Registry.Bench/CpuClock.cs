using System.Diagnostics;

namespace Registry.Bench;

/// <summary>
/// Wall time and this process's CPU time (all threads) over one stretch of work. On a shared, loaded machine wall
/// time mostly measures the neighbours; CPU time is what the work itself cost, so both are printed.
/// </summary>
internal sealed class CpuClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Cpu();

    public TimeSpan Wall => _wall.Elapsed;

    public TimeSpan CpuTime => Cpu() - _cpuAtStart;

    /// <summary>"12.3s wall, 8.1s CPU — 8,130 rows/s wall, 12,345 rows/CPU-s".</summary>
    public string Rate(long items, string unit)
    {
        var wall = Wall.TotalSeconds;
        var cpu = CpuTime.TotalSeconds;
        return $"{wall:F1}s wall, {cpu:F1}s CPU — {items / Math.Max(wall, 0.001):N0} {unit}/s wall, {items / Math.Max(cpu, 0.001):N0} {unit}/CPU-s";
    }

    public static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The machine's 1/5/15-minute load averages (Linux), so noisy wall figures can be read in context.</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
