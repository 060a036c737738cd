using System.Reflection;
using System.Text.Json;

namespace Registry.Api.Problems;

/// <summary>
/// Turns a <see cref="JsonException"/> into a field path and a message a curator can act on. It uses only the
/// exception's path, never its message or the request text, so nothing submitted is echoed.
/// </summary>
public static class JsonErrorDescriber
{
    public static (string Path, string Message) Describe(JsonException exception, Type? bodyType)
    {
        var path = NormalizePath(exception.Path);
        // Syntax errors come wrapped around the reader's own exception; type mismatches do not.
        var syntaxError = exception.InnerException?.GetType().Name == "JsonReaderException";
        var target = bodyType is null || syntaxError ? null : ResolveType(bodyType, path);
        var enumType = target is null ? null : Nullable.GetUnderlyingType(target) ?? target;
        if (enumType is { IsEnum: true })
        {
            var allowed = string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
            return (path, $"Giá trị không hợp lệ; dùng một trong: {allowed} (invalid value; use one of: {allowed}).");
        }

        if (target is not null)
        {
            var expected = Describe(target);
            return (path, $"Giá trị không đúng kiểu, cần {expected.Vi} (wrong type, expected {expected.En}).");
        }

        return (path, "JSON không hợp lệ tại vị trí này (malformed JSON at this position).");
    }

    /// <summary>"$.members[0].name" → "members[0].name"; the whole body is "$".</summary>
    public static string NormalizePath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "$";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>The CLR type at a camelCase path inside <paramref name="root"/>, or null when the path leaves the model.</summary>
    internal static Type? ResolveType(Type root, string path)
    {
        if (path == "$") return null;
        var type = root;
        foreach (var rawSegment in path.Split('.'))
        {
            var bracket = rawSegment.IndexOf('[');
            var name = bracket >= 0 ? rawSegment[..bracket] : rawSegment;
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null) return null;
            type = property.PropertyType;
            if (bracket >= 0) type = ElementType(type) ?? type;
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static (string Vi, string En) Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return ("chuỗi", "a string");
        if (t == typeof(bool)) return ("true hoặc false", "true or false");
        if (t == typeof(long) || t == typeof(int)) return ("số nguyên", "an integer");
        if (t == typeof(DateOnly)) return ("ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD");
        if (t == typeof(DateTimeOffset)) return ("thời điểm ISO 8601", "an ISO 8601 timestamp");
        if (t != typeof(string) && ElementType(t) is not null) return ("một mảng", "an array");
        return ("một đối tượng", "an object");
    }
}
