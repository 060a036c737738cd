using System.Globalization;
using System.Text;

namespace Registry.Data.Catalog;

/// <summary>
/// Folds a name for matching and ordering: NFD without marks, đ → d, lower case, whitespace collapsed. Done in
/// memory because neither SQLite nor a default SQL Server collation folds Vietnamese diacritics the same way.
/// </summary>
public static class NameFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = Validation.TextHygiene.Clean(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
