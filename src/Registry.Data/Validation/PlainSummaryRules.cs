using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Registry.Data.Abstractions;

namespace Registry.Data.Validation;

/// <summary>
/// Tóm tắt phổ thông: what a plain-language summary must be to be stored, checked on every write (REST, GraphQL,
/// every import format). Transparent thresholds on surface measures (<see cref="PlainText"/>), each with a message
/// that says what to fix; the reasons and the calibration on real records are in docs/communication.md.
/// </summary>
public static partial class PlainSummaryRules
{
    public const string Path = "plainSummary";

    /// <summary>Shorter than this is a title, not a summary (the longest limit is the field's <see cref="TextLimits.PlainSummary"/>).</summary>
    public const int MinLength = 80;
    public const int MaxSentences = 6;
    /// <summary>About 25 words, the usual plain-language ceiling, at 1.3–1.5 syllables a Vietnamese word.</summary>
    public const int MaxSentenceSyllables = 35;
    /// <summary>Average over two sentences or more (one sentence has only the limit above).</summary>
    public const int MaxAverageSentenceSyllables = 25;
    public const int MaxUnexplainedAbbreviations = 2;
    public const int MaxTechnicalTokens = 2;
    public const int MaxLongWords = 3;
    /// <summary>Share of the plain summary's three-syllable sequences found in the scientific summary.</summary>
    public const double MaxCopiedShare = 0.6;
    /// <summary>Above this share of capitals (with at least <see cref="AllCapsMinLetters"/> letters) a text is shouting.</summary>
    public const double MaxUpperShare = 0.5;
    private const int AllCapsMinLetters = 20;

    /// <summary>Adds an error per problem of <paramref name="plainSummary"/> (nothing when it is empty: it is optional).</summary>
    public static void Check(List<FieldError> errors, string? plainSummary, string? summary)
    {
        foreach (var message in Problems(plainSummary, summary)) errors.Add(new(Path, message));
    }

    /// <summary>What is wrong with a plain summary, each a message Vietnamese first, English in parentheses.</summary>
    public static IReadOnlyList<string> Problems(string? plainSummary, string? summary)
    {
        if (TextHygiene.Stored(plainSummary) is not { } text) return [];
        var problems = new List<string>();
        var m = PlainText.Measure(text);

        if (text.EnumerateRunes().FirstOrDefault(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.Format) is { Value: > 0 } hidden)
            problems.Add($"Có ký tự ẩn U+{hidden.Value:X4}, loại ký tự định dạng, đảo chiều chữ hoặc khoảng trắng không độ rộng, thường do dán từ web: xoá đi rồi gõ lại " +
                "(remove the hidden formatting character, e.g. a zero-width space or a direction override)");
        if (HasEmoji(text))
            problems.Add("Không dùng biểu tượng cảm xúc (emoji) trong tóm tắt phổ thông (remove the emoji: cards and feeds show words only)");
        if (Markup().IsMatch(text) || Bullet().IsMatch(text))
            problems.Add("Viết thành đoạn văn liền mạch: không dùng thẻ HTML, định dạng Markdown hay gạch đầu dòng " +
                "(write plain running sentences: no HTML tags, Markdown or bullet lists)");
        if (Link().IsMatch(text))
            problems.Add("Không đặt đường dẫn hay địa chỉ e-mail trong tóm tắt phổ thông; liên kết đã có ở trang nhiệm vụ " +
                "(remove the link or e-mail address: the task page carries the links)");

        if (text.Length < MinLength)
            problems.Add($"Quá ngắn: cần ít nhất {MinLength} ký tự, hiện có {text.Length}; viết vài câu nói nhiệm vụ làm gì và mang lại gì cho người dân " +
                $"(too short: at least {MinLength} characters, a few sentences on what the task does and what it brings)");
        if (m.Sentences.Count > MaxSentences)
            problems.Add($"Quá nhiều câu: tối đa {MaxSentences} câu, hiện có {m.Sentences.Count}; giữ lại điều quan trọng nhất " +
                $"(at most {MaxSentences} sentences: keep what matters most)");
        if (m.LongestSentence > MaxSentenceSyllables)
        {
            var which = m.Sentences.ToList().IndexOf(m.LongestSentence) + 1;
            problems.Add($"Câu thứ {which} dài {m.LongestSentence} tiếng, tối đa {MaxSentenceSyllables}: tách thành câu ngắn hơn " +
                $"(sentence {which} has {m.LongestSentence} syllables, at most {MaxSentenceSyllables}: split it)");
        }
        else if (m.Sentences.Count > 1 && m.AverageSentence > MaxAverageSentenceSyllables)
            problems.Add($"Câu trung bình dài {m.AverageSentence:0.#} tiếng, tối đa {MaxAverageSentenceSyllables}: viết câu ngắn hơn " +
                $"(sentences average {m.AverageSentence:0.#} syllables, at most {MaxAverageSentenceSyllables}: shorten them)");
        if (m.Letters >= AllCapsMinLetters && m.UpperShare > MaxUpperShare)
            problems.Add("Không viết hoa toàn bộ; chỉ viết hoa chữ đầu câu và tên riêng (do not write in capitals: capitalise sentence starts and names only)");
        else if (m.UnexplainedAbbreviations.Count > MaxUnexplainedAbbreviations)
            problems.Add($"Có {m.UnexplainedAbbreviations.Count} chữ viết tắt chưa giải thích: {string.Join(", ", m.UnexplainedAbbreviations)}; tối đa {MaxUnexplainedAbbreviations}: " +
                $"viết đầy đủ hoặc giải thích trong ngoặc, ví dụ “chuyển đổi số (CĐS)” " +
                $"(at most {MaxUnexplainedAbbreviations} unexplained abbreviations: write them out or explain each in parentheses)");
        if (m.TechnicalTokens.Count > MaxTechnicalTokens)
            problems.Add($"Có {m.TechnicalTokens.Count} công thức hoặc mã số: {string.Join(", ", m.TechnicalTokens.Distinct().Take(5))}; tối đa {MaxTechnicalTokens}: " +
                $"nói bằng lời điều chúng có nghĩa (at most {MaxTechnicalTokens} formulas or codes: say in words what they mean)");
        if (m.LongWords.Count > MaxLongWords)
            problems.Add($"Có {m.LongWords.Count} thuật ngữ nước ngoài hoặc tên khoa học: {string.Join(", ", m.LongWords.Distinct().Take(5))}; tối đa {MaxLongWords}: " +
                $"dùng từ tiếng Việt thông dụng (at most {MaxLongWords} foreign or Latin terms: use everyday words)");
        if (CopiedShare(text, summary) > MaxCopiedShare)
            problems.Add("Tóm tắt phổ thông đang chép lại phần tóm tắt khoa học: viết lại bằng lời thường cho người không chuyên " +
                "(it repeats the scientific summary: rewrite it in everyday words for readers outside the field)");
        return problems;
    }

    /// <summary>Share of the plain summary's three-syllable sequences (lowercased, punctuation dropped) found in the summary.</summary>
    public static double CopiedShare(string? plainSummary, string? summary)
    {
        var plain = Trigrams(PlainText.SyllablesOf(plainSummary));
        if (plain.Count == 0) return 0;
        var source = Trigrams(PlainText.SyllablesOf(summary)).ToHashSet(StringComparer.Ordinal);
        return source.Count == 0 ? 0 : (double)plain.Count(source.Contains) / plain.Count;
    }

    private static List<string> Trigrams(IReadOnlyList<string> syllables) =>
        Enumerable.Range(0, Math.Max(0, syllables.Count - 2)).Select(i => $"{syllables[i]} {syllables[i + 1]} {syllables[i + 2]}").ToList();

    /// <summary>Pictographs and dingbats (U+2600–U+27BF, U+1F000 and above) and the emoji presentation selector.</summary>
    private static bool HasEmoji(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (rune.Value is >= 0x2600 and <= 0x27BF or >= 0x1F000 and <= 0x1FAFF or 0xFE0F) return true;
        return false;
    }

    [GeneratedRegex(@"</?[a-zA-Z!][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-z]{2,8});|\*\*|__|\[[^\]]*\]\([^)]*\)|^\s*#{1,6}\s", RegexOptions.Multiline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*([-*•+·▪◦–]|\d{1,2}[.)]|[a-zđ]\))\s", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(?i)\b(https?://|ftp://|www\.)|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}|\b[a-z0-9-]+\.(vn|com|org|net|gov|edu|info)\b")]
    private static partial Regex Link();
}
