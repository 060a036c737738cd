using System.ComponentModel.DataAnnotations;

namespace Registry.Api.Hosting;

/// <summary>Host settings under the <c>Registry</c> configuration section (the store reads its own keys there too).</summary>
public sealed class RegistryApiOptions
{
    public const string Section = "Registry";

    /// <summary>Seed the demo catalogue when the store is empty (first start on a new machine).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How many demo tasks the seeder creates.</summary>
    [Range(1, 100_000)]
    public int DemoTaskCount { get; set; } = 2400;

    public ImportLimits Imports { get; set; } = new();
}

public sealed class ImportLimits
{
    /// <summary>Largest accepted import file; bigger uploads answer 413.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Files up to this size run inline (200 with the report); larger ones run as a background job (202).</summary>
    [Range(0, long.MaxValue)]
    public long InlineMaxBytes { get; set; } = 1024 * 1024;

    /// <summary>Files with more rows than this run as a background job even when small in bytes.</summary>
    [Range(0, int.MaxValue)]
    public int InlineMaxRows { get; set; } = 2000;

    /// <summary>
    /// How long an instance's hold on its import jobs lasts without renewal. Another instance fails a job as
    /// interrupted only after its owner has not renewed for this long, so keep it well above <see cref="JobHeartbeat"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan JobLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the import worker renews its jobs' leases and sweeps for jobs whose owner died.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan JobHeartbeat { get; set; } = TimeSpan.FromSeconds(30);
}
