using System.Globalization;
using System.Text;

namespace Registry.Search.Analysis;

/// <summary>
/// Puts the tone mark of a Vietnamese syllable in one canonical place, so the two spellings in use meet:
/// "hoà, thuỷ, khoẻ" and "hòa, thủy, khỏe" both become the latter (tone on the first vowel of an open
/// oa/oe/uy, the spelling most used in Vietnamese administration, e.g. "Hòa Bình"). Other syllables get the
/// standard placement: the (last) vowel with a shape mark (â ê ô ơ ư ă), else the last vowel before a final
/// consonant, else the first of two or the middle of three vowels.
/// </summary>
public static class ToneMarks
{
    /// <summary>Combining tone marks: grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng).</summary>
    private const string Tones = "\u0300\u0301\u0303\u0309\u0323";
    private const string Vowels = "aăâeêioôơuưy";
    private const string ShapedVowels = "ăâêôơư";

    /// <summary>Marks "nothing moves"; declared first, as static fields initialise in order.</summary>
    private static readonly string Unchanged = new('\0', 1);

    /// <summary>
    /// Syllable → its canonical spelling, or <see cref="Unchanged"/> (checked by reference) when nothing moves, so
    /// the common case keeps returning the caller's own instance.
    /// </summary>
    private static readonly TokenCache SyllableCache = new(word =>
    {
        var placed = PlaceCanonically(word);
        return ReferenceEquals(placed, word) ? Unchanged : placed;
    });

    /// <summary>Canonicalises every letter run of an NFC text; case is kept, everything else is untouched.</summary>
    public static string Canonicalize(string text)
    {
        StringBuilder? sb = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { sb?.Append(text[i]); i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            var word = text.AsSpan(start, i - start);
            // Only short non-ASCII runs can carry a misplaced tone; the rest is copied without a string per word.
            var fixedWord = word.Length > 7 || System.Text.Ascii.IsValid(word) ? Unchanged : SyllableCache.Get(word);
            if (sb is null && !ReferenceEquals(fixedWord, Unchanged)) sb = new StringBuilder(text, 0, start, text.Length);
            if (sb is null) continue;
            if (ReferenceEquals(fixedWord, Unchanged)) sb.Append(word);
            else sb.Append(fixedWord);
        }
        return sb?.ToString() ?? text;
    }

    private static string PlaceCanonically(string word)
    {
        if (!TryStripTone(word, out var bare, out var tone, out var current)) return word;
        var target = TonePosition(bare.ToLowerInvariant());
        if (target < 0 || target == current) return word;
        return PlaceTone(bare, tone, target);
    }

    /// <summary>Puts <paramref name="tone"/> on the canonical vowel of a toneless syllable (used by the Telex decoder).</summary>
    public static string? ApplyTone(string bare, char tone)
    {
        var target = TonePosition(bare.ToLowerInvariant());
        return target < 0 ? null : PlaceTone(bare, tone, target);
    }

    /// <summary>Index of the vowel that carries the tone in a lowercase toneless syllable, or -1 without vowels.</summary>
    internal static int TonePosition(string bare)
    {
        var start = 0;
        // "qu" and "gi" before another vowel are consonants: quả, già.
        if (bare.Length > 2 && (bare.StartsWith("qu") || bare.StartsWith("gi")) && Vowels.Contains(bare[2])) start = 2;
        while (start < bare.Length && !Vowels.Contains(bare[start])) start++;
        if (start == bare.Length) return -1;
        var end = start;
        while (end < bare.Length && Vowels.Contains(bare[end])) end++;
        var count = end - start;
        for (var j = end - 1; j >= start; j--)
            if (ShapedVowels.Contains(bare[j])) return j;
        if (end < bare.Length) return end - 1;   // closed syllable: hoàn, toán
        return count switch { 1 => start, 2 => start, _ => start + 1 };
    }

    private static bool TryStripTone(string word, out string bare, out char tone, out int position)
    {
        bare = word; tone = '\0'; position = -1;
        var nfd = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(nfd.Length);
        var letters = -1;
        foreach (var c in nfd)
        {
            if (Tones.Contains(c))
            {
                if (tone != '\0') return false;   // two tones: not a syllable, leave it alone
                tone = c; position = letters;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) letters++;
            sb.Append(c);
        }
        if (tone == '\0') return false;
        bare = sb.ToString().Normalize(NormalizationForm.FormC);
        return bare.Length == word.Length;       // positions in NFC letters must line up
    }

    private static string PlaceTone(string bare, char tone, int index)
    {
        var composed = (bare[index] + tone.ToString()).Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? string.Concat(bare.AsSpan(0, index), composed, bare.AsSpan(index + 1)) : bare;
    }
}
