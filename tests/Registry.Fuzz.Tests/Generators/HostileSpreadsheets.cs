using System.IO.Compression;
using System.Security;
using System.Text;
using CsCheck;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Fuzz.Tests.Infrastructure;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>
/// .xlsx workbooks written by hand (a zip of a few XML parts), so the sheet can be anything: cell references
/// repeated, out of Excel's range or missing, the classification cell written after the others, formulas,
/// deep element nesting, hostile inline and shared strings, a DTD with entities, many sheets of rows.
/// </summary>
public static class HostileSpreadsheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Header = ImportFiles.CsvHeader.Split(',');

    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];

    public sealed record Sheet(string Xml, string? SharedStrings, string Kind);

    public static Gen<HostileUpload> Workbooks => SheetGen.Select(s => new HostileUpload(Zip(s.Xml, s.SharedStrings), XlsxType, "xlsx " + s.Kind));

    private static Gen<Sheet> SheetGen => Gen.Select(Gen.Int[0, 9], Hostile.Text, Gen.Int[0, 10], Gen.Int[1, FuzzSettingsLimits.MaxXmlDepth])
        .Select((kind, text, column, depth) => kind switch
        {
            0 => new Sheet(Rows(Cells(Row(text, column))), null, "hostile inline text"),
            1 => new Sheet(Rows(Cells(Row("x", 0), reference: c => c == 3 ? "A2" : null)), null, "repeated cell reference"),
            2 => new Sheet(Rows(Cells(Row("x", 0), reference: c => c == column ? BigReference(depth) : null)), null, $"reference {BigReference(depth)}"),
            3 => new Sheet(Rows(Cells(Row("x", 0), order: Enumerable.Range(0, 11).Reverse())), null, "classification written first, others after"),
            4 => new Sheet(Rows(Cells(Row("x", 0)).Replace("<c r=\"K2\" t=\"inlineStr\">", "<c r=\"K2\"><f>\"Tuyệt \"&amp;\"mật\"</f>", StringComparison.Ordinal)), null, "formula in Độ mật"),
            5 => new Sheet(Rows(Cells(Row("x", 0)) + "<c r=\"L2\">" + string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth)) + "</c>"), null, $"nesting {depth}"),
            6 => new Sheet(SharedRow(column), "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + Escape(text) + "</t></si></sst>", "shared string index out of range or hostile"),
            7 => new Sheet("<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + Rows(Cells(Row("&b;", 1))), null, "DTD with entities"),
            8 => new Sheet(Rows(Cells(Row(text, column), raw: true)), null, "raw control characters in XML"),
            _ => new Sheet(Rows(Cells(Row(new string('ệ', depth * 10), column))), null, "long cell"),
        });

    private static string BigReference(int n) => (n % 6) switch
    {
        0 => "XFD2", 1 => "XFE2", 2 => "AAAA2", 3 => "A1048577", 4 => "A99999999999", _ => FuzzSettings.Deep ? "ZZZZZ2" : "ZZZ2",
    };

    private static string[] Row(string text, int column)
    {
        var cells = ImportFiles.CsvRow($"ĐT-X-{column:D3}{text.Length % 1000:D3}", "Nghiên cứu bảng tính").Split(',');
        cells[column % cells.Length] = text;
        return cells;
    }

    private static string Cells(string[] values, Func<int, string?>? reference = null, IEnumerable<int>? order = null, bool raw = false)
    {
        var sb = new StringBuilder();
        foreach (var c in order ?? Enumerable.Range(0, values.Length))
        {
            var r = reference?.Invoke(c) ?? Columns[c] + "2";
            sb.Append($"<c r=\"{r}\" t=\"inlineStr\"><is><t>{(raw ? values[c] : Escape(values[c]))}</t></is></c>");
        }

        return sb.ToString();
    }

    private static string SharedRow(int index) =>
        Rows(string.Concat(Enumerable.Range(0, 11).Select(c => c == 10 ? $"<c r=\"K2\" t=\"s\"><v>{index - 5}</v></c>" : $"<c r=\"{Columns[c]}2\" t=\"inlineStr\"><is><t>{(c == 0 ? "ĐT-S-1" : "a")}</t></is></c>")));

    public static string Rows(string dataCells)
    {
        var header = string.Concat(Header.Select((h, i) => $"<c r=\"{Columns[i]}1\" t=\"inlineStr\"><is><t>{Escape(h)}</t></is></c>"));
        return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
               $"<row r=\"1\">{header}</row><row r=\"2\">{dataCells}</row></sheetData></worksheet>";
    }

    /// <summary>XML-escapes, writing characters XML cannot hold as OOXML's _xHHHH_ escapes.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)) sb.Append($"_x{(int)c:X4}_");
            else sb.Append(SecurityElement.Escape(c.ToString()));
        }

        return sb.ToString();
    }

    public static byte[] Zip(string sheetXml, string? sharedStrings)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") +
                "</Types>");
            Add(zip, "_rels/.rels", Rels("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"));
            Add(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", Rels("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml",
                sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"));
            Add(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sheetXml);
            if (sharedStrings is not null) Add(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sharedStrings);
        }

        return buffer.ToArray();
    }

    private static string Rels(string id, string type, string target, string extra = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        $"<Relationship Id=\"{id}\" Type=\"{type}\" Target=\"{target}\"/>{extra}</Relationships>";

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes(content);
        stream.Write(bytes);
    }
}
