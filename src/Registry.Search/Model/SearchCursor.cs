using System.Buffers.Text;
using System.Text.Json;

namespace Registry.Search.Model;

/// <summary>
/// An opaque search_after cursor: the sort values of the last hit of a page (ending with the task id), tagged
/// with the sort they belong to. Encoded as base64url JSON; engines write and read the values in their own format.
/// </summary>
public sealed record SearchCursor(string Sort, IReadOnlyList<string?> Values)
{
    public string Encode() =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(Sort, Values.ToArray())));

    public static bool TryDecode(string? text, SearchSort expectedSort, out SearchCursor cursor)
    {
        cursor = null!;
        if (string.IsNullOrEmpty(text) || text.Length > 4096) return false;
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(text));
            if (payload?.S != expectedSort.ToString() || payload.V is not { Length: > 0 }) return false;
            cursor = new SearchCursor(payload.S, payload.V);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Decodes or throws the exception the API turns into a 400.</summary>
    public static SearchCursor Decode(string text, SearchSort expectedSort) =>
        TryDecode(text, expectedSort, out var cursor)
            ? cursor
            : throw new InvalidSearchRequestException("cursor",
                "Con trỏ không hợp lệ hoặc không khớp với cách sắp xếp (invalid cursor, or it belongs to another sort): restart from the first page.");

    private sealed record Payload(string S, string?[] V);
}
