using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Registry.Data.Tests.Import;

/// <summary>Writes small workbooks for tests, with the cell types Excel really produces.</summary>
internal static class XlsxBuilder
{
    /// <summary>A cell value: string → shared string, <see cref="Inline"/> → inline string, double → number,
    /// DateOnly → serial number with a date style, bool → boolean, null → no cell.</summary>
    public sealed record Inline(string Text);

    public static MemoryStream Build(params object?[][] rows) => Build(date1904: false, rows);

    /// <param name="date1904">Write the workbook in the 1904 date system (old Mac Excel).</param>
    public static MemoryStream Build(bool date1904, params object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            if (date1904) workbook.Workbook.AppendChild(new WorkbookProperties { Date1904 = true });
            AddStyles(workbook);
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var strings = new List<string>();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                    if (rows[r][c] is { } value) row.Append(Cell(value, $"{(char)('A' + c)}{r + 1}", strings, date1904));
                data.Append(row);
            }
            foreach (var s in strings) shared.SharedStringTable.Append(new SharedStringItem(new Text(s)));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Nhiệm vụ" }));
        }
        stream.Position = 0;
        return stream;
    }

    private static Cell Cell(object value, string reference, List<string> strings, bool date1904) => value switch
    {
        string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Index(strings, s)) },
        Inline i => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) },
        double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
        DateOnly date => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate() - (date1904 ? 1462 : 0)) },
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        _ => throw new ArgumentException(value.GetType().Name),
    };

    private static int Index(List<string> strings, string s)
    {
        var i = strings.IndexOf(s);
        if (i >= 0) return i;
        strings.Add(s);
        return strings.Count - 1;
    }

    /// <summary>Style 0 is General; style 1 uses the custom format dd/mm/yyyy (id 164).</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });
    }
}
