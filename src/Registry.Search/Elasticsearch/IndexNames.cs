using System.Globalization;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// The alias readers and writers use (<c>{prefix}-tasks</c>) and the versioned indexes behind it
/// (<c>{prefix}-tasks-v{yyyyMMddHHmmss}</c>), so a rebuild can load a new index and swap the alias atomically.
/// </summary>
public sealed class IndexNames(string prefix, TimeProvider time)
{
    private const string VersionFormat = "yyyyMMddHHmmss";

    public string Alias { get; } = prefix + "-tasks";

    /// <summary>Pattern matching every versioned index of this prefix (for clean-up and diagnostics).</summary>
    public string Pattern => Alias + "-v*";

    /// <summary>A new versioned name, always later than <paramref name="current"/> (two rebuilds in one second
    /// or a clock behind the cluster still get distinct, increasing names).</summary>
    public string NextVersion(string? current = null)
    {
        var stamp = time.GetUtcNow().UtcDateTime;
        if (current is not null && TryParseVersion(current, out var previous) && stamp <= previous)
            stamp = previous.AddSeconds(1);
        return Alias + "-v" + stamp.ToString(VersionFormat, CultureInfo.InvariantCulture);
    }

    public bool IsVersion(string index) => TryParseVersion(index, out _);

    private bool TryParseVersion(string index, out DateTime stamp)
    {
        stamp = default;
        var head = Alias + "-v";
        return index.StartsWith(head, StringComparison.Ordinal)
            && DateTime.TryParseExact(index[head.Length..], VersionFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out stamp);
    }
}
