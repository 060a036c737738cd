using System.Globalization;
using System.Text;
using Registry.Data.Records;

namespace Registry.Api.Citations;

/// <summary>
/// What every citation format shares: clean text (NFC, no control or bidi-override characters, one line where a
/// format needs one) and Vietnamese personal names split family-name-first.
/// </summary>
public static class CitationText
{
    /// <summary>
    /// NFC, with C0/C1 controls (except line breaks, kept as <c>\n</c> when <paramref name="keepLines"/>) and the
    /// invisible bidi embedding/override/isolate marks removed: a citation must read as it looks.
    /// </summary>
    public static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\n') { builder.Append(keepLines ? '\n' : ' '); continue; }
            if (c == '\t') { builder.Append(' '); continue; }
            if (char.IsControl(c) || IsBidiControl(c)) continue;
            builder.Append(c);
        }
        var lines = builder.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim();
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>A person's name as written, split as Vietnamese names are read: the first word is the family name.</summary>
    public static PersonName Split(string name)
    {
        var words = Clean(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            0 => new PersonName("", ""),
            1 => new PersonName(words[0], ""),
            _ => new PersonName(words[0], string.Join(' ', words[1..])),
        };
    }

    /// <summary>Principal investigator first, then members; unnamed entries are skipped, a repeated name once.</summary>
    public static IReadOnlyList<PersonName> Authors(TaskRecord record) =>
        new[] { record.PrincipalInvestigator }.Concat(record.Members ?? [])
            .Select(p => p?.Name).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Split(n!))
            .Where(n => n.Family.Length > 0).Distinct().ToList();

    /// <summary>An ASCII token for keys and file names: diacritics dropped (Đ → D), other runs become '-'.</summary>
    public static string Ascii(string? text)
    {
        var decomposed = Clean(text).Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9') builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

    /// <summary>The code as an ASCII key (BibTeX key, file name), or the registry id when the code has no ASCII letter or digit.</summary>
    public static string Key(TaskRecord record)
    {
        var key = Ascii(record.Code);
        return key.Length > 0 ? key : Ascii(record.Id);
    }

    public static string? Year(TaskRecord record) => record.StartDate?.Year.ToString(CultureInfo.InvariantCulture);
}

public sealed record PersonName(string Family, string Given);
