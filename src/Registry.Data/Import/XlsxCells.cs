using System.Globalization;
using System.Text;

namespace Registry.Data.Import;

/// <summary>
/// Reads one &lt;row&gt; into <see cref="SheetCell"/>s placed by their reference ("C7" goes to column C whatever its
/// position in the row), as Excel itself reads them. A cell without a reference takes the column after the previous
/// cell. Anything that would need a guess refuses the file: a reference written twice, a row number repeated or out of
/// order, a reference naming another row, a column beyond XFD or a row beyond 1,048,576.
/// </summary>
internal sealed class XlsxCells(XlsxSheetContext context, ImportReadLimits limits)
{
    private readonly StringBuilder _text = new();
    private readonly HashSet<int> _seen = [];
    private int _previousRow;

    /// <summary>Reads the row the reader is on, leaving it on the row's end tag.</summary>
    public (int Number, List<SheetCell> Cells) ReadRow(XlsxXml xml)
    {
        var number = xml.Attribute("r") is { } r ? ParseRow(r) : _previousRow + 1;
        if (number <= _previousRow)
            throw Refuse($"dòng {number} xuất hiện hai lần hoặc sai thứ tự", $"row {number} appears twice or out of order");
        if (number > ImportReadLimits.ExcelMaxRow)
            throw Refuse($"dòng {number} vượt giới hạn của Excel", $"row {number} is beyond Excel's last row, {ImportReadLimits.ExcelMaxRow:N0}");
        _previousRow = number;
        _seen.Clear();
        var cells = new List<SheetCell>();
        if (xml.Reader.IsEmptyElement) return (number, cells);
        var depth = xml.Reader.Depth;
        var (column, chars) = (-1, 0L);
        while (xml.Read() && xml.Reader.Depth > depth)
        {
            if (xml.Reader.Depth != depth + 1 || !xml.IsStart("c")) continue; // cells are the row's own children
            column = xml.Attribute("r") is { } reference ? ParseReference(reference, number) : column + 1;
            if (column >= ImportReadLimits.ExcelMaxColumn) throw BeyondLastColumn(number);
            if (!_seen.Add(column))
                throw Refuse($"ô {Name(column)}{number} được ghi hai lần", $"cell {Name(column)}{number} is written twice");
            if (ReadCell(xml) is not { } cell) continue; // a formatted cell with no value, common far to the right
            if (column >= limits.MaxColumns)
                throw ImportReadLimits.TooLarge(
                    $"Ô {Name(column)}{number} nằm ngoài {limits.MaxColumns} cột được đọc; hãy xoá dữ liệu ở các cột thừa",
                    $"cell {Name(column)}{number} is beyond the {limits.MaxColumns} columns the import reads; clear the extra columns");
            // Shared strings are copied into each cell that uses them, so a row is bounded by its text, not its bytes.
            if ((chars += cell.Text.Length) > limits.MaxRecordChars)
                throw ImportReadLimits.TooLarge($"Dòng {number} dài hơn {limits.MaxRecordChars:N0} ký tự",
                    $"row {number} holds more than {limits.MaxRecordChars:N0} characters");
            while (cells.Count <= column) cells.Add(SheetCell.Empty);
            cells[column] = cell;
        }
        return (number, cells);
    }

    /// <summary>The cell's value, or null when it has neither a value nor a formula.</summary>
    private SheetCell? ReadCell(XlsxXml xml)
    {
        var type = xml.Attribute("t");
        var style = int.TryParse(xml.Attribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
        if (xml.Reader.IsEmptyElement) return null;
        var (depth, formula, hasValue) = (xml.Reader.Depth, false, false);
        _text.Clear();
        while (xml.Read() && xml.Reader.Depth > depth)
        {
            if (xml.Reader.Depth != depth + 1 || xml.Reader.NodeType != System.Xml.XmlNodeType.Element) continue;
            if (xml.IsStart("f")) formula = true;
            else if (xml.IsStart("v") || xml.IsStart("is"))
            {
                hasValue = true;
                xml.ReadText(_text, limits.MaxCellChars, textOnlyInT: xml.Reader.LocalName == "is");
            }
        }
        if (!hasValue && !formula) return null;
        return Convert(_text.ToString(), type, style) with { Formula = formula };
    }

    private SheetCell Convert(string raw, string? type, int style)
    {
        var sharedStrings = context.SharedStrings;
        switch (type)
        {
            case "s":
                return new SheetCell(int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Count ? sharedStrings[i] : "");
            case "inlineStr" or "str" or "e":
                return new SheetCell(raw);
            case "b":
                return new SheetCell(raw.Trim() == "1" ? "TRUE" : "FALSE");
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                    ? new SheetCell(iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: DateOnly.FromDateTime(iso))
                    : new SheetCell(raw);
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new SheetCell(raw);
        if (context.DateStyles.Contains(style) && number is > 0 and < 2958466)
        {
            // 1462 days separate the 1904 epoch from the 1900 one.
            var date = DateOnly.FromDateTime(DateTime.FromOADate(context.Date1904 ? number + 1462 : number));
            return new SheetCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: date);
        }
        return new SheetCell(number.ToString("R", CultureInfo.InvariantCulture), Number: number);
    }

    private static int ParseRow(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1
            ? row
            : throw Refuse($"số dòng '{Shorten(text)}' không hợp lệ", $"row number '{Shorten(text)}' is not valid");

    /// <summary>"AB12" in row 12 → 27 (zero-based column). The letters are bounded before they are summed.</summary>
    internal static int ParseReference(string reference, int row)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters])) letters++;
        if (letters == 0) throw Refuse($"tham chiếu ô '{Shorten(reference)}' không hợp lệ", $"cell reference '{Shorten(reference)}' is not valid");
        if (letters > 3) throw BeyondLastColumn(row);
        var column = 0;
        foreach (var c in reference.AsSpan(0, letters)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        if (column > ImportReadLimits.ExcelMaxColumn) throw BeyondLastColumn(row);
        if (!int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var cellRow) || cellRow != row)
            throw Refuse($"ô '{Shorten(reference)}' nằm trong dòng {row}", $"cell '{Shorten(reference)}' is written inside row {row}");
        return column - 1;
    }

    /// <summary>0 → "A", 27 → "AB".</summary>
    internal static string Name(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static ImportFileException BeyondLastColumn(int row) =>
        Refuse($"dòng {row} có ô nằm sau cột XFD, cột cuối của Excel", $"row {row} has a cell beyond column XFD, Excel's last column");

    private static ImportFileException Refuse(string vietnamese, string english) => XlsxImportReader.Malformed(vietnamese, english);

    private static string Shorten(string text) => text.Length > 12 ? text[..12] + "…" : text;
}
