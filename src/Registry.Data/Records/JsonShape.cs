using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Data.Abstractions;

namespace Registry.Data.Records;

/// <summary>
/// Checks a parsed JSON body against the properties of the type it will become, at every depth: a property named
/// twice (also when the names differ only in case, which the serializer would bind to one member) and a property
/// the type does not have are refused by their JSON path. The serializer alone would keep the last duplicate and
/// drop unknown names, so a repeated "securityClassification" could hide a secret behind a later "none".
/// </summary>
public static class JsonShape
{
    /// <summary>At most this many errors are described for one body; the rest would only repeat the lesson.</summary>
    public const int MaxErrors = 20;

    private static readonly ConcurrentDictionary<Type, Dictionary<string, Type>> Members = new();

    public static IReadOnlyList<FieldError> Check(JsonElement root, Type type)
    {
        var errors = new List<FieldError>();
        Walk(root, type, "", errors);
        return errors;
    }

    private static void Walk(JsonElement value, Type type, string path, List<FieldError> errors)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (value.ValueKind == JsonValueKind.Array && ElementType(t) is { } element)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Walk(item, element, $"{path}[{i++}]", errors);
            return;
        }
        if (value.ValueKind != JsonValueKind.Object || !IsObjectType(t)) return;

        var members = Members.GetOrAdd(t, MembersOf);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in value.EnumerateObject())
        {
            if (errors.Count >= MaxErrors) return;
            var name = property.Name;
            // The path is built only when it can be needed: for an error, or to go down into an object or array.
            string At() => path.Length == 0 ? name : $"{path}.{name}";
            if (!seen.Add(name))
            {
                errors.Add(new FieldError(At(), Duplicate(name)));
            }
            else if (!members.TryGetValue(name, out var memberType))
            {
                errors.Add(new FieldError(At(), Unknown(name, members.Keys)));
            }
            else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Walk(property.Value, memberType, At(), errors);
            }
        }
    }

    private static string Duplicate(string name) =>
        $"Thuộc tính bị lặp: '{Shown(name)}'; mỗi thuộc tính chỉ gửi một lần, không phân biệt chữ hoa thường " +
        $"(duplicate property '{Shown(name)}'; send each property once, names differing only in case are the same property)";

    private static string Unknown(string name, IEnumerable<string> valid) =>
        $"Thuộc tính không có trong bản ghi: '{Shown(name)}'; hãy bỏ hoặc sửa tên " +
        $"(unknown property '{Shown(name)}'; remove it or fix its name; valid here: {string.Join(", ", valid)})";

    private static string Shown(string name) => name.Length > 60 ? name[..60] + "…" : name;

    /// <summary>JSON name (camelCase, as the serializer matches it: case-insensitively) → member type.</summary>
    private static Dictionary<string, Type> MembersOf(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition != JsonIgnoreCondition.Always)
        .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p => p.PropertyType, StringComparer.OrdinalIgnoreCase);

    private static bool IsObjectType(Type t) =>
        t.IsClass && t != typeof(string) && ElementType(t) is null;

    private static Type? ElementType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        return t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : null;
    }
}
