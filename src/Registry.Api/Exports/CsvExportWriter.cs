using System.Text;
using Registry.Data.Records;

namespace Registry.Api.Exports;

/// <summary>
/// Writes RFC 4180 CSV in UTF-8 with a BOM (so Excel opens Vietnamese correctly). Cells that a spreadsheet would
/// run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe.
/// </summary>
public static class CsvExportWriter
{
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    public static Task WriteHeaderAsync(TextWriter writer) =>
        writer.WriteAsync(string.Join(",", CsvColumns.All.Select(c => Escape(c.Header))) + "\r\n");

    public static Task WriteRowAsync(TextWriter writer, TaskRecord record) =>
        writer.WriteAsync(string.Join(",", CsvColumns.All.Select(c => Escape(Neutralise(Clean(c.Write(record)))))) + "\r\n");

    /// <summary>Stored text may predate write normalisation: no cell carries a control character or noncharacter.</summary>
    private static string? Clean(string? cell) => cell is null ? null : Http.UnsafeText.Clean(cell);

    /// <summary>CSV injection guard (OWASP): a leading apostrophe keeps the text but stops formula evaluation.</summary>
    public static string? Neutralise(string? cell) =>
        string.IsNullOrEmpty(cell) || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? cell : "'" + cell;

    public static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        return cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
    }
}
