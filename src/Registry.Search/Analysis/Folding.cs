using System.Globalization;
using System.Text;

namespace Registry.Search.Analysis;

/// <summary>
/// Removes diacritics, đ/Đ → d/D included, matching what Lucene's <c>ASCIIFoldingFilter</c> and
/// Elasticsearch's <c>asciifolding</c> do to NFC Vietnamese text.
/// </summary>
public static class Folding
{
    public static string Fold(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var nfd = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(nfd.Length);
        foreach (var c in nfd)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
