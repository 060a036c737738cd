using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// JSON Lines: one record v1 per line, blank lines skipped, each line read strictly (<see cref="RecordJsonReader"/>):
/// a state secret is refused before anything else, duplicate and unknown properties are refused by path, and every
/// bad value is reported by name with what was expected. Read-only fields (id, timestamps) are dropped.
/// </summary>
public sealed class JsonLinesImportReader(bool keepTimestamps = false) : IImportReader
{
    public async IAsyncEnumerable<ImportCandidate> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), true, 1 << 16, leaveOpen: true);
        var lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFileException(ImportFileErrorKind.Encoding,
                    $"Tệp không phải UTF-8 (sau dòng {lineNumber}); hãy lưu lại với mã hóa UTF-8 " +
                    $"(file is not UTF-8 after line {lineNumber}; save it as UTF-8)");
            }
            if (line is null) yield break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseLine(lineNumber, line) with { Chars = line.Length };
        }
    }

    /// <summary>
    /// One line: first the fast reading (<see cref="TryReadClean"/>), which only ever accepts a line the strict reading
    /// would accept as the same record; anything else (a secret, a bad value, a duplicate, an unknown name, broken
    /// JSON) goes through the strict reading, which says what is wrong.
    /// </summary>
    internal ImportCandidate ParseLine(int lineNumber, string line) =>
        TryReadClean(line) is { } record ? Accept(lineNumber, record) : ParseLineStrict(lineNumber, line);

    /// <summary>
    /// One walk of the line by the strict serializer (no duplicates, no unknown members, at any depth, case-insensitive
    /// names as the shape check sees them; the same depth limit as the document; no comments or trailing commas).
    /// It succeeds only on a line with no shape or value error, so the strict reading would give the same record; the
    /// classification is then checked on the record (a "not classified" value or none), since the serializer reads a
    /// secret level too. Null means: read it strictly.
    /// </summary>
    internal static TaskRecord? TryReadClean(string line)
    {
        try
        {
            var record = JsonSerializer.Deserialize<TaskRecord>(line, CleanOptions);
            return record is { SecurityClassification: null or SecurityClassification.None } ? record : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions CleanOptions = new(RecordJsonReader.Options)
    {
        MaxDepth = RecordJsonReader.MaxDepth,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private ImportCandidate Accept(int lineNumber, TaskRecord record)
    {
        record = record with { Id = null, HostOrganization = record.HostOrganization is { } org ? org with { Id = null } : null };
        if (!keepTimestamps) record = record with { CreatedAt = null, UpdatedAt = null, PublishedAt = null };
        return new ImportCandidate(lineNumber, record.Code, record, []);
    }

    /// <summary>One line through the strict record reading (<see cref="RecordJsonReader"/>): secrets first, then shape, then values.</summary>
    internal ImportCandidate ParseLineStrict(int lineNumber, string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line, LineOptions);
        }
        catch (JsonException ex)
        {
            // The reader's own message can quote the line; only the position is reported.
            return Fail(lineNumber, null, $"Dòng {lineNumber}: không phải JSON hợp lệ tại byte {ex.BytePositionInLine + 1}, hoặc lồng sâu quá {RecordJsonReader.MaxDepth} cấp " +
                $"(line {lineNumber}: not valid JSON at byte {ex.BytePositionInLine + 1}, or nested deeper than {RecordJsonReader.MaxDepth} levels)");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(lineNumber, null, $"Dòng {lineNumber}: mỗi dòng phải là một đối tượng JSON {{…}} (line {lineNumber}: each line must be a JSON object)");
            var read = RecordJsonReader.Read(root, quoteValues: true);
            if (read.StateSecret) return new ImportCandidate(lineNumber, null, null, [], StateSecret: true);
            if (read.Record is not { } record)
            {
                return new ImportCandidate(lineNumber, CodeOf(root), null, read.Errors.Select(e => $"Dòng {lineNumber}: {Located(e)}").ToList());
            }

            return Accept(lineNumber, record);
        }
    }

    private static readonly JsonDocumentOptions LineOptions = new() { MaxDepth = RecordJsonReader.MaxDepth, AllowDuplicateProperties = true };

    /// <summary>Value errors already name their field; shape errors get theirs in front.</summary>
    private static string Located(FieldError e) => e.Message.Contains(e.Path, StringComparison.Ordinal) ? e.Message : $"{e.Path}: {e.Message}";

    private static string? CodeOf(JsonElement root)
    {
        string? code = null;
        foreach (var p in root.EnumerateObject())
        {
            if (!IsCode(p) || p.Value.ValueKind != JsonValueKind.String) continue;
            if (code is not null) return null; // a repeated code names no row
            try
            {
                code = p.Value.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
        return code;
    }

    /// <summary>NameEquals unescapes, so a name escaping a lone surrogate throws: such a name is not "code".</summary>
    private static bool IsCode(JsonProperty p)
    {
        try
        {
            return p.NameEquals("code");
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ImportCandidate Fail(int line, string? code, string error) => new(line, code, null, [error]);
}
