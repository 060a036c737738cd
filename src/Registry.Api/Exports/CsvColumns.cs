using Registry.Data.Records;

namespace Registry.Api.Exports;

/// <summary>
/// The export's columns, one row per task: the exported columns of the field declarations
/// (<see cref="RecordFields.Columns"/>), under the headers the import reads, so an exported file can be edited and
/// imported again. The export only sees public records, and no declaration writes a contact into a cell.
/// </summary>
public static class CsvColumns
{
    public static readonly IReadOnlyList<RecordColumn> All = [.. RecordFields.Columns.Where(c => c.Exported)];
}
