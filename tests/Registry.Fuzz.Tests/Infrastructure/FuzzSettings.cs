using System.Globalization;

namespace Registry.Fuzz.Tests.Infrastructure;

/// <summary>
/// How much to fuzz. A fixed seed by default so a failure on one machine is the same failure on another;
/// REGISTRY_FUZZ_SEED (a number) explores elsewhere, REGISTRY_FUZZ_ITERATIONS sets the cases per property.
/// REGISTRY_FUZZ_DEEP=1 adds sizes that kill an unprotected process outright (stack overflow, memory), which
/// would end the whole test run rather than fail one test on a build without the upload limits.
/// </summary>
public static class FuzzSettings
{
    public const ulong DefaultSeed = 20261207;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("REGISTRY_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
        ? seed
        : DefaultSeed;

    public static bool Deep => Environment.GetEnvironmentVariable("REGISTRY_FUZZ_DEEP") == "1";

    /// <summary>The property's own count unless the environment asks for another.</summary>
    public static int Iterations(int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("REGISTRY_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : byDefault;

    /// <summary>Cases CsCheck may try while shrinking a failure to a smaller one.</summary>
    public static int ShrinkIterations => Iterations(40);
}
