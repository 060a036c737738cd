using System.IO.Compression;
using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Registry.Data.Abstractions;

namespace Registry.Data.Import;

/// <summary>
/// Excel workbooks: the first worksheet, read row by row with the SAX <see cref="OpenXmlReader"/> so memory does not
/// grow with the row count. Same headers and cell rules as CSV. A non-seekable input is copied to a temp file first
/// (a zip needs random access).
/// </summary>
public sealed class XlsxImportReader : IImportReader
{
    public async IAsyncEnumerable<ImportCandidate> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var temp = input.CanSeek ? null : await CopyToTempAsync(input, ct);
        using var document = Open(temp ?? input);
        var (sheet, context) = Guard(() => Prepare(document));

        using var reader = OpenXmlReader.Create(sheet);
        TabularRowMapper? mapper = null;
        while (Guard(reader.Read))
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var (number, cells) = Guard(() =>
            {
                var row = (Row)reader.LoadCurrentElement()!;
                return ((int)(row.RowIndex?.Value ?? 0), XlsxCells.ReadRow(row, context));
            });
            if (mapper is null)
            {
                if (cells.All(c => c.IsEmpty)) continue;
                mapper = TabularRowMapper.FromHeader(cells.Select(c => c.Text).ToList());
                continue;
            }
            if (mapper.Map(number, cells) is { } candidate) yield return candidate;
            ct.ThrowIfCancellationRequested();
        }
        if (mapper is null) throw new ImportFileException(ImportFileErrorKind.Empty, "Trang tính đầu tiên trống (the first worksheet is empty)");
    }

    private static (WorksheetPart Sheet, XlsxSheetContext Context) Prepare(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw Malformed("không có workbook (no workbook part)");
        var date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true;
        return (FirstWorksheet(workbook),
            new XlsxSheetContext(XlsxCells.LoadSharedStrings(workbook), XlsxCells.DateStyleIndexes(workbook), date1904));
    }

    private static SpreadsheetDocument Open(Stream source)
    {
        try
        {
            return SpreadsheetDocument.Open(source, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException
                                       or IOException or ArgumentException or InvalidOperationException)
        {
            throw Malformed(ex.Message);
        }
    }

    private static WorksheetPart FirstWorksheet(WorkbookPart workbook)
    {
        var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new ImportFileException(ImportFileErrorKind.Empty, "Tệp Excel không có trang tính nào (the workbook has no worksheet)");
        if (first.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            throw Malformed("trang tính đầu tiên không đọc được (the first sheet is not a worksheet)");
        return part;
    }

    /// <summary>Reading a damaged part fails deep in the zip or XML layer; that becomes a file-level error.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or IOException
                                       or OpenXmlPackageException or InvalidOperationException or FormatException)
        {
            throw Malformed(ex.Message);
        }
    }

    private static async Task<FileStream> CopyToTempAsync(Stream input, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await input.CopyToAsync(file, ct);
        file.Position = 0;
        return file;
    }

    internal static ImportFileException Malformed(string detail) =>
        new(ImportFileErrorKind.MalformedFile,
            $"Tệp không phải là tệp Excel .xlsx hợp lệ; hãy mở và lưu lại bằng Excel (file is not a valid .xlsx workbook: {detail})");
}
