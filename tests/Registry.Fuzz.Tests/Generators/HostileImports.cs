using System.Text;
using CsCheck;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>An import upload: bytes, media type and what the case is.</summary>
public sealed record HostileUpload(byte[] Bytes, string ContentType, string Kind)
{
    public override string ToString() => $"[{Kind}] {ContentType} {Bytes.Length} bytes: {Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 1500))}";
}

/// <summary>
/// CSV and JSON Lines uploads with hostile cells, headers and lines: repeated and unknown columns, very many
/// empty header cells, unbalanced quotes, very long fields and lines, hostile records (see
/// <see cref="HostileRecords"/>), garbage lines and deep nesting.
/// </summary>
public static class HostileImports
{
    private static readonly string[] Header = ImportFiles.CsvHeader.Split(',');

    public const string CsvType = "text/csv";
    public const string JsonLinesType = "application/x-ndjson";

    public static Gen<HostileUpload> Csv => Gen.Select(CsvHeaderLine, CsvRow.Array[0, 6], Gen.Bool)
        .Select((header, rows, bom) => new HostileUpload(
            (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(header.Line + "\n" + string.Join("\n", rows) + "\n")).ToArray(),
            CsvType, "csv " + header.Kind));

    private static Gen<(string Line, string Kind)> CsvHeaderLine => Gen.Select(Gen.Int[0, 5], Hostile.Text, Gen.Int[1, FuzzSettingsLimits.MaxEmptyHeaderCells])
        .Select((kind, text, n) => kind switch
        {
            0 => (ImportFiles.CsvHeader + "," + Header[^1], "repeated Độ mật column"),
            1 => (ImportFiles.CsvHeader + "," + Cell(text), "unknown column"),
            2 => (ImportFiles.CsvHeader + new string(',', n), $"{n} empty header cells"),
            3 => (string.Join(",", Header.Select(h => h.Normalize(NormalizationForm.FormD))), "decomposed header"),
            _ => (ImportFiles.CsvHeader, "plain header"),
        });

    private static Gen<string> CsvRow => Gen.Select(Gen.Int[0, 10], Hostile.Text, Gen.Int[0, 10], Gen.Int[1, 200_000])
        .Select((shape, text, column, length) =>
        {
            var cells = ImportFiles.CsvRow($"ĐT-F-{(text.Length * 31 + column) % 100000:D5}", "Nghiên cứu thử").Split(',');
            switch (shape)
            {
                case <= 4: cells[column % cells.Length] = Cell(text); break;
                case 5: cells[column % cells.Length] = "\"" + text; break; // unbalanced quote
                case 6: cells[column % cells.Length] = new string('x', length); break;
                case 7: return string.Join(",", cells) + new string(',', length % 5000);
                case 8: return text;
                default: break;
            }

            return string.Join(",", cells);
        });

    /// <summary>A CSV cell holding the text, quoted as RFC 4180 says when needed.</summary>
    public static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    public static Gen<HostileUpload> JsonLines => JsonLine.Array[1, 6]
        .Select(lines => new HostileUpload(Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l => l.Line)) + "\n"), JsonLinesType,
            "jsonl " + string.Join("; ", lines.Select(l => l.Kind))));

    private static Gen<(string Line, string Kind)> JsonLine => Gen.Frequency(
        (6, HostileRecords.Bodies(HostileRecords.Fresh).Select(b => (b.Json, b.Kind))),
        (1, Hostile.Text.Select(t => (t.Replace("\n", " ", StringComparison.Ordinal), "garbage line"))),
        (1, Gen.Int[1, 5000].Select(d => (Json.Nested(d, d % 2 == 0), $"nested {d}"))),
        (1, Gen.Int[1_000, 300_000].Select(n => ("{\"title\":\"" + new string('a', n) + "\"}", $"line of {n} chars"))));
}

/// <summary>Sizes that differ between the default run and REGISTRY_FUZZ_DEEP=1.</summary>
public static class FuzzSettingsLimits
{
    public static int MaxEmptyHeaderCells => Infrastructure.FuzzSettings.Deep ? 1_000_000 : 20_000;

    public static int MaxXmlDepth => Infrastructure.FuzzSettings.Deep ? 200_000 : 3_000;
}
