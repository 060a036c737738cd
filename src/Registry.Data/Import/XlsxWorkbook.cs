namespace Registry.Data.Import;

/// <summary>What reading cells needs from the rest of the workbook.</summary>
/// <param name="DateStyles">Indexes into cellXfs whose number format shows a date, so serial numbers read as dates.</param>
/// <param name="Date1904">Workbooks from old Mac Excel count serial dates from 1904, not 1900.</param>
internal sealed record XlsxSheetContext(XlsxSharedStrings SharedStrings, HashSet<int> DateStyles, bool Date1904);

/// <summary>Finds the first worksheet and loads what its cells refer to: shared strings, date styles, the date system.</summary>
internal static class XlsxWorkbook
{
    /// <summary>Built-in number formats that display a date (ECMA-376 18.8.30).</summary>
    private static readonly HashSet<int> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    public static (string SheetPath, XlsxSheetContext Context) Load(XlsxPackage package, ImportReadLimits limits)
    {
        var workbookPath = package.Relationships("").FirstOrDefault(r => r.Type == "officeDocument").Target
            ?? throw XlsxImportReader.Malformed("không có workbook (no workbook part)");
        var (date1904, sheetId) = ReadWorkbook(package, workbookPath);
        var rels = package.Relationships(workbookPath);
        var sheet = rels.FirstOrDefault(r => r.Id == sheetId);
        if (sheet.Type != "worksheet")
            throw XlsxImportReader.Malformed("trang tính đầu tiên không đọc được (the first sheet is not a worksheet)");

        XlsxSharedStrings strings;
        using (var xml = OpenByType(package, rels, "sharedStrings")) strings = XlsxSharedStrings.Load(xml, limits);
        HashSet<int> dateStyles;
        using (var xml = OpenByType(package, rels, "styles")) dateStyles = DateStyleIndexes(xml, limits);
        return (sheet.Target, new XlsxSheetContext(strings, dateStyles, date1904));
    }

    private static XlsxXml? OpenByType(XlsxPackage package, List<(string Id, string Type, string Target)> rels, string type) =>
        rels.FirstOrDefault(r => r.Type == type).Target is { } path ? package.OpenXml(path) : null;

    private static (bool Date1904, string SheetId) ReadWorkbook(XlsxPackage package, string path)
    {
        using var xml = package.OpenXml(path) ?? throw XlsxImportReader.Malformed("không có workbook (no workbook part)");
        var date1904 = false;
        while (xml.Read())
        {
            if (xml.IsStart("workbookPr")) date1904 = xml.Attribute("date1904") is "1" or "true";
            else if (xml.IsStart("sheet"))
                return (date1904, xml.Attribute("id", prefixed: true)
                    ?? throw XlsxImportReader.Malformed("trang tính không có r:id (a sheet has no r:id)"));
        }
        throw new ImportFileException(ImportFileErrorKind.Empty, "Tệp Excel không có trang tính nào (the workbook has no worksheet)");
    }

    /// <summary>Indexes into cellXfs whose number format (built-in or custom) shows a date.</summary>
    private static HashSet<int> DateStyleIndexes(XlsxXml? xml, ImportReadLimits limits)
    {
        var result = new HashSet<int>();
        if (xml is null) return result;
        var customDates = new HashSet<int>();
        var (index, inCellXfs) = (0, false);
        while (xml.Read())
        {
            if (xml.IsStart("numFmt") && int.TryParse(xml.Attribute("numFmtId"), out var id) && LooksLikeDate(xml.Attribute("formatCode")))
            {
                if (customDates.Count >= limits.MaxStyles) throw TooManyStyles(limits);
                customDates.Add(id);
            }
            else if (xml.IsStart("cellXfs")) inCellXfs = true;
            else if (xml.IsEnd("cellXfs")) inCellXfs = false;
            else if (inCellXfs && xml.IsStart("xf"))
            {
                if (index >= limits.MaxStyles) throw TooManyStyles(limits);
                var format = int.TryParse(xml.Attribute("numFmtId"), out var f) ? f : 0;
                if (BuiltInDateFormats.Contains(format) || customDates.Contains(format)) result.Add(index);
                index++;
            }
        }
        return result;
    }

    private static ImportFileException TooManyStyles(ImportReadLimits limits) => ImportReadLimits.TooLarge(
        $"Tệp Excel có hơn {limits.MaxStyles:N0} định dạng ô; hãy mở và lưu lại bằng Excel",
        $"the workbook has more than {limits.MaxStyles:N0} cell formats; re-save it in Excel");

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
}
