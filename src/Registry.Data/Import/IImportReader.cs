using Registry.Data.Abstractions;

namespace Registry.Data.Import;

/// <summary>
/// Turns an uploaded file into import candidates, one per record, streaming with constant memory.
/// Problems with one row become that candidate's <see cref="ImportCandidate.Errors"/>; problems with the whole file
/// throw <see cref="ImportFileException"/>.
/// </summary>
public interface IImportReader
{
    IAsyncEnumerable<ImportCandidate> ReadAsync(Stream input, CancellationToken ct = default);
}

public static class ImportReaders
{
    /// <param name="keepTimestamps">JSON Lines only: keep createdAt/updatedAt/publishedAt (snapshot restore).</param>
    /// <param name="limits">CSV and Excel: the bounds on columns, cell and record length, and the workbook's parts.</param>
    public static IImportReader For(ImportFormat format, bool keepTimestamps = false, ImportReadLimits? limits = null) => format switch
    {
        ImportFormat.JsonLines => new JsonLinesImportReader(keepTimestamps),
        ImportFormat.Csv => new CsvImportReader(limits),
        ImportFormat.Xlsx => new XlsxImportReader(limits),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
