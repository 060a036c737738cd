using System.Runtime.CompilerServices;
using System.Text;
using Registry.Data.Abstractions;

namespace Registry.Data.Import;

/// <summary>
/// CSV as spreadsheets save it: UTF-8 with or without BOM (UTF-16 with a BOM also accepted), ',' or ';' as the
/// delimiter (sniffed from the header), RFC 4180 quoting. Row numbers are those the spreadsheet shows (header = 1).
/// </summary>
public sealed class CsvImportReader(ImportReadLimits? limits = null) : IImportReader
{
    private readonly ImportReadLimits _limits = limits ?? new ImportReadLimits();

    public async IAsyncEnumerable<ImportCandidate> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var encoding = await DetectEncodingAsync(input, ct);
        using var text = new StreamReader(input, encoding, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var tokenizer = new CsvTokenizer(text, _limits);
        var row = 1;
        var header = await ReadAsync(tokenizer, row, ct, sniff: true)
            ?? throw new ImportFileException(ImportFileErrorKind.Empty, "Tệp trống (the file is empty)");
        var mapper = TabularRowMapper.FromHeader(header);
        while (await ReadAsync(tokenizer, row + 1, ct, sniff: false) is { } cells)
        {
            row++;
            if (mapper.Map(row, cells.Select(c => new SheetCell(c)).ToList()) is { } candidate) yield return candidate;
        }
    }

    private static async Task<List<string>?> ReadAsync(CsvTokenizer tokenizer, int row, CancellationToken ct, bool sniff)
    {
        try
        {
            if (sniff) await tokenizer.SniffDelimiterAsync(ct);
            return await tokenizer.ReadRowAsync(row, ct);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(ImportFileErrorKind.Encoding,
                $"Tệp không phải UTF-8 (lỗi ở khoảng dòng {row}); trong Excel hãy chọn Lưu thành 'CSV UTF-8' " +
                $"(file is not UTF-8, near row {row}; save as 'CSV UTF-8')");
        }
    }

    /// <summary>UTF-16 only with its BOM; everything else must be strict UTF-8 (invalid bytes throw, not '?').</summary>
    private static async Task<Encoding> DetectEncodingAsync(Stream input, CancellationToken ct)
    {
        if (!input.CanSeek) return new UTF8Encoding(false, throwOnInvalidBytes: true);
        var start = input.Position;
        var bom = new byte[2];
        var read = await input.ReadAtLeastAsync(bom, 2, throwOnEndOfStream: false, ct);
        input.Position = start;
        if (read == 2 && bom[0] == 0xFF && bom[1] == 0xFE) return new UnicodeEncoding(false, true, throwOnInvalidBytes: true);
        if (read == 2 && bom[0] == 0xFE && bom[1] == 0xFF) return new UnicodeEncoding(true, true, throwOnInvalidBytes: true);
        return new UTF8Encoding(false, throwOnInvalidBytes: true);
    }
}
