using Microsoft.Net.Http.Headers;
using Registry.Data.Abstractions;

namespace Registry.Api.Problems;

/// <summary>Strong entity tags derived from the stored version, and If-Match parsing.</summary>
public static class ETags
{
    public static string For(StoredTask task) => For(task.Version);

    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// The version an If-Match header asks for. <c>*</c> means "any": no version check. A weak or unknown tag can
    /// never match a strong ETag, so it yields -1, which the store treats as stale.
    /// </summary>
    public static IfMatch Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return IfMatch.Missing;
        if (header.Trim() == "*") return IfMatch.Any;
        if (!EntityTagHeaderValue.TryParseList([header], out var tags) || tags.Count == 0) return IfMatch.Version(-1);
        foreach (var tag in tags)
        {
            var inner = tag.Tag.Value?.Trim('"');
            if (!tag.IsWeak && long.TryParse(inner, out var version)) return IfMatch.Version(version);
        }

        return IfMatch.Version(-1);
    }
}

/// <summary>What an If-Match header said.</summary>
public readonly record struct IfMatch(bool Present, long? ExpectedVersion)
{
    public static readonly IfMatch Missing = new(false, null);
    public static readonly IfMatch Any = new(true, null);
    public static IfMatch Version(long version) => new(true, version);
}
