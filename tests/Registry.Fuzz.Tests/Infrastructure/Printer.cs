using System.Globalization;
using System.Text;

namespace Registry.Fuzz.Tests.Infrastructure;

/// <summary>Shows a hostile input readably: invisible characters as \uXXXX, long runs as "a×5000".</summary>
public static class Printer
{
    public static string Show(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var run = 1;
            while (i + run < text.Length && text[i + run] == text[i]) run++;
            var shown = Visible(text[i]);
            if (run >= 12)
            {
                sb.Append(shown).Append('×').Append(run.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                for (var k = 0; k < run; k++) sb.Append(shown);
            }

            i += run;
        }

        return sb.ToString();
    }

    private static string Visible(char c) =>
        c < 0x20 || c is (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF' or '\uFEFF' || char.IsSurrogate(c) || c is '\u200B' or '\u202E' or '\u2028' or '\u2029'
            ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : c.ToString();
}
