using System.Globalization;
using System.Text;

namespace Registry.Data.Import;

/// <summary>Folds headers and cell values for matching: no case, no diacritics (đ → d), no spaces or punctuation.</summary>
internal static class TextKey
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = Validation.TextHygiene.Clean(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is 'đ' or 'Đ') { sb.Append('d'); continue; }
            if (char.IsLetterOrDigit(c) || c == '&') sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
