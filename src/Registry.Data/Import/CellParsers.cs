using System.Globalization;
using System.Text.RegularExpressions;
using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>One spreadsheet cell: its text, and for Excel the typed value behind it when there is one.</summary>
/// <param name="Formula">Excel only: the cell holds a formula, so its text is a cached result no one checked.</param>
internal readonly record struct SheetCell(string Text, double? Number = null, DateOnly? Date = null, bool Formula = false)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Number is null && Date is null;
    public static readonly SheetCell Empty = new("");
}

/// <summary>Parsers for cell values as curators type them. Each returns false when the text does not fit.</summary>
internal static partial class CellParsers
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy"];
    private static readonly string[] MonthFormats = ["MM/yyyy", "M/yyyy", "yyyy-MM"];

    public static bool TryDate(SheetCell cell, out DateOnly date)
    {
        if (cell.Date is { } d) { date = d; return true; }
        // A plain number in a date column of a workbook is an Excel serial date without a date format.
        if (cell.Number is { } n && n is > 1 and < 2958466) { date = DateOnly.FromDateTime(DateTime.FromOADate(n)); return true; }
        var text = cell.Text.Trim();
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (DateOnly.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // A timestamp with a time part, as some exports write dates.
        if (DateTime.TryParseExact(text, ["dd/MM/yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        { date = DateOnly.FromDateTime(dt); return true; }
        return false;
    }

    /// <summary>
    /// A decimal as curators write it: Vietnamese "1.250,5" (dot thousands, comma decimals) or plain "1250.5".
    /// A lone dot followed by exactly three digits ("1.250") is read the Vietnamese way, as thousands.
    /// </summary>
    public static bool TryDecimal(SheetCell cell, out decimal value)
    {
        if (cell.Number is { } n) { value = (decimal)n; return true; }
        var text = cell.Text.Trim().Replace(" ", "").Replace("\u00A0", "");
        value = 0;
        if (text.Length == 0 || !DecimalShape().IsMatch(text)) return false;
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
            normalized = lastComma > lastDot ? text.Replace(".", "").Replace(',', '.') : text.Replace(",", "");
        else if (lastComma >= 0)
            normalized = text.Count(c => c == ',') > 1 ? text.Replace(",", "") : text.Replace(',', '.');
        else if (lastDot >= 0 && (text.Count(c => c == '.') > 1 || text.Length - lastDot - 1 == 3))
            normalized = text.Replace(".", "");
        else
            normalized = text;
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Splits a list cell on ';' (and ',' when <paramref name="commaToo"/>), trimming and dropping blanks.</summary>
    public static List<string> SplitList(string text, bool commaToo) =>
        text.Split(commaToo ? [';', ',', '\n'] : [';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

    /// <summary>
    /// "PGS.TS. Nguyễn Văn A (thư ký) [0000-0002-1825-0097]" → title "PGS.TS.", name "Nguyễn Văn A", role "thư ký",
    /// ORCID in the trailing brackets (checked later by the validator, like any other field).
    /// Titles are the usual học hàm / học vị abbreviations, chained with dots.
    /// </summary>
    public static PersonRecord ParsePerson(string text)
    {
        var rest = text.Trim();
        string? orcid = null;
        var orcidMatch = TrailingOrcid().Match(rest);
        if (orcidMatch.Success)
        {
            orcid = orcidMatch.Groups[1].Value.Trim();
            rest = rest[..orcidMatch.Index].Trim();
        }
        string? role = null;
        var roleMatch = TrailingRole().Match(rest);
        if (roleMatch.Success)
        {
            role = roleMatch.Groups[1].Value.Trim();
            rest = rest[..roleMatch.Index].Trim();
        }
        var titleMatch = LeadingTitle().Match(rest);
        string? title = null;
        if (titleMatch.Success && titleMatch.Length < rest.Length)
        {
            title = titleMatch.Value.Trim().TrimEnd(',').Trim();
            rest = rest[titleMatch.Length..].Trim();
        }
        return new PersonRecord { Name = rest, AcademicTitle = title, Role = role, Orcid = orcid };
    }

    [GeneratedRegex(@"^[+-]?[0-9][0-9.,]*$")]
    private static partial Regex DecimalShape();

    [GeneratedRegex(@"^(?:(?:GS|PGS|TSKH|TS|ThS|Ths|KS|CN|BSCKII|BSCKI|BS|CKII|CKI|DS|KTS|NCS|Bs|Gs|Ts)(?:\.\s*|\s+|,\s*))+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTitle();

    [GeneratedRegex(@"\(([^()]+)\)\s*$")]
    private static partial Regex TrailingRole();

    [GeneratedRegex(@"\[([^\[\]]*)\]\s*$")]
    private static partial Regex TrailingOrcid();
}
