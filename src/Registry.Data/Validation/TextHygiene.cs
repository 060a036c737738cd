using System.Text;

namespace Registry.Data.Validation;

/// <summary>
/// What every stored text of a task goes through on write (REST, GraphQL, imports of every format, the command
/// line): characters that XML 1.0 and JSON consumers cannot carry are normalised, never stored, so a title pasted
/// from a word processor can never break Atom, RSS, OAI-PMH or a CSV export. The rule, chosen over refusing
/// (a refused import row is a round trip for the curator; these characters carry no meaning in a record):
/// <list type="bullet">
/// <item>U+000B (vertical tab, Word's manual line break) and U+000C (form feed, page break) become a line feed;</item>
/// <item>every other C0 control except tab, line feed and carriage return is dropped (NUL included);</item>
/// <item>noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of every plane) are dropped;</item>
/// <item>a lone surrogate becomes U+FFFD, the replacement character;</item>
/// <item>then the text is NFC-normalised, so one spelling is stored for one word.</item>
/// </list>
/// </summary>
public static class TextHygiene
{
    /// <summary>Trimmed, clean NFC text, or null when nothing but whitespace remains: the form every stored text takes.</summary>
    public static string? Stored(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var clean = Clean(value).Trim();
        return clean.Length == 0 ? null : clean.Normalize(NormalizationForm.FormC);
    }

    /// <summary><paramref name="text"/> with the characters above normalised; the same instance when none occurs.</summary>
    public static string Clean(string text)
    {
        var first = FirstUnsafe(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (!IsNoncharacter(codePoint)) sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (c is '\v' or '\f') sb.Append('\n');
            else if (!IsDropped(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds any character <see cref="Clean"/> would change.</summary>
    public static bool IsClean(string text) => FirstUnsafe(text) < 0;

    /// <summary>
    /// Index of the first character <see cref="Clean"/> would change, or -1: the same rule refuses such characters
    /// in requests (the API's query guard) and cleans stored text on every write and every feed.
    /// </summary>
    public static int FirstUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c < '\uD800') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1]))) return i;
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c is '\v' or '\f' || IsDropped(c)) return i;
        }
        return -1;
    }

    private static bool IsDropped(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || IsNoncharacter(c);

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
