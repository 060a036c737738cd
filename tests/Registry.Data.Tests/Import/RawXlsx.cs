using System.IO.Compression;
using System.Security;
using System.Text;

namespace Registry.Data.Tests.Import;

/// <summary>
/// Workbooks written by hand, part by part, so a test can put in them what no spreadsheet program would: cells out of
/// order, references twice, nesting 200,000 deep, a DTD, a zip bomb. The parts are the ones the reader follows:
/// _rels/.rels → xl/workbook.xml → its relationships → the first sheet and, when given, shared strings.
/// </summary>
public static class RawXlsx
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook whose first sheet's &lt;sheetData&gt; holds <paramref name="sheetData"/> verbatim.</summary>
    public static MemoryStream Build(string sheetData, string? sharedStrings = null, CompressionLevel level = CompressionLevel.Optimal) =>
        BuildParts(new Dictionary<string, string>
        {
            ["xl/worksheets/sheet1.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>",
        }, sharedStrings, level);

    /// <summary>Like <see cref="Build"/>, with whole parts given by path (the sheet is xl/worksheets/sheet1.xml).</summary>
    public static MemoryStream BuildParts(IReadOnlyDictionary<string, string> parts, string? sharedStrings = null,
        CompressionLevel level = CompressionLevel.Optimal)
    {
        var all = new Dictionary<string, string>
        {
            ["_rels/.rels"] = $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Nhiệm vụ\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>") + "</Relationships>",
        };
        if (sharedStrings is not null) all["xl/sharedStrings.xml"] = sharedStrings;
        foreach (var (path, text) in parts) all[path] = text;
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, text) in all)
            {
                using var entry = archive.CreateEntry(path, level).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        zip.Position = 0;
        return zip;
    }

    /// <summary>A zip whose one part streams <paramref name="bytes"/> bytes of <paramref name="fill"/>, written without a buffer.</summary>
    public static MemoryStream Bomb(string path, long bytes, byte fill = (byte)' ')
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in SkeletonFor(path)) WriteEntry(archive, name, text);
            using var entry = archive.CreateEntry(path, CompressionLevel.SmallestSize).Open();
            // The spaces sit between elements, where no cell limit applies: only the inflation check can stop them.
            entry.Write(Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Main}\"><sheetData>"));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, fill);
            for (long left = bytes; left > 0; left -= chunk.Length) entry.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
        zip.Position = 0;
        return zip;
    }

    private static IEnumerable<(string, string)> SkeletonFor(string sheetPath)
    {
        using var skeleton = Build("");
        using var archive = new ZipArchive(skeleton, ZipArchiveMode.Read);
        foreach (var entry in archive.Entries.Where(e => e.FullName != sheetPath).ToList())
        {
            using var reader = new StreamReader(entry.Open());
            yield return (entry.FullName, reader.ReadToEnd());
        }
    }

    private static void WriteEntry(ZipArchive archive, string name, string text)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>&lt;c r="A1" t="inlineStr"&gt;&lt;is&gt;&lt;t&gt;text&lt;/t&gt;&lt;/is&gt;&lt;/c&gt;.</summary>
    public static string Cell(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>";

    /// <summary>A row of inline-string cells, written in the order given.</summary>
    public static string Row(int number, params (string Reference, string Text)[] cells) =>
        $"<row r=\"{number}\">{string.Concat(cells.Select(c => Cell(c.Reference, c.Text)))}</row>";

    /// <summary>Header row 1: Mã số (A), Tên nhiệm vụ (B), Độ mật (C).</summary>
    public static string Header => Row(1, ("A1", "Mã số"), ("B1", "Tên nhiệm vụ"), ("C1", "Độ mật"));
}
