using System.Buffers.Binary;
using System.IO.Compression;

namespace Registry.Data.Tests.Import;

/// <summary>
/// A minimal zip writer (ECMA/PKWARE APPNOTE 4.3) for what <see cref="ZipArchive"/> will not write: a part whose
/// deflated bytes are supplied ready-made and whose claimed size is whatever the test says.
/// </summary>
internal static class ZipWriter
{
    /// <param name="plain">Parts to deflate normally (with their CRC).</param>
    /// <param name="raw">One part given as raw deflate data, claiming <c>Size</c> bytes and CRC 0.</param>
    public static void Write(Stream output, IEnumerable<(string Name, byte[] Content)> plain, (string Name, byte[] Deflated, long Size) raw)
    {
        var directory = new MemoryStream();
        var count = 0;
        foreach (var (name, content) in plain)
        {
            var deflated = new MemoryStream();
            using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(content);
            Entry(output, directory, name, deflated.ToArray(), content.Length, Crc32(content));
            count++;
        }
        Entry(output, directory, raw.Name, raw.Deflated, raw.Size, 0);
        count++;

        var directoryOffset = output.Position;
        directory.Position = 0;
        directory.CopyTo(output);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)directoryOffset);
        output.Write(end);
    }

    private static void Entry(Stream output, Stream directory, string name, byte[] data, long size, uint crc)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        var offset = output.Position;
        var local = new byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
        Common(local.AsSpan(4), data.Length, size, crc, nameBytes.Length);
        output.Write(local);
        output.Write(nameBytes);
        output.Write(data);

        var central = new byte[46];
        BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(4), 20); // version made by
        Common(central.AsSpan(6), data.Length, size, crc, nameBytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(42), (uint)offset);
        directory.Write(central);
        directory.Write(nameBytes);
    }

    /// <summary>Version needed, flags, method, time, date, CRC, sizes, name length: shared by both headers.</summary>
    private static void Common(Span<byte> at, long compressed, long size, uint crc, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, 20);
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], 8); // deflate
        BinaryPrimitives.WriteUInt16LittleEndian(at[8..], 0x21); // 1980-01-01
        BinaryPrimitives.WriteUInt32LittleEndian(at[10..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(at[14..], (uint)compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(at[18..], (uint)Math.Min(size, uint.MaxValue - 1));
        BinaryPrimitives.WriteUInt16LittleEndian(at[22..], (ushort)nameLength);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
