using System.Buffers.Text;
using System.Text.Json;

namespace Registry.Api.GraphQL.Loaders;

/// <summary>Keyset position in an organization's task list: (published time, public id). Opaque to clients.</summary>
public sealed record OrganizationTaskCursor(DateTimeOffset PublishedAt, string Id)
{
    public string Encode() => OpaqueCursor.Encode(new[] { "o", PublishedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Id });

    public static bool TryDecode(string? text, out OrganizationTaskCursor? cursor)
    {
        cursor = null;
        if (OpaqueCursor.Decode(text) is not [ "o", var ticksText, var id ]) return false;
        if (!long.TryParse(ticksText, out var ticks) || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        cursor = new OrganizationTaskCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

/// <summary>
/// Position in a search connection. Engines page with search_after and only give the cursor after a whole page,
/// so an edge's cursor is (the engine cursor its page started from, how many hits of that page come before and
/// including it). The cursor after the last edge is rebased onto the engine's next-page cursor with offset 0.
/// </summary>
public sealed record SearchEdgeCursor(string? EngineCursor, int Offset)
{
    public string Encode() => OpaqueCursor.Encode(new[] { "s", EngineCursor ?? "", Offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static bool TryDecode(string? text, out SearchEdgeCursor? cursor)
    {
        cursor = null;
        if (OpaqueCursor.Decode(text) is not [ "s", var engine, var offsetText ]) return false;
        if (!int.TryParse(offsetText, out var offset) || offset is < 0 or > 1000) return false;
        cursor = new SearchEdgeCursor(engine.Length == 0 ? null : engine, offset);
        return true;
    }
}

internal static class OpaqueCursor
{
    public static string Encode(string[] parts) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(parts));

    public static string[]? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 8192) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(text));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>Keyset position in the organization directory: (normalised name, public id).</summary>
public sealed record OrganizationCursor(string NormalizedName, string Id)
{
    public string Encode() => OpaqueCursor.Encode(new[] { "g", NormalizedName, Id });

    public static bool TryDecode(string? text, out OrganizationCursor? cursor)
    {
        cursor = OpaqueCursor.Decode(text) is [ "g", var name, var id ] ? new OrganizationCursor(name, id) : null;
        return cursor is not null;
    }
}
