using System.Globalization;
using System.Text;

namespace Registry.Data;

/// <summary>
/// The store's one diacritic folding, for matching what people type against what is stored: cleaned
/// (<see cref="Validation.TextHygiene"/>), marks removed in NFD (so NFC or NFD, old or new tone placement fold alike),
/// đ → d, lower case. Done in memory because neither SQLite nor a default SQL Server collation folds Vietnamese the
/// same way. The search engines fold in their own analysers (Registry.Search), which must match what they index.
/// </summary>
public static class TextFolding
{
    /// <summary>For names to match and order: words kept, runs of whitespace collapsed to one space, trimmed.</summary>
    public static string Name(string? text) => Fold(text, keepSpaces: true);

    /// <summary>For keys (import headers, choice cells, classification spellings): letters, digits and '&amp;' only.</summary>
    public static string Key(string? text) => Fold(text, keepSpaces: false);

    private static string Fold(string? text, bool keepSpaces)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = Validation.TextHygiene.Clean(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = keepSpaces && sb.Length > 0; continue; }
            if (!keepSpaces && !(char.IsLetterOrDigit(c) || c is '&' or 'đ' or 'Đ')) continue;
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
