using System.Buffers.Binary;
using System.IO.Compression;

namespace Registry.Data.Import;

/// <summary>
/// The zip side of a workbook: opens it after checking its central directory is of a sane size (a zip announcing a
/// million entries would make the archive reader allocate for each), finds parts through their relationships
/// (_rels/.rels → workbook → first sheet, shared strings, styles) and opens each through <see cref="XlsxPartStream"/>.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly ImportReadLimits _limits;
    private readonly InflateBudget _budget;

    private XlsxPackage(ZipArchive zip, ImportReadLimits limits)
    {
        _zip = zip;
        _limits = limits;
        _budget = new InflateBudget(limits.MaxDecompressedBytes);
    }

    /// <summary>The stream must be seekable; it is left open.</summary>
    public static XlsxPackage Open(Stream source, ImportReadLimits limits)
    {
        CheckCentralDirectory(source, limits);
        try
        {
            return new XlsxPackage(new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true), limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw XlsxImportReader.Malformed(ex.Message);
        }
    }

    /// <summary>A part by its path in the zip (no leading '/'), or null when absent.</summary>
    public Stream? OpenPart(string path)
    {
        var entry = _zip.GetEntry(path);
        if (entry is null) return null;
        // A part that admits to being a bomb is refused before inflating a byte; one that lies about its size is
        // stopped by XlsxPartStream as it inflates.
        if (entry.Length > Math.Max(_limits.RatioFreeBytes, entry.CompressedLength * _limits.MaxCompressionRatio))
            throw XlsxPartStream.Bomb(path, _limits);
        return new XlsxPartStream(entry.Open(), path, entry.CompressedLength, _limits, _budget);
    }

    public XlsxXml? OpenXml(string path) => OpenPart(path) is { } stream ? new XlsxXml(stream, path, _limits) : null;

    /// <summary>
    /// Relationship targets by type suffix ("officeDocument", "worksheet", …) and id, resolved against the folder of
    /// <paramref name="sourcePart"/> ("" for the package itself).
    /// </summary>
    public List<(string Id, string Type, string Target)> Relationships(string sourcePart)
    {
        var folder = sourcePart.Contains('/') ? sourcePart[..sourcePart.LastIndexOf('/')] : "";
        var relsPath = (folder.Length > 0 ? folder + "/" : "") + "_rels/" + sourcePart[(sourcePart.LastIndexOf('/') + 1)..] + ".rels";
        var result = new List<(string, string, string)>();
        using var xml = OpenXml(relsPath);
        if (xml is null) return result;
        while (xml.ReadTo("Relationship"))
        {
            if (result.Count >= _limits.MaxZipEntries) throw XlsxImportReader.Malformed($"too many relationships in {relsPath}");
            if (xml.Attribute("TargetMode") == "External") continue;
            var (id, type, target) = (xml.Attribute("Id"), xml.Attribute("Type"), xml.Attribute("Target"));
            if (id is null || type is null || target is null) continue;
            result.Add((id, type[(type.LastIndexOf('/') + 1)..], Resolve(folder, target)));
        }
        return result;
    }

    /// <summary>"worksheets/sheet1.xml" from "xl" → "xl/worksheets/sheet1.xml"; "/xl/a.xml" is from the root.</summary>
    internal static string Resolve(string folder, string target)
    {
        List<string> parts = target.StartsWith('/') ? [] : [.. folder.Split('/', StringSplitOptions.RemoveEmptyEntries)];
        foreach (var segment in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment != ".") parts.Add(Uri.UnescapeDataString(segment));
        }
        return string.Join('/', parts);
    }

    /// <summary>Reads the end-of-central-directory record (the last 22 bytes plus a comment of up to 64 KB).</summary>
    private static void CheckCentralDirectory(Stream source, ImportReadLimits limits)
    {
        var start = source.Position;
        var tail = (int)Math.Min(source.Length - start, 22 + ushort.MaxValue);
        if (tail < 22) throw XlsxImportReader.Malformed("too short for a zip");
        var buffer = new byte[tail];
        source.Position = source.Length - tail;
        source.ReadExactly(buffer);
        source.Position = start;
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != 0x06054b50) continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            var directoryBytes = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i + 12));
            // 0xFFFF / 0xFFFFFFFF announce zip64, which no workbook within the size limit needs. The directory's size is
            // checked too (256 bytes an entry is generous for part names), as its record count could understate it.
            if (entries > limits.MaxZipEntries || directoryBytes > (long)limits.MaxZipEntries * 256)
                throw ImportReadLimits.TooLarge(
                    $"Tệp Excel có quá nhiều phần (hơn {limits.MaxZipEntries:N0}); hãy mở và lưu lại bằng Excel",
                    $"the workbook holds more than {limits.MaxZipEntries:N0} zip entries; re-save it in Excel");
            return;
        }
        throw XlsxImportReader.Malformed("no zip end-of-central-directory record");
    }

    public void Dispose() => _zip.Dispose();
}
