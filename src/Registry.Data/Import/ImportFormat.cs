namespace Registry.Data.Import;

/// <summary>The file formats an import accepts.</summary>
public enum ImportFormat
{
    /// <summary>One record v1 JSON object per line (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    JsonLines,
    /// <summary>One task per row, documented Vietnamese headers (see docs/import.md).</summary>
    Csv,
    /// <summary>First worksheet of an Excel workbook, same headers and cell rules as CSV.</summary>
    Xlsx,
}

public static class ImportFormatNames
{
    /// <summary>The short name jobs, the audit log and telemetry use: jsonl, csv, xlsx.</summary>
    public static string Name(this ImportFormat format) => format switch
    {
        ImportFormat.JsonLines => "jsonl",
        ImportFormat.Csv => "csv",
        ImportFormat.Xlsx => "xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

/// <summary>Works out the format of an upload from its name, its content type or its first bytes.</summary>
public static class ImportFormatDetector
{
    /// <summary>From a file name extension or a MIME type; null when neither says.</summary>
    public static ImportFormat? FromNameOrContentType(string? fileName, string? contentType)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        switch (ext)
        {
            case ".jsonl" or ".ndjson" or ".json": return ImportFormat.JsonLines;
            case ".csv" or ".txt": return ImportFormat.Csv;
            case ".xlsx": return ImportFormat.Xlsx;
        }
        var mime = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mime switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/json" => ImportFormat.JsonLines,
            "text/csv" or "application/csv" => ImportFormat.Csv,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ImportFormat.Xlsx,
            _ => null,
        };
    }

    /// <summary>
    /// From the first bytes: a zip ("PK") is a workbook, a '{' (after an optional BOM and whitespace) is JSON Lines,
    /// anything else is treated as CSV.
    /// </summary>
    public static ImportFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K') return ImportFormat.Xlsx;
        var i = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < head.Length && head[i] == (byte)'{' ? ImportFormat.JsonLines : ImportFormat.Csv;
    }

    /// <summary>
    /// Name or content type first, then the content. The stream must be seekable; its position is restored.
    /// </summary>
    public static ImportFormat Detect(Stream content, string? fileName = null, string? contentType = null)
    {
        if (FromNameOrContentType(fileName, contentType) is { } known) return known;
        var start = content.Position;
        Span<byte> head = stackalloc byte[64];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = start;
        return Sniff(head[..read]);
    }
}
