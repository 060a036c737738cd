using System.Globalization;
using Registry.Data.Import;
using Registry.Data.Reference;

namespace Registry.Data.Records;

/// <summary>
/// The kinds of spreadsheet cell a field declaration picks from: each reads a cell as curators type it
/// (<see cref="CellParsers"/>) and writes the form that reads back to the same value.
/// </summary>
internal static class Cells
{
    private const string DateFormat = "dd/MM/yyyy, yyyy-MM-dd or MM/yyyy (first day of the month)";

    public static RecordColumn Text(string header, string alias, string example,
        Func<TaskRecord, string?> get, Func<TaskRecord, string, TaskRecord> set, string format = "text") =>
        new(header, alias, format, example, ColumnUse.ImportAndExport, get, (r, c) => (set(r, c.Text.Trim()), null));

    public static RecordColumn Choice<T>(string header, string alias, string example,
        Func<TaskRecord, T?> get, Func<TaskRecord, T, TaskRecord> set, ColumnUse use = ColumnUse.ImportAndExport)
        where T : struct, Enum
    {
        var map = ValueMap<T>.Instance;
        return new(header, alias, "one of " + map.Expected, example, use,
            r => get(r) is { } v ? EnumLabels.Of(v).Vi : null,
            (r, c) => map.TryGet(c.Text, out var v) ? (set(r, v), null) : (r, "một trong / one of " + map.Expected));
    }

    public static RecordColumn Date(string header, string alias, string example,
        Func<TaskRecord, DateOnly?> get, Func<TaskRecord, DateOnly, TaskRecord> set) =>
        new(header, alias, DateFormat, example, ColumnUse.ImportAndExport,
            r => get(r)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (r, c) => CellParsers.TryDate(c, out var d)
                ? (set(r, d), null)
                : (r, "ngày dạng dd/MM/yyyy, yyyy-MM-dd hoặc MM/yyyy (a date dd/MM/yyyy, yyyy-MM-dd or MM/yyyy)"));

    /// <summary>An amount in VND written in <paramref name="unit"/>s (1 or 1,000,000); exported in whole VND.</summary>
    public static RecordColumn Money(string header, string alias, decimal unit, string example,
        Func<TaskRecord, long?> get, Func<TaskRecord, long, TaskRecord> set) =>
        new(header, alias, unit == 1m ? "whole VND; '1.250.000' or '1250000'" : "millions of VND; '1.250,5' or '1250.5'", example,
            unit == 1m ? ColumnUse.ImportAndExport : ColumnUse.ImportOnly,
            r => get(r)?.ToString(CultureInfo.InvariantCulture),
            (r, c) => CellParsers.TryDecimal(c, out var v) && v >= 0
                ? (set(r, (long)Math.Round(v * unit, MidpointRounding.AwayFromZero)), null)
                : (r, "một số không âm, ví dụ 1.250,5 hoặc 1250.5 (a non-negative number such as 1.250,5 or 1250.5)"));

    /// <summary>Texts separated by ';' (a line break also separates), exported joined with "; ".</summary>
    public static RecordColumn List(string header, string alias, string example,
        Func<TaskRecord, IEnumerable<string?>?> get, Func<TaskRecord, List<string>, TaskRecord> set) =>
        new(header, alias, "separated by ';'", example, ColumnUse.ImportAndExport,
            r => Join(get(r)), (r, c) => (set(r, CellParsers.SplitList(c.Text, commaToo: false)), null));

    public static RecordColumn FieldCodes(string header, string alias, string example,
        Func<TaskRecord, IEnumerable<string?>?> get, Func<TaskRecord, List<string>, TaskRecord> set) =>
        new(header, alias, "field-of-science codes separated by ';' or ','", example, ColumnUse.ImportAndExport,
            r => Join(get(r)),
            (r, c) =>
            {
                var codes = CellParsers.SplitList(c.Text, commaToo: true);
                // Excel may store a lone sector code such as 401 as a number.
                if (c.Number is { } n) codes = [((long)n).ToString(CultureInfo.InvariantCulture)];
                var bad = codes.Where(code => !FieldsOfScience.IsValid(code)).ToList();
                return bad.Count == 0
                    ? (set(r, codes), null)
                    : (r, $"mã lĩnh vực theo Thông tư 24/2025/TT-BKHCN, ví dụ 401 hoặc 40101; không hiểu: {string.Join(", ", bad)} " +
                          "(field-of-science codes such as 401 or 40101)");
            });

    /// <summary>A person as "academic title name (role)": name, title and role are public; contacts never reach a cell.</summary>
    public static RecordColumn Person(string header, string alias, string example,
        Func<TaskRecord, PersonRecord?> get, Func<TaskRecord, PersonRecord, TaskRecord> set) =>
        new(header, alias, "name, optionally preceded by the academic title and followed by a role in brackets and an ORCID iD in square brackets", example,
            ColumnUse.ImportAndExport,
            r => PersonCell(get(r)),
            (r, c) =>
            {
                var parsed = CellParsers.ParsePerson(c.Text);
                var current = get(r) ?? new PersonRecord();
                // A title in its own column wins over one written before the name.
                return (set(r, current with
                {
                    Name = parsed.Name, AcademicTitle = current.AcademicTitle ?? parsed.AcademicTitle, Role = parsed.Role,
                    Orcid = current.Orcid ?? parsed.Orcid,
                }), null);
            });

    public static RecordColumn People(string header, string alias, string example,
        Func<TaskRecord, IEnumerable<PersonRecord?>?> get, Func<TaskRecord, List<PersonRecord>, TaskRecord> set) =>
        new(header, alias, "separated by ';', each optionally with a title, a role in brackets and an ORCID iD in square brackets", example, ColumnUse.ImportAndExport,
            r => Join(get(r)?.Select(PersonCell)),
            (r, c) => (set(r, CellParsers.SplitList(c.Text, commaToo: false).Select(CellParsers.ParsePerson).ToList()), null));

    /// <summary>A text read on import and never exported (an input-only field, or another form of an exported one).</summary>
    public static RecordColumn ImportOnly(RecordColumn column) =>
        new(column.Header, column.Alias, column.Format, column.Example, ColumnUse.ImportOnly, column.Write, column.Read);

    /// <summary>Exported and, on import, recognised and ignored: read-only values and summaries.</summary>
    public static RecordColumn ExportOnly(string header, string alias, string format, Func<TaskRecord, string?> get) =>
        new(header, alias, format, "", ColumnUse.ExportOnly, get, (r, _) => (r, null));

    public static string? Instant(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    public static string? Join(IEnumerable<string?>? values) =>
        values is null ? null : string.Join("; ", values.Where(v => !string.IsNullOrWhiteSpace(v)));

    private static string? PersonCell(PersonRecord? p)
    {
        if (string.IsNullOrWhiteSpace(p?.Name)) return null;
        var named = string.IsNullOrWhiteSpace(p.AcademicTitle) ? p.Name : $"{p.AcademicTitle} {p.Name}";
        var withRole = string.IsNullOrWhiteSpace(p.Role) ? named : $"{named} ({p.Role})";
        return string.IsNullOrWhiteSpace(p.Orcid) ? withRole : $"{withRole} [{p.Orcid}]";
    }
}
