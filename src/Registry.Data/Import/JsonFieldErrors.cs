using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// Checks each top-level property of a JSON record on its own, so one line reports all its bad fields with the
/// field's path, the offending value and what the contract expects.
/// </summary>
internal static partial class JsonFieldErrors
{
    // Case-insensitive, as the serializer binds them; duplicates were refused before this runs.
    private static readonly Dictionary<string, PropertyInfo> TopLevel = typeof(TaskRecord)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.OrdinalIgnoreCase);

    /// <param name="quoteValues">Quote the offending value (import reports) or only name the field (HTTP problems).</param>
    public static IEnumerable<FieldError> Check(JsonElement root, bool quoteValues)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!TopLevel.TryGetValue(property.Name, out var target)) continue; // unknown fields are refused before this
            FieldError? error = null;
            try
            {
                property.Value.Deserialize(target.PropertyType, RecordJsonReader.Options);
            }
            catch (JsonException ex)
            {
                error = Describe(property.Name, target.PropertyType, property.Value, ex.Path, quoteValues);
            }
            if (error is not null) yield return error;
        }
    }

    private static FieldError Describe(string name, Type type, JsonElement value, string? innerPath, bool quoteValues)
    {
        var (path, leafType, leafValue) = Walk(name, type, value, innerPath);
        var expected = Expected(leafType);
        if (!quoteValues) return new FieldError(path, $"giá trị không hợp lệ cho trường {path} (invalid value for {path}; expected {expected})");
        var shown = leafValue.ValueKind == JsonValueKind.String ? leafValue.GetString() : leafValue.GetRawText();
        if (shown is { Length: > 60 }) shown = shown[..60] + "…";
        return new FieldError(path, $"giá trị '{shown}' không hợp lệ cho trường {path} (invalid value for {path}; expected {expected})");
    }

    /// <summary>Follows the serializer's path ("$.totalVnd", "$[2].type") down to the failing value and its type.</summary>
    private static (string Path, Type Type, JsonElement Value) Walk(string name, Type type, JsonElement value, string? innerPath)
    {
        var path = name;
        foreach (Match m in PathSegment().Matches(innerPath ?? ""))
        {
            if (m.Groups[1].Success)
            {
                var prop = Underlying(type).GetProperties().FirstOrDefault(p =>
                    JsonNamingPolicy.CamelCase.ConvertName(p.Name) == m.Groups[1].Value);
                if (prop is null || value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(m.Groups[1].Value, out var next)) break;
                (type, value, path) = (prop.PropertyType, next, $"{path}.{m.Groups[1].Value}");
            }
            else
            {
                var index = int.Parse(m.Groups[2].Value);
                var element = ElementType(type);
                if (element is null || value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength()) break;
                (type, value, path) = (element, value[index], $"{path}[{index}]");
            }
        }
        return (path, type, value);
    }

    private static Type Underlying(Type t) => Nullable.GetUnderlyingType(t) ?? t;

    private static Type? ElementType(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() != typeof(Nullable<>) && t.GetGenericArguments() is [var arg] ? arg : null;

    private static string Expected(Type type)
    {
        var t = Underlying(type);
        if (t.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName));
        if (t == typeof(DateOnly)) return "a date yyyy-MM-dd";
        if (t == typeof(DateTimeOffset)) return "an ISO 8601 timestamp";
        if (t == typeof(long) || t == typeof(int)) return "a whole number";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(string)) return "a string";
        if (ElementType(t) is { } e) return $"an array, each item {Expected(e)}";
        return "an object";
    }

    [GeneratedRegex(@"\.([A-Za-z0-9_]+)|\[(\d+)\]")]
    private static partial Regex PathSegment();
}
