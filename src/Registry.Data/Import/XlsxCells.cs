using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Registry.Data.Import;

/// <summary>What reading cells needs from the rest of the workbook.</summary>
/// <param name="Date1904">Workbooks from old Mac Excel count serial dates from 1904, not 1900.</param>
internal sealed record XlsxSheetContext(List<string> SharedStrings, HashSet<uint> DateStyles, bool Date1904);

/// <summary>Turns worksheet cells into <see cref="SheetCell"/>s: shared and inline strings, numbers, dates, booleans.</summary>
internal static class XlsxCells
{
    /// <summary>Built-in number formats that display a date (ECMA-376 18.8.30).</summary>
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    public static List<string> LoadSharedStrings(WorkbookPart workbook)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                list.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
        return list;
    }

    /// <summary>Indexes into cellXfs whose number format shows a date, so serial numbers can be read as dates.</summary>
    public static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var customDates = (stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            .Where(f => f.NumberFormatId?.Value is not null && LooksLikeDate(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet();
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id) || customDates.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    /// <summary>A custom format is a date when, outside quotes and [..] sections, it uses d, m or y.</summary>
    internal static bool LooksLikeDate(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var inQuote = false;
        var inBracket = false;
        foreach (var c in code)
        {
            if (c == '"') inQuote = !inQuote;
            else if (!inQuote && c == '[') inBracket = true;
            else if (!inQuote && c == ']') inBracket = false;
            else if (!inQuote && !inBracket && char.ToLowerInvariant(c) is 'd' or 'y' or 'm') return true;
        }
        return false;
    }

    public static List<SheetCell> ReadRow(Row row, XlsxSheetContext context)
    {
        var cells = new List<SheetCell>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            while (cells.Count < column) cells.Add(SheetCell.Empty);
            if (cells.Count == column) cells.Add(Read(cell, context));
        }
        return cells;
    }

    private static SheetCell Read(Cell cell, XlsxSheetContext context)
    {
        var sharedStrings = context.SharedStrings;
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new SheetCell(int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Count ? sharedStrings[i] : "");
        if (type == CellValues.InlineString) return new SheetCell(cell.InlineString?.InnerText ?? "");
        if (type == CellValues.Boolean) return new SheetCell(raw == "1" ? "TRUE" : "FALSE");
        if (type == CellValues.String || type == CellValues.Error) return new SheetCell(raw);
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                ? new SheetCell(iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: DateOnly.FromDateTime(iso))
                : new SheetCell(raw);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new SheetCell(raw);
        if (cell.StyleIndex?.Value is { } style && context.DateStyles.Contains(style) && number is > 0 and < 2958466)
        {
            // 1462 days separate the 1904 epoch from the 1900 one.
            var date = DateOnly.FromDateTime(DateTime.FromOADate(context.Date1904 ? number + 1462 : number));
            return new SheetCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: date);
        }
        return new SheetCell(number.ToString("R", CultureInfo.InvariantCulture), Number: number);
    }

    /// <summary>"AB12" → 27 (zero-based column).</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
        }
        return letters == 0 ? null : index - 1;
    }
}
