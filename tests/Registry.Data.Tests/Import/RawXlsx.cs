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

    /// <summary>
    /// A workbook whose part <paramref name="path"/> claims and holds <paramref name="bytes"/> bytes of spaces (after an
    /// opening tag), in about a thousandth of that: one deflated megabyte of spaces is repeated, since after a sync
    /// flush each further megabyte deflates to the same bytes. Built in milliseconds whatever the size claimed. The
    /// stream has no final block and no CRC: a reader that went all the way would find it broken, not succeed.
    /// </summary>
    /// <param name="claimed">The size written in the zip's headers; a lying bomb claims little.</param>
    public static MemoryStream Bomb(string path, long bytes, long? claimed = null)
    {
        var (head, repeat) = DeflatedSpaces($"<worksheet xmlns=\"{Main}\"><sheetData>");
        var chunks = (int)(bytes >> 20);
        var data = new byte[head.Length + (long)repeat.Length * (chunks - 1)];
        head.CopyTo(data, 0);
        for (var i = 0; i < chunks - 1; i++) repeat.CopyTo(data, head.Length + i * repeat.Length);

        var zip = new MemoryStream();
        using (var skeleton = Build(""))
        using (var archive = new ZipArchive(skeleton, ZipArchiveMode.Read))
        {
            var entries = archive.Entries.Where(e => e.FullName != path).Select(e => (e.FullName, ReadAll(e))).ToList();
            ZipWriter.Write(zip, entries, (path, data, claimed ?? bytes));
        }
        zip.Position = 0;
        return zip;
    }

    /// <summary>The deflated bytes of the prefix and a first megabyte of spaces, then of each further megabyte.</summary>
    private static (byte[] Head, byte[] Repeat) DeflatedSpaces(string prefix)
    {
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        var output = new MemoryStream();
        using var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        var parts = new List<byte[]>();
        deflate.Write(Encoding.UTF8.GetBytes(prefix));
        for (var i = 0; i < 4; i++)
        {
            deflate.Write(spaces);
            deflate.Flush();
            parts.Add(output.ToArray());
            output.SetLength(0);
        }
        if (!parts[2].AsSpan().SequenceEqual(parts[3])) throw new InvalidOperationException("deflate output does not repeat");
        return ([.. parts[0], .. parts[1]], parts[2]);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
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
