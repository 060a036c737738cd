using System.Globalization;
using System.Text.RegularExpressions;
using Registry.Data.Import;

namespace Registry.Data.Records;

/// <summary>
/// The spreadsheet cell of <c>coverage[]</c> ("Truyền thông"): one item per line,
/// <c>dd/MM/yyyy | loại kênh | cơ quan, kênh | đường dẫn | tiêu đề</c>. The date comes first and the title last, so
/// a title may hold '|'; the outlet may be left empty and the title left out. On one line, items may also be
/// separated by "; " when a date and '|' follow: a link cannot hold a space, so a ';' inside a link never splits (a
/// title holding "; 01/02/2024 |" would, on a hand-typed single line; the export never writes one). The export writes one item per line, which reads back unchanged
/// (outlet and title are on one line and the outlet holds no '|': the validator sees to both).
/// </summary>
internal static partial class CoverageCell
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public const string Format =
        "one item per line (or items separated by '; '): date dd/MM/yyyy | kind | outlet (may be empty) | url | title (optional)";

    public static RecordColumn Column(string header, string alias, string example) =>
        new(header, alias, Format, example, ColumnUse.ImportAndExport, r => Write(r.Coverage), Read);

    public static string? Write(IReadOnlyList<CoverageRecord?>? items)
    {
        if (items is null || items.Count == 0) return null;
        return string.Join("\n", items.Where(i => i is not null).Select(i => WriteItem(i!)));
    }

    private static string WriteItem(CoverageRecord item)
    {
        var date = item.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        var kind = item.Kind is { } k ? EnumLabels.CoverageKind.Of(k).Vi : "";
        var line = $"{date} | {kind} | {item.Outlet ?? ""} | {item.Url ?? ""}";
        return string.IsNullOrEmpty(item.Title) ? line : $"{line} | {item.Title}";
    }

    private static (TaskRecord, string?) Read(TaskRecord record, SheetCell cell)
    {
        var items = new List<CoverageRecord>();
        var lines = Split(cell.Text);
        for (var i = 0; i < lines.Count; i++)
        {
            var (item, problem) = ReadItem(lines[i]);
            if (problem is not null)
            {
                return (record, $"mỗi mục dạng 'dd/MM/yyyy | loại kênh | cơ quan, kênh | đường dẫn | tiêu đề'; mục {i + 1}: {problem.Value.Vi} " +
                                $"(each item as 'dd/MM/yyyy | kind | outlet | url | title'; item {i + 1}: {problem.Value.En})");
            }
            items.Add(item!);
        }
        return (record with { Coverage = items }, null);
    }

    /// <summary>Lines first; then, within a line, "; " before a whole item start.</summary>
    internal static List<string> Split(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .SelectMany(line => ItemBreak().Split(line))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();

    private static (CoverageRecord?, (string Vi, string En)?) ReadItem(string line)
    {
        var parts = line.Split('|', 5, StringSplitOptions.TrimEntries);
        if (parts.Length < 4)
        {
            return (null, ("cần ít nhất 4 phần ngăn bởi '|'", $"expected at least 4 parts separated by '|', found {parts.Length}"));
        }
        if (!DateOnly.TryParseExact(parts[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, ($"ngày '{Shorten(parts[0])}' không đúng dạng dd/MM/yyyy", "the date must be dd/MM/yyyy or yyyy-MM-dd"));
        }
        if (!ValueMap<CoverageKind>.Instance.TryGet(parts[1], out var kind))
        {
            return (null, ($"loại kênh '{Shorten(parts[1])}' không có; dùng một trong {ValueMap<CoverageKind>.Instance.Expected}",
                "unknown kind; use a label above or press, television, radio, portal, socialNetwork, event"));
        }
        if (parts[3].Length == 0) return (null, ("thiếu đường dẫn ở phần thứ 4", "the url, the 4th part, is missing"));
        return (new CoverageRecord
        {
            Date = date, Kind = kind, Outlet = Empty(parts[2]), Url = parts[3], Title = parts.Length > 4 ? Empty(parts[4]) : null,
        }, null);
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>"; " (at least one space) followed by a date and '|': where a new item starts on the same line.</summary>
    [GeneratedRegex(@";\s+(?=\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\s*\|)", RegexOptions.CultureInvariant)]
    private static partial Regex ItemBreak();
}
