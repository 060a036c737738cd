using System.Text;

namespace Registry.Search.Analysis;

/// <summary>
/// Decodes a word typed with Telex keystrokes left in ("chuyeenr" → "chuyển", "ddooir" → "đổi",
/// "vieejt" → "việt", "nguwowif" → "người"). Only words that are not plausible syllables as typed are decoded,
/// and only a result that is a plausible syllable is returned, so ordinary words ("chuyen", "data") pass through.
/// </summary>
public static class TelexDecoder
{
    private static readonly Dictionary<char, char> ToneKeys = new()
    {
        ['s'] = '\u0301', ['f'] = '\u0300', ['r'] = '\u0309', ['x'] = '\u0303', ['j'] = '\u0323',
    };

    private const string VowelLetters = "aăâeêioôơuưy";

    /// <summary>The decoded syllable, or null when the word is plausible as typed or does not decode to a syllable.</summary>
    public static string? TryDecode(string word)
    {
        if (word.Length is < 2 or > 10 || !word.All(char.IsAsciiLetterLower) || Syllables.IsPlausible(word)) return null;
        var bare = new StringBuilder(word.Length);
        char? tone = null;
        foreach (var c in word)
        {
            if (!Apply(bare, c, ref tone)) return null;
        }
        var text = bare.ToString();
        var result = tone is { } t ? ToneMarks.ApplyTone(text, t) : text;
        return result is not null && result != word && Syllables.IsPlausible(result) ? result : null;
    }

    private static bool Apply(StringBuilder bare, char c, ref char? tone)
    {
        var last = bare.Length > 0 ? bare[^1] : '\0';
        switch (c)
        {
            case 'd' when last == 'd': bare[^1] = 'đ'; return true;
            case 'a' when last == 'a': bare[^1] = 'â'; return true;
            case 'e' when last == 'e': bare[^1] = 'ê'; return true;
            case 'o' when last == 'o': bare[^1] = 'ô'; return true;
            case 'w':
                return ApplyHorn(bare, last);
        }
        if (ToneKeys.TryGetValue(c, out var mark) && HasVowel(bare))
        {
            if (tone is not null) return false;  // two tone keys: not Telex for one syllable
            tone = mark;
            return true;
        }
        bare.Append(c);
        return true;
    }

    private static bool ApplyHorn(StringBuilder bare, char last)
    {
        switch (last)
        {
            case 'a': bare[^1] = 'ă'; return true;
            case 'u': bare[^1] = 'ư'; return true;
            case 'o':
                bare[^1] = 'ơ';
                if (bare.Length > 1 && bare[^2] == 'u') bare[^2] = 'ư';   // "uow" → "ươ"
                return true;
            case 'ơ' or 'ư': return true;  // "uwow": the second w is already applied
            default:
                // "nguwowif" applies w after each vowel; a w after a consonant-final ("huongw") marks ươ.
                var i = bare.ToString().LastIndexOf("uo", StringComparison.Ordinal);
                if (i < 0) return false;
                bare[i] = 'ư'; bare[i + 1] = 'ơ';
                return true;
        }
    }

    private static bool HasVowel(StringBuilder sb)
    {
        for (var i = 0; i < sb.Length; i++)
            if (VowelLetters.Contains(sb[i])) return true;
        return false;
    }
}
