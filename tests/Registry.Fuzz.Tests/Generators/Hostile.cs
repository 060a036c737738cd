using System.Text;
using CsCheck;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>
/// Hostile text: control characters (C0, DEL, C1), non-characters, lone surrogates, decomposed Vietnamese,
/// query syntax, very long runs, odd numbers, dates and tokens, mixed with ordinary words so that parsers
/// get past their first check.
/// </summary>
public static class Hostile
{
    private static readonly string[] Words =
        ["chè", "lúa", "nông nghiệp", "a", "Phú Thọ", "401", "ĐT-2024", "*", "?", "\"", "'", "(", ")", "[", "]", "{", "}",
         "\\", "/", ":", "~", "^", "AND", "OR", "NOT", "&&", "||", "-", "+", "<", ">", "&", "&amp;", "<![CDATA[", "]]>",
         "%", "%%", "=", ";", ",", " ", "  ", "\t", "\n", "\r\n", "null", "true", "0", "-1", "$", "#", "@", "_", "…"];

    private static readonly string[] Numbers =
        ["0", "-1", "1", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "1e308", "1e400",
         "-0", "NaN", "Infinity", "0x10", "1.5", "１２", "٣", "+5", " 5", "5 "];

    public static string[] DateSamples => Dates;

    private static readonly string[] Dates =
        ["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2024-02-30", "2024-13-01", "2024-00-10",
         "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00", "2024-01-01T25:00:00Z", "1/2/2024", "2024", "20240101",
         "2024-01-01T00:00:00Z", "+275760-09-13", "-271821-04-20"];

    /// <summary>One piece of a hostile string.</summary>
    public static Gen<string> Fragment { get; } = Gen.Frequency(
        (5, Gen.OneOf(Words)),
        (3, Gen.Char[(char)0, (char)0x1F].Select(c => c.ToString())),
        (1, Gen.OneOf("\u007F", "\u0085", "\u0080", "\u009F", "\u009B", "\u00A0", "\u00AD")),
        (3, Gen.OneOf("\uFFFE", "\uFFFF", "\uFEFF", "\uFFFD")),
        (3, Gen.OneOf("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDFFF\uD800")),
        (1, Gen.OneOf("\u200B", "\u202E", "\u2028", "\u2029", "😀", "𝕏")),
        (2, Gen.OneOf("chè", "Nghiên cứu", "Tuyệt mật", "Độ mật", "Phú Thọ", "nhân giống").Select(w => w.Normalize(NormalizationForm.FormD))),
        (1, Gen.OneOf(Numbers)),
        (1, Gen.OneOf(Dates)),
        (1, Gen.Int[1, 40].Select(n => new string('(', n))),
        (1, Gen.Int[1_000, 40_000].Select(n => new string('a', n))),
        (1, Gen.Int[100, 3_000].Select(n => string.Concat(Enumerable.Repeat("ệ", n)))));

    /// <summary>A hostile string of a few fragments.</summary>
    public static Gen<string> Text { get; } = Fragment.Array[1, 4].Select(string.Concat);

    /// <summary>A value for a parameter that means a number, date, cursor or free text.</summary>
    public static Gen<string> Value { get; } = Gen.Frequency(
        (4, Text),
        (2, Gen.OneOf(Numbers)),
        (2, Gen.OneOf(Dates)),
        (2, Token));

    /// <summary>Odd cursors and resumption tokens: random base64/base64url bytes, or base64 of hostile JSON.</summary>
    public static Gen<string> Token => Gen.Frequency(
        (2, Gen.Byte.Array[0, 300].Select(b => Convert.ToBase64String(b))),
        (2, Gen.Byte.Array[0, 300].Select(b => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_'))),
        (3, TokenJson.Select(j => Convert.ToBase64String(Encoding.UTF8.GetBytes(j)).TrimEnd('=').Replace('+', '-').Replace('/', '_'))),
        (1, Gen.OneOf("", "=", "====", "%%%", "eyJ9", "null", "AAAA", new string('A', 5000))));

    /// <summary>
    /// JSON shaped like the service's own tokens (OAI: V, M, S, F, U, T, I, C; cursors: sort values and an id)
    /// with out-of-range ticks, wrong types and missing members.
    /// </summary>
    private static Gen<string> TokenJson =>
        Gen.Select(Gen.OneOf("ListRecords", "ListIdentifiers", "ListSets", "x"), Gen.OneOf(Numbers), Gen.OneOf(Numbers), Gen.OneOf(Numbers), Text)
            .Select((verb, t, f, c, s) => Gen.OneOf(
                $"{{\"V\":\"{verb}\",\"M\":\"oai_dc\",\"T\":{t},\"I\":\"x\",\"C\":{c}}}",
                $"{{\"V\":\"{verb}\",\"M\":\"oai_dc\",\"F\":{f},\"U\":{t},\"T\":0,\"I\":\"{Json.Escape(s)}\",\"C\":0}}",
                $"{{\"V\":\"{verb}\",\"M\":\"oai_dc\",\"T\":9223372036854775807,\"I\":\"a\",\"C\":0}}",
                $"{{\"V\":\"{verb}\",\"V\":\"ListSets\",\"M\":\"oai_dc\",\"T\":-1,\"I\":\"a\",\"C\":-5}}",
                $"[{t},\"{Json.Escape(s)}\"]",
                $"{{\"s\":[{f},{t}],\"id\":\"{Json.Escape(s)}\"}}",
                $"{{\"k\":[\"{Json.Escape(s)}\",{c}],\"i\":{t}}}"))
            .SelectMany(g => g);

    /// <summary>
    /// Percent-encodes for a query string, writing a lone surrogate as the three UTF-8-shaped bytes it would have
    /// (ED A0 80 for U+D800), which no strict decoder accepts; and sometimes adds raw bad escapes.
    /// </summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) AppendBytes(sb, Encoding.UTF8.GetBytes(text.Substring(i++, 2)));
            else if (char.IsSurrogate(c)) AppendBytes(sb, [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            else AppendBytes(sb, Encoding.UTF8.GetBytes(c.ToString()));
        }

        return sb.ToString();
    }

    /// <summary>Escapes that are wrong on purpose: truncated, overlong, invalid UTF-8.</summary>
    public static Gen<string> RawEscape { get; } = Gen.OneOf("%", "%G0", "%FF", "%C0%80", "%E0%80%80", "%ED%A0%80", "%ED%BF%BF", "%EF%BF%BE", "%F4%90%80%80", "%00", "%0B", "%C2%85", "+", "%2B", "%26", "%3D");

    private static void AppendBytes(StringBuilder sb, byte[] bytes)
    {
        foreach (var b in bytes) sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
    }
}
