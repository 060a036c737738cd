using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// Shared by CSV and Excel: binds the header row to documented columns (file-level errors for unknown, duplicate
/// or missing columns) and turns each later row into a candidate, with one error per bad cell.
/// </summary>
internal sealed class TabularRowMapper
{
    private readonly RecordColumn?[] _columns;
    private readonly string[] _headers;
    private readonly int _securityIndex;

    private TabularRowMapper(RecordColumn?[] columns, string[] headers)
    {
        _columns = columns;
        _headers = headers;
        _securityIndex = Array.IndexOf(columns, ImportColumns.Security);
    }

    public static TabularRowMapper FromHeader(IReadOnlyList<string> headerCells)
    {
        var headers = headerCells.Select(h => h.Trim()).ToArray();
        var lastNamed = Array.FindLastIndex(headers, h => h.Length > 0);
        if (lastNamed < 0)
            throw new ImportFileException(ImportFileErrorKind.Empty, "Tệp không có dòng tiêu đề (the file has no header row)");
        headers = headers[..(lastNamed + 1)]; // trailing empty header cells are common in exported sheets
        var columns = new RecordColumn?[headers.Length];
        var unknown = new List<string>();
        for (var i = 0; i < headers.Length; i++)
        {
            columns[i] = ImportColumns.Find(headers[i]);
            if (columns[i] is null) unknown.Add(headers[i].Length == 0 ? $"(cột {i + 1} trống / column {i + 1} is blank)" : $"'{headers[i]}'");
        }
        if (unknown.Count > 0)
            throw new ImportFileException(ImportFileErrorKind.UnknownColumn,
                $"Cột không được hỗ trợ: {string.Join(", ", unknown)}. Các cột hợp lệ: {KnownHeaders()} " +
                $"(unknown columns: {string.Join(", ", unknown)}; see docs/import.md for the valid headers)");
        var duplicate = columns.GroupBy(c => c!.Header).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ImportFileException(ImportFileErrorKind.DuplicateColumn,
                $"Cột '{duplicate.Key}' xuất hiện nhiều lần (column '{duplicate.Key}' appears more than once)");
        foreach (var required in new[] { ImportColumns.Code.Header, ImportColumns.Title.Header })
            if (columns.All(c => c!.Header != required))
                throw new ImportFileException(ImportFileErrorKind.MissingColumn,
                    $"Thiếu cột bắt buộc '{required}' (required column '{required}' is missing). Các cột hợp lệ: {KnownHeaders()}");
        return new TabularRowMapper(columns, headers);
    }

    public static string KnownHeaders() => string.Join(", ", ImportColumns.All.Where(c => c.Imported).Select(c => $"'{c.Header}'"));

    /// <summary>Null for a blank row (skipped, but still counted in the row numbers).</summary>
    public ImportCandidate? Map(int rowNumber, IReadOnlyList<SheetCell> cells)
    {
        // A formula's cached result is whatever the last program to save the file wrote: never trusted for the
        // classification, and refused for the whole file so a curator sees it rather than a silently stored row.
        if (_securityIndex >= 0 && _securityIndex < cells.Count && cells[_securityIndex].Formula)
            throw new ImportFileException(ImportFileErrorKind.Formula,
                $"Dòng {rowNumber}: cột '{ImportColumns.Security.Header}' chứa công thức; hãy nhập giá trị trực tiếp " +
                $"(row {rowNumber}: the '{ImportColumns.Security.Header}' column holds a formula; type the value itself)");
        if (cells.All(c => c.IsEmpty)) return null;
        // Classification first: a classified row is dropped before any of its content is looked at.
        if (_securityIndex >= 0 && _securityIndex < cells.Count && !cells[_securityIndex].IsEmpty
            && !(Validation.SecurityLevels.TryParse(cells[_securityIndex].Text, out var level) && level == SecurityClassification.None))
            return new ImportCandidate(rowNumber, null, null, [], StateSecret: true);

        var record = new TaskRecord();
        var errors = new List<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].IsEmpty) continue;
            if (i >= _columns.Length)
            {
                errors.Add($"Dòng {rowNumber}: có dữ liệu ở cột {i + 1} không có tiêu đề (row {rowNumber}: data in column {i + 1}, which has no header)");
                continue;
            }
            var (next, expected) = _columns[i]!.Read(record, cells[i]);
            record = next;
            if (expected is not null)
                errors.Add($"Dòng {rowNumber}, cột '{_headers[i]}': giá trị '{Shorten(cells[i].Text)}' không hợp lệ; cần {expected} " +
                           $"(row {rowNumber}, column '{_headers[i]}': invalid value)");
        }
        var code = string.IsNullOrWhiteSpace(record.Code) ? null : record.Code;
        var chars = cells.Sum(c => c.Text.Length);
        return errors.Count > 0
            ? new ImportCandidate(rowNumber, code, null, errors) { Chars = chars }
            : new ImportCandidate(rowNumber, code, record, []) { Chars = chars };
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
