using System.Globalization;
using System.Text.RegularExpressions;

namespace Registry.Data.Validation;

/// <summary>
/// Surface measures of a short Vietnamese text, the ones a plain-language summary is judged by
/// (<see cref="PlainSummaryRules"/>). Vietnamese writes one syllable per space-separated token, so a "word" here is a
/// token with at least one letter or digit and sentence length is counted in syllables. The text is measured as it
/// would be stored (<see cref="TextHygiene.Stored"/>: clean and NFC), so NFD input measures the same as NFC.
/// </summary>
public sealed partial record PlainText
{
    /// <summary>The stored form that was measured.</summary>
    public required string Text { get; init; }
    /// <summary>Syllables of each sentence, in order.</summary>
    public required IReadOnlyList<int> Sentences { get; init; }
    public int Syllables => Sentences.Sum();
    public int LongestSentence => Sentences.Count == 0 ? 0 : Sentences.Max();
    public double AverageSentence => Sentences.Count == 0 ? 0 : (double)Syllables / Sentences.Count;
    /// <summary>Tokens of more than <see cref="LongestSyllable"/> letters: no Vietnamese syllable is that long, so they
    /// are foreign or Latin terms ("Siganus", "polyphenol").</summary>
    public required IReadOnlyList<string> LongWords { get; init; }
    /// <summary>Distinct abbreviations (a run of two capitals: "CĐS", "KH&amp;CN", "VietGAP") not explained in
    /// parentheses right before or after them.</summary>
    public required IReadOnlyList<string> UnexplainedAbbreviations { get; init; }
    /// <summary>Codes and formulas: a token mixing letters and digits ("H2SO4", "ĐT-2024-01") or holding a maths sign.</summary>
    public required IReadOnlyList<string> TechnicalTokens { get; init; }
    /// <summary>Share of letters that are capitals.</summary>
    public required double UpperShare { get; init; }
    public required int Letters { get; init; }

    /// <summary>The longest Vietnamese syllable has seven letters ("nghiêng", "nghuếch").</summary>
    public const int LongestSyllable = 7;

    public static PlainText Measure(string text)
    {
        var stored = TextHygiene.Stored(text) ?? "";
        var sentences = new List<int>();
        var longWords = new List<string>();
        var technical = new List<string>();
        foreach (var line in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var count = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i];
                var core = token.Trim(Punctuation);
                if (core.Any(char.IsLetterOrDigit))
                {
                    count++;
                    if (core.Count(char.IsLetter) > LongestSyllable && !core.Contains('-')) longWords.Add(core);
                    if (IsTechnical(core)) technical.Add(core);
                }
                if (count > 0 && EndsSentence(token, i + 1 < tokens.Length ? tokens[i + 1] : null))
                {
                    sentences.Add(count);
                    count = 0;
                }
            }
            if (count > 0) sentences.Add(count);
        }
        var letters = stored.Count(char.IsLetter);
        return new PlainText
        {
            Text = stored,
            Sentences = sentences,
            LongWords = longWords,
            UnexplainedAbbreviations = Abbreviations(stored),
            TechnicalTokens = technical,
            Letters = letters,
            UpperShare = letters == 0 ? 0 : (double)stored.Count(char.IsUpper) / letters,
        };
    }

    /// <summary>Lowercased syllables without punctuation, for comparing two texts.</summary>
    public static IReadOnlyList<string> SyllablesOf(string? text) =>
        (TextHygiene.Stored(text) ?? "").ToLower(Vi)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim(Punctuation))
            .Where(t => t.Any(char.IsLetterOrDigit))
            .ToList();

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly char[] Punctuation =
        ['.', ',', ';', ':', '!', '?', '…', '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '{', '}', '–', '—', '-', '/'];

    /// <summary>Titles written before a name with a full stop, which never end a sentence there.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "GS.", "PGS.", "TS.", "ThS.", "KS.", "BS.", "CN.", "TP.", "Th.S.", "PGS.TS.", "GS.TS.", "TS.BS.", "ThS.BS.", "Tp.",
    };

    private static bool EndsSentence(string token, string? next)
    {
        var end = token.TrimEnd('"', '\'', '”', '’', '»', ')', ']');
        if (end.Length == 0) return false;
        var last = end[^1];
        if (last is '!' or '?' or '…') return true;
        if (last != '.' || Titles.Contains(end)) return false;
        // "1.5" or "v.v." mid-sentence: a full stop ends a sentence when what follows starts one.
        if (next is null) return true;
        var first = next.TrimStart('"', '\'', '“', '‘', '«', '(', '[').FirstOrDefault();
        return char.IsUpper(first) || char.IsDigit(first);
    }

    private static bool IsTechnical(string core)
    {
        if (core.IndexOfAny(['=', '^', '±', '×', '÷', '≤', '≥', '<', '>', '∑', '√', 'µ', '‰']) >= 0) return true;
        // Letters and digits in one token: codes and formulas. A number with its unit stays plain ("30%", "5ha", "20°C").
        return core.Any(char.IsLetter) && core.Any(char.IsDigit) && !PlainNumberWithUnit().IsMatch(core);
    }

    /// <summary>Abbreviations, each once; one counts as explained when a parenthesis right after it or around it holds
    /// the expansion ("chuyển đổi số (CĐS)", "CĐS (chuyển đổi số)").</summary>
    private static IReadOnlyList<string> Abbreviations(string text)
    {
        var found = new List<string>();
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Abbreviation().Matches(text))
        {
            var word = m.Value;
            var before = text[..m.Index].TrimEnd();
            var after = text[(m.Index + m.Length)..].TrimStart();
            var inParentheses = before.EndsWith('(') && after.StartsWith(')') && WordsBefore(before) >= 2;
            var followedByExpansion = after.StartsWith('(') && after.IndexOf(')') is var close && close > 1
                && after[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;
            if (inParentheses || followedByExpansion) explained.Add(word);
            else if (!found.Contains(word, StringComparer.Ordinal)) found.Add(word);
        }
        return found.Where(w => !explained.Contains(w)).ToList();
    }

    private static int WordsBefore(string before) => before[..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A token holding two capitals in a row (ignoring "&amp;", "-" and "." between them).</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]*\p{Lu}[&.\-]?\p{Lu}[\p{L}\p{N}&\-]*")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"^\d+([.,]\d+)*(%|ha|kg|g|m|km|cm|mm|tấn|ml|l|°C|đ|USD|VND)?$")]
    private static partial Regex PlainNumberWithUnit();
}
