using System.Globalization;
using System.Text;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>
/// JSON written by hand, so that the fuzzer can send what serializers refuse to write: repeated members,
/// lone surrogates as \u escapes, any depth.
/// </summary>
public static class Json
{
    /// <summary>A JSON string body (without quotes): only printable ASCII as is, everything else \u-escaped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c is >= ' ' and < (char)0x7F) sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public static string Quote(string text) => "\"" + Escape(text) + "\"";

    /// <summary>An object from members in the given order, repeats kept.</summary>
    public static string Object(IEnumerable<(string Name, string RawValue)> members) =>
        "{" + string.Join(",", members.Select(m => Quote(m.Name) + ":" + m.RawValue)) + "}";

    /// <summary>Arrays or objects nested to the given depth.</summary>
    public static string Nested(int depth, bool objects) => objects
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth);
}
