using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// JSON Lines: one record v1 per line, blank lines skipped. Each top-level field is checked on its own so a line
/// reports every bad field, by name, with what was expected. Read-only fields (id, timestamps) are dropped.
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
            yield return ParseLine(lineNumber, line);
        }
    }

    internal ImportCandidate ParseLine(int lineNumber, string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return Fail(lineNumber, null, $"Dòng {lineNumber}: không phải JSON hợp lệ (line {lineNumber}: not valid JSON: {ex.Message})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(lineNumber, null, $"Dòng {lineNumber}: mỗi dòng phải là một đối tượng JSON {{…}} (line {lineNumber}: each line must be a JSON object)");
            if (IsClassified(root))
                return new ImportCandidate(lineNumber, null, null, [], StateSecret: true);
            return ParseObject(lineNumber, root);
        }
    }

    /// <summary>Any level other than "none" is treated as a state secret (absent, null and empty are not levels).</summary>
    private static bool IsClassified(JsonElement root)
    {
        if (!root.TryGetProperty("securityClassification", out var value)) return false;
        return value.ValueKind switch
        {
            JsonValueKind.Null => false,
            // Empty is not a level: not treated as a secret, but rejected below as an invalid value.
            JsonValueKind.String => value.GetString()?.Trim() is { Length: > 0 } level && !level.Equals("none", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    private ImportCandidate ParseObject(int lineNumber, JsonElement root)
    {
        var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        TaskRecord? record;
        try
        {
            record = root.Deserialize<TaskRecord>(RegistryJson.Options);
        }
        catch (JsonException ex)
        {
            // Only a bad line pays for the field-by-field pass that names every bad field.
            var errors = JsonFieldErrors.Check(root).Select(e => $"Dòng {lineNumber}: {e}").ToList();
            if (errors.Count == 0) errors.Add($"Dòng {lineNumber}: {ex.Message}");
            return new ImportCandidate(lineNumber, code, null, errors);
        }
        if (record is null) return Fail(lineNumber, code, $"Dòng {lineNumber}: bản ghi rỗng (line {lineNumber}: empty record)");

        record = record with { Id = null, HostOrganization = record.HostOrganization is { } org ? org with { Id = null } : null };
        if (!keepTimestamps) record = record with { CreatedAt = null, UpdatedAt = null, PublishedAt = null };
        return new ImportCandidate(lineNumber, record.Code, record, []);
    }

    private static ImportCandidate Fail(int line, string? code, string error) => new(line, code, null, [error]);
}
