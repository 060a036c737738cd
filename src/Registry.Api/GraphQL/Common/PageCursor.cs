using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Registry.Api.GraphQL.Common;

/// <summary>
/// A position in a connection read from a keyset source that only gives a cursor after a whole page (the search
/// engine's search_after, the directory's keyset cursors): the source cursor the page started from, and how many
/// items of that page come before and including the position. Opaque to clients; its kind keeps one connection's
/// cursor out of another. The cursor after a page's last item is rebased onto the source's next-page cursor.
/// </summary>
public sealed record PageCursor(string? PageStart, int Offset)
{
    /// <summary><c>tasks</c>: the engine's cursor.</summary>
    public const string Search = "s";
    /// <summary><c>organizations</c>: the organization directory's cursor.</summary>
    public const string Organizations = "g";
    /// <summary><c>organization.tasks</c>: the directory's cursor of an organization's tasks.</summary>
    public const string OrganizationTasks = "o";

    public string Encode(string kind) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { kind, PageStart ?? "", Offset.ToString(CultureInfo.InvariantCulture) }));

    public static bool TryDecode(string? text, string kind, int maxOffset, out PageCursor? cursor)
    {
        cursor = null;
        if (Decode(text) is not [var k, var start, var offsetText] || k != kind) return false;
        if (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > maxOffset) return false;
        cursor = new PageCursor(start.Length == 0 ? null : start, offset);
        return true;
    }

    /// <summary>
    /// The cursors of <paramref name="count"/> items shown after skipping <paramref name="skipped"/> of the page read
    /// from <paramref name="start"/>; <paramref name="next"/> is the source's cursor after the last item shown.
    /// </summary>
    public static (IReadOnlyList<string> Edges, string? End) Of(string kind, string? start, int skipped, int count, string? next)
    {
        var edges = Enumerable.Range(0, count)
            .Select(i => (i == count - 1 && next is not null ? new PageCursor(next, 0) : new PageCursor(start, skipped + i + 1)).Encode(kind))
            .ToList();
        return (edges, edges.Count == 0 ? null : edges[^1]);
    }

    private static string[]? Decode(string? text)
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
