using Registry.Data.Import;

namespace Registry.Data.Records;

/// <summary>Whether a spreadsheet column is read on import, written on export, or both.</summary>
public enum ColumnUse
{
    ImportAndExport,
    /// <summary>Another way to write a field (millions of VND, a separate academic title) or an input-only field.</summary>
    ImportOnly,
    /// <summary>A read-only field or a summary of outputs: recognised on import and ignored, so an export imports back.</summary>
    ExportOnly,
}

/// <summary>
/// One CSV/Excel column of a record field: the Vietnamese header curators write, the English name also accepted
/// (both matched folded: no case, diacritics, spaces or punctuation), what a cell holds, and how a cell is read into
/// the record and written from it.
/// </summary>
public sealed class RecordColumn
{
    private readonly Func<TaskRecord, string?> _write;
    private readonly Func<TaskRecord, SheetCell, (TaskRecord, string?)> _read;

    internal RecordColumn(string header, string alias, string format, string example, ColumnUse use,
        Func<TaskRecord, string?> write, Func<TaskRecord, SheetCell, (TaskRecord, string?)> read)
    {
        Header = header;
        Alias = alias;
        Format = format;
        Example = example;
        Use = use;
        _write = write;
        _read = read;
    }

    public string Header { get; }
    public string Alias { get; }
    /// <summary>What a cell holds, for docs and messages.</summary>
    public string Format { get; }
    public string Example { get; }
    public ColumnUse Use { get; }

    public bool Imported => Use != ColumnUse.ExportOnly;
    public bool Exported => Use != ColumnUse.ImportOnly;

    /// <summary>The cell the CSV export writes for a public record; null for an empty cell.</summary>
    public string? Write(TaskRecord record) => _write(record);

    /// <summary>The record with this cell read into it, and null, or the record unchanged and what was expected.</summary>
    internal (TaskRecord Record, string? Expected) Read(TaskRecord record, SheetCell cell) => _read(record, cell);
}
