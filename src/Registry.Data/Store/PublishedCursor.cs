using System.Buffers.Binary;
using System.Buffers.Text;

namespace Registry.Data.Store;

/// <summary>The opaque keyset cursor of the published listing: (publishedAt, internal id) as base64url.</summary>
internal static class PublishedCursor
{
    private const byte Version = 1;

    public static string Encode(DateTimeOffset publishedAt, long id)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], publishedAt.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], id);
        return Base64Url.EncodeToString(bytes);
    }

    public static (DateTimeOffset PublishedAt, long Id) Decode(string cursor)
    {
        Span<byte> bytes = stackalloc byte[18];
        if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 17 || bytes[0] != Version)
        {
            throw new InvalidCursorException();
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes[9..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || id <= 0)
        {
            throw new InvalidCursorException();
        }
        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
