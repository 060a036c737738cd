using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Registry.Api.Coverage;

/// <summary>The cell styles of <see cref="XlsxSheetWriter.Stylesheet"/>, by index.</summary>
public enum XlsxStyle : uint
{
    Text = 0,
    Header = 1,
    Integer = 2,
    /// <summary>A fraction shown as a percentage with one decimal (0.714 → 71.4%).</summary>
    Percent = 3,
    /// <summary>A signed count (+3, −1, 0).</summary>
    SignedInteger = 4,
    /// <summary>A signed difference of percentages, in points (+4.7).</summary>
    SignedPoints = 5,
    Wrapped = 6,
    Bold = 7,
}

/// <summary>One cell to write: text (always stored as an inline string, never a formula) or a number.</summary>
public readonly record struct XlsxCell(string? Text, double? Number, XlsxStyle Style)
{
    public static XlsxCell Of(string? text, XlsxStyle style = XlsxStyle.Text) => new(text, null, style);
    public static XlsxCell Of(double number, XlsxStyle style) => new(null, number, style);
}

/// <summary>
/// Writes worksheets with the Open XML SDK. Text goes into inline strings only: nothing a record holds can become a
/// formula (a title "=HYPERLINK(...)" stays text), and characters XML 1.0 cannot carry are dropped so the package
/// always opens.
/// </summary>
public static class XlsxSheetWriter
{
    public static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "+#,##0;-#,##0;0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "+0.0;-0.0;0.0" }) { Count = 3 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 8 });

    /// <summary>Adds a sheet: the first row is the header (frozen when <paramref name="freezeHeader"/>), widths in characters.</summary>
    public static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, IReadOnlyList<double> widths,
        IEnumerable<IReadOnlyList<XlsxCell>> rows, bool freezeHeader = true)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        if (freezeHeader)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
        }
        worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        var data = new SheetData();
        uint r = 0;
        foreach (var cells in rows)
        {
            r++;
            var row = new Row { RowIndex = r };
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = Cell(cells[c], Reference(c, r));
                if (cell is not null) row.Append(cell);
            }
            data.Append(row);
        }
        worksheet.Append(data);
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Cell? Cell(XlsxCell value, string reference)
    {
        if (value.Number is { } n)
        {
            return new Cell { CellReference = reference, StyleIndex = (uint)value.Style, CellValue = new CellValue(n) };
        }
        if (string.IsNullOrEmpty(value.Text)) return null;
        return new Cell
        {
            CellReference = reference,
            StyleIndex = (uint)value.Style,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(XmlSafe(value.Text)) { Space = SpaceProcessingModeValues.Preserve }),
        };
    }

    /// <summary>"A1"-style reference of a zero-based column and one-based row.</summary>
    public static string Reference(int column, uint row)
    {
        var letters = new StringBuilder();
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters.Insert(0, (char)('A' + (c - 1) % 26));
        return letters.ToString() + row;
    }

    /// <summary>
    /// Drops what XML 1.0 cannot hold (control characters other than tab and line breaks, unpaired surrogates,
    /// U+FFFE and U+FFFF) and cuts at Excel's 32,767 characters per cell.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(ch).Append(text[++i]);
                }
                continue;
            }
            if (char.IsLowSurrogate(ch) || ch is '\uFFFE' or '\uFFFF') continue;
            if (ch < ' ' && ch is not ('\t' or '\n' or '\r')) continue;
            sb.Append(ch);
        }
        return sb.Length > 32767 ? sb.ToString(0, char.IsHighSurrogate(sb[32766]) ? 32766 : 32767) : sb.ToString();
    }
}
