using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.Data.Validation;

namespace Registry.Data.Records;

/// <summary>What reading one JSON record gave: the record, a state secret (nothing else said), or the errors.</summary>
public sealed record RecordRead(TaskRecord? Record, bool StateSecret, IReadOnlyList<FieldError> Errors)
{
    public static RecordRead Secret { get; } = new(null, true, []);
    public static RecordRead Invalid(params FieldError[] errors) => new(null, false, errors);
}

/// <summary>
/// The one strict reading of a record v1 in JSON, shared by REST bodies and JSON Lines rows (HTTP import and the
/// <c>import</c> verb). In this order: JSON syntax and depth; the classification, judged on every
/// "securityClassification" the object holds in any case of its name (<see cref="SecurityLevels"/>), so a secret is
/// refused before any other field is looked at or described; duplicate and unknown properties at any depth
/// (<see cref="JsonShape"/>); then the typed values. Errors never quote the JSON text.
/// </summary>
public static class RecordJsonReader
{
    /// <summary>Deepest nesting accepted; record v1 itself needs 3 (record → outputs → output).</summary>
    public const int MaxDepth = 16;

    private const string ClassificationName = "securityClassification";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = true };

    /// <summary>Record options plus: no duplicates, no unknown members, classification labels understood.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static RecordRead Read(ReadOnlyMemory<byte> utf8, bool quoteValues = false) =>
        Read(() => JsonDocument.Parse(utf8, DocumentOptions), quoteValues);

    public static RecordRead Read(string json, bool quoteValues = false) =>
        Read(() => JsonDocument.Parse(json, DocumentOptions), quoteValues);

    private static RecordRead Read(Func<JsonDocument> parse, bool quoteValues)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException ex)
        {
            return RecordRead.Invalid(new FieldError("$", Malformed(ex)));
        }
        using (document) return Read(document.RootElement, quoteValues);
    }

    /// <param name="quoteValues">Quote a bad (non-secret) value in its error: import reports do, HTTP problems do not.</param>
    public static RecordRead Read(JsonElement root, bool quoteValues = false)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RecordRead.Invalid(new FieldError("$", "Bản ghi phải là một đối tượng JSON {…} (a record must be a JSON object {…})"));
        }
        if (IsClassified(root)) return RecordRead.Secret;
        try
        {
            var shape = JsonShape.Check(root, typeof(TaskRecord));
            return shape.Count > 0 ? new RecordRead(null, false, shape) : Deserialize(root, quoteValues);
        }
        catch (InvalidOperationException)
        {
            // A name or string .NET cannot turn into text: bytes that are not UTF-8, or an escaped lone surrogate.
            return RecordRead.Invalid(new FieldError("$", BrokenText));
        }
    }

    public const string BrokenText =
        "Văn bản không đọc được: byte không phải UTF-8 hoặc \\uD800–\\uDFFF đứng lẻ (unreadable text: bytes that are not UTF-8, or a lone surrogate escape)";

    private static RecordRead Deserialize(JsonElement root, bool quoteValues)
    {
        try
        {
            var record = root.Deserialize<TaskRecord>(Options);
            return record is null ? RecordRead.Invalid(new FieldError("$", "Bản ghi rỗng (empty record)")) : new RecordRead(record, false, []);
        }
        catch (JsonException ex)
        {
            var errors = JsonFieldErrors.Check(root, quoteValues).ToList();
            if (errors.Count == 0) errors.Add(new FieldError(Path(ex.Path), "Giá trị không hợp lệ (invalid value)"));
            return new RecordRead(null, false, errors);
        }
    }

    /// <summary>
    /// Any "securityClassification" (in any case) that is not absent, null, empty or a "not classified" spelling
    /// makes the record a secret: a number, an object, an unknown word and an unreadable string all count.
    /// </summary>
    public static bool IsClassified(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!IsClassificationName(property)) continue;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null) continue;
            if (value.ValueKind != JsonValueKind.String) return true;
            try
            {
                if (SecurityLevels.IsSecret(value.GetString())) return true;
            }
            catch (InvalidOperationException)
            {
                return true; // a string .NET cannot read (lone surrogate escape) cannot be shown to be harmless
            }
        }
        return false;
    }

    private static bool IsClassificationName(JsonProperty property)
    {
        try
        {
            // NameEquals unescapes too, so an escaped lone surrogate throws from either call.
            return property.NameEquals(ClassificationName)
                || string.Equals(property.Name, ClassificationName, StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidOperationException)
        {
            return false; // an unreadable name is not this ASCII one; the shape check refuses it
        }
    }

    private static string Malformed(JsonException ex) =>
        $"JSON không hợp lệ ở dòng {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}, hoặc lồng sâu quá {MaxDepth} cấp " +
        $"(malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}, or nested deeper than {MaxDepth} levels)";

    private static string Path(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(RegistryJson.Options);
        RegistryJson.ConfigureStrictInput(options);
        options.Converters.Insert(0, new SecurityClassificationConverter());
        return options;
    }

    /// <summary>Reads the "not classified" spellings ("none", "Không", "Thường"); secrets never get this far.</summary>
    private sealed class SecurityClassificationConverter : JsonConverter<SecurityClassification>
    {
        public override SecurityClassification Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && SecurityLevels.TryParse(reader.GetString(), out var level)
                ? level
                : throw new JsonException("Not a classification.");

        public override void Write(Utf8JsonWriter writer, SecurityClassification value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
    }
}
