using System.Collections.Concurrent;
using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Registry.Fuzz.Tests.Infrastructure;

/// <summary>
/// Runs a property over generated cases: first a reproducible pass (one PCG per case, derived from the fixed seed
/// and the surface name), then, on the first failure, CsCheck's own shrinking from that case's seed, so the
/// report names the smallest input found and a seed that replays it.
/// </summary>
public sealed class PropertyRunner(ITestOutputHelper output)
{
    /// <summary>Cases per surface across the run, for the figures table in docs/security.md.</summary>
    public static ConcurrentDictionary<string, int> Cases { get; } = new();

    public async Task CheckAsync<T>(string surface, Gen<T> gen, Func<T, Task> property, int iterations, Func<T, string>? print = null)
    {
        var n = FuzzSettings.Iterations(iterations);
        var stream = StableHash(surface);
        for (var i = 0; i < n; i++)
        {
            var pcg = new PCG(stream, FuzzSettings.Seed + (ulong)i);
            var seed = pcg.ToString();
            var value = gen.Generate(pcg, null, out _);
            try
            {
                await property(value);
            }
            catch (Exception first)
            {
                Count(surface, i + 1);
                var shrunk = await ShrinkAsync(gen, property, seed, print);
                throw new XunitException($"{surface}: property failed at case {i + 1} of {n} (seed {seed}).\n" +
                                         $"First failure: {Describe(first)}\nInput: {Shown(print, value)}\n\nShrunk:\n{shrunk}");
            }
        }

        Count(surface, n);
    }

    private void Count(string surface, int cases)
    {
        Cases.AddOrUpdate(surface, cases, (_, before) => before + cases);
        output.WriteLine($"FUZZ surface=\"{surface}\" cases={cases} seed={FuzzSettings.Seed}");
    }

    private static async Task<string> ShrinkAsync<T>(Gen<T> gen, Func<T, Task> property, string seed, Func<T, string>? print)
    {
        try
        {
            await gen.SampleAsync(property, seed: seed, iter: FuzzSettings.ShrinkIterations, threads: 1, print: print);
            return "(the failure did not reproduce while shrinking)";
        }
        catch (Exception e)
        {
            return Truncate(Printer.Show(e.Message + (e.InnerException is { } inner ? "\nbecause: " + inner.Message : "")), 6000);
        }
    }

    private static string Describe(Exception e) => Truncate(Printer.Show(e.GetType().Name + ": " + e.Message), 3000);

    private static string Shown<T>(Func<T, string>? print, T value) => Truncate(Printer.Show(print is null ? Check.Print(value) : print(value)), 3000);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length} chars)";

    /// <summary>FNV-1a, so the stream for a surface is the same in every process (string.GetHashCode is not).</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash & 0x7FFFFFFF;
    }
}
