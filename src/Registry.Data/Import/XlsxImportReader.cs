using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Registry.Data.Abstractions;

namespace Registry.Data.Import;

/// <summary>
/// Excel workbooks: the first worksheet, read row by row from the zip with a forward-only XML reader, so memory does
/// not grow with the row count and no part of the file can make the reader recurse, expand entities or inflate
/// without bound (see <see cref="ImportReadLimits"/>). Cells are placed by their reference; same headers and cell rules
/// as CSV. A non-seekable input is copied to a temp file first (a zip needs random access).
/// </summary>
public sealed class XlsxImportReader(ImportReadLimits? limits = null) : IImportReader
{
    private readonly ImportReadLimits _limits = limits ?? new ImportReadLimits();

    public async IAsyncEnumerable<ImportCandidate> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var temp = input.CanSeek ? null : await CopyToTempAsync(input, ct);
        using var package = Guard(() => XlsxPackage.Open(temp ?? input, _limits));
        var (sheetPath, context) = Guard(() => XlsxWorkbook.Load(package, _limits));
        using var sheet = package.OpenXml(sheetPath) ?? throw Malformed("thiếu trang tính", "the first sheet's part is missing");
        var rows = new XlsxCells(context, _limits);
        var inData = Guard(() => sheet.ReadTo("sheetData") && !sheet.Reader.IsEmptyElement);

        TabularRowMapper? mapper = null;
        while (inData && Guard(() => NextRow(sheet)))
        {
            var (number, cells) = Guard(() => rows.ReadRow(sheet));
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

    /// <summary>Moves to the next &lt;row&gt;; false at the end of sheetData.</summary>
    private static bool NextRow(XlsxXml sheet)
    {
        while (sheet.Read())
        {
            if (sheet.IsStart("row")) return true;
            if (sheet.IsEnd("sheetData")) return false;
        }
        return false;
    }

    /// <summary>Reading a damaged part fails deep in the zip or XML layer; that becomes a file-level error.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or DecoderFallbackException
                                       or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            throw Malformed(ex.Message);
        }
    }

    private async Task<FileStream> CopyToTempAsync(Stream input, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            if (file.Length > _limits.MaxBytes)
            {
                await file.DisposeAsync();
                throw ImportReadLimits.TooLarge($"Tệp lớn hơn {_limits.MaxBytes / (1024 * 1024)} MB; hãy chia nhỏ tệp",
                    $"the file exceeds {_limits.MaxBytes / (1024 * 1024)} MB; split it");
            }
        }
        file.Position = 0;
        return file;
    }

    internal static ImportFileException Malformed(string detail) =>
        new(ImportFileErrorKind.MalformedFile,
            $"Tệp không phải là tệp Excel .xlsx hợp lệ; hãy mở và lưu lại bằng Excel (file is not a valid .xlsx workbook: {detail})");

    /// <summary>A workbook that cannot be read without guessing; the message names the place.</summary>
    internal static ImportFileException Malformed(string vietnamese, string english) =>
        new(ImportFileErrorKind.MalformedFile,
            $"Tệp Excel không đọc được chắc chắn: {vietnamese}; hãy mở và lưu lại bằng Excel " +
            $"(the workbook cannot be read without guessing: {english}; re-save it in Excel)");
}
