namespace Registry.Data.Import;

/// <summary>
/// Bounds on what the CSV and Excel readers accept, so that no upload, however crafted, can make them use
/// unbounded memory, time or stack. Every breach is an <see cref="ImportFileException"/> (a 4xx), never a crash.
/// The figures and how peak memory was measured are in docs/import.md ("Limits").
/// </summary>
public sealed record ImportReadLimits
{
    /// <summary>The largest upload (Registry:Imports:MaxBytes); the absolute cap on decompressed XML follows from it.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Columns a row may use. The import documents about 40; Excel itself allows 16,384 (XFD).</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>
    /// Characters in one row: a CSV record (a quoted field may span lines, so this bounds the record, not the line) or
    /// a worksheet row (where one short shared string may be repeated in every cell).
    /// </summary>
    public int MaxRecordChars { get; init; } = 1 << 20;

    /// <summary>Entries in the .xlsx zip (a workbook has a few dozen parts).</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>
    /// A part may inflate to at most this many times its compressed size (the ratio Apache POI also uses) once it is
    /// past <see cref="RatioFreeBytes"/>; real sheets compress 5–20 times, a zip bomb a thousand.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Small parts are never judged by their ratio (a tiny styles part may compress very well).</summary>
    public long RatioFreeBytes { get; init; } = 1 << 20;

    /// <summary>All XML read from one workbook, decompressed: 16 times <see cref="MaxBytes"/>.</summary>
    public long MaxDecompressedBytes => MaxBytes * 16;

    /// <summary>Nesting of XML elements. A worksheet needs about 8; the depth is checked on every node read.</summary>
    public int MaxXmlDepth { get; init; } = 32;

    /// <summary>Bytes in one XML tag (name and attributes); the XML parser holds a whole tag in memory.</summary>
    public int MaxTagBytes { get; init; } = 64 * 1024;

    /// <summary>Entries in the shared strings table, and their characters all together.</summary>
    public int MaxSharedStrings { get; init; } = 1 << 20;

    public int MaxSharedStringChars { get; init; } = 32 * 1024 * 1024;

    /// <summary>Cell formats (styles) and number formats: Excel allows about 64,000.</summary>
    public int MaxStyles { get; init; } = 65_536;

    /// <summary>Excel's own sheet size: rows 1..1,048,576, columns A..XFD.</summary>
    public const int ExcelMaxRow = 1_048_576;

    public const int ExcelMaxColumn = 16_384;

    internal static ImportFileException TooLarge(string vietnamese, string english) =>
        new(ImportFileErrorKind.TooLarge, $"{vietnamese} ({english})");
}
