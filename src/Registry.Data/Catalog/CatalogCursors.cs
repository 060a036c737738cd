using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Registry.Data.Catalog;

/// <summary>
/// Opaque cursors of the catalogue reads (base64url, with a leading version byte so a cursor of one listing is never
/// taken for another's). Anything that does not decode answers <see cref="InvalidCursorException"/>.
/// </summary>
internal static class CatalogCursors
{
    private const byte OrganizationVersion = 0x4F; // 'O'
    private const byte ChangeVersion = 0x43;       // 'C'
    private const byte GapVersion = 0x47;          // 'G'

    public static string EncodeOrganization(string foldedName, long id)
    {
        var name = Encoding.UTF8.GetBytes(foldedName);
        var bytes = new byte[9 + name.Length];
        bytes[0] = OrganizationVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), id);
        name.CopyTo(bytes, 9);
        return Base64Url.EncodeToString(bytes);
    }

    public static (string FoldedName, long Id) DecodeOrganization(string cursor)
    {
        var bytes = Decode(cursor);
        if (bytes.Length < 9 || bytes[0] != OrganizationVersion) throw new InvalidCursorException();
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (id <= 0) throw new InvalidCursorException();
        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes, 9, bytes.Length - 9), id);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidCursorException();
        }
    }

    public static string EncodeChange(long sequence)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = ChangeVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], sequence);
        return Base64Url.EncodeToString(bytes);
    }

    public static long DecodeChange(string cursor)
    {
        var bytes = Decode(cursor);
        if (bytes.Length != 9 || bytes[0] != ChangeVersion) throw new InvalidCursorException();
        var sequence = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        return sequence >= 0 ? sequence : throw new InvalidCursorException();
    }

    /// <summary>A gap-list position: the list's kind and the last code read (lists are ordered by code).</summary>
    public static string EncodeGap(CoverageGapKind kind, string code)
    {
        var text = Encoding.UTF8.GetBytes(code);
        var bytes = new byte[2 + text.Length];
        bytes[0] = GapVersion;
        bytes[1] = (byte)kind;
        text.CopyTo(bytes, 2);
        return Base64Url.EncodeToString(bytes);
    }

    public static string DecodeGap(CoverageGapKind kind, string cursor)
    {
        var bytes = Decode(cursor);
        if (bytes.Length < 3 || bytes[0] != GapVersion || bytes[1] != (byte)kind) throw new InvalidCursorException();
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, 2, bytes.Length - 2);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidCursorException();
        }
    }

    /// <summary>
    /// A position in a curator's list ordered by row id (feedback, inquiries): the list's own version byte, then the
    /// last id read. A cursor of another list, or an id that is not positive, does not decode.
    /// </summary>
    public static string EncodeId(byte version, long id)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], id);
        return Base64Url.EncodeToString(bytes);
    }

    public static long DecodeId(byte version, string cursor)
    {
        var bytes = Decode(cursor);
        if (bytes.Length != 9 || bytes[0] != version) throw new InvalidCursorException();
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        return id > 0 ? id : throw new InvalidCursorException();
    }

    private static byte[] Decode(string cursor)
    {
        if (cursor.Length > 2048) throw new InvalidCursorException();
        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        try
        {
            if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written)) throw new InvalidCursorException();
            return bytes[..written];
        }
        catch (FormatException e) when (e is not InvalidCursorException)
        {
            // Characters outside the base64url alphabet throw rather than return false.
            throw new InvalidCursorException();
        }
    }
}
