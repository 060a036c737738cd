using System.Collections.Frozen;

namespace Registry.Search.Analysis;

/// <summary>
/// A structural test of whether a lowercase, toneless-or-toned word can be a Vietnamese syllable:
/// initial consonant + vowel nucleus + final consonant, each from the closed sets of the orthography.
/// Works on folded words too ("chuyen" is plausible; "chuyeenr", "ddooir", "soos" are not).
/// </summary>
public static class Syllables
{
    private static readonly string[] Initials =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly FrozenSet<string> Finals = FrozenSet.ToFrozenSet(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);

    /// <summary>Vowel nuclei with their glides, toneless, with shape marks.</summary>
    private static readonly FrozenSet<string> Nuclei = FrozenSet.ToFrozenSet(
    [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
        "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
    ]);

    private static readonly FrozenSet<string> FoldedNuclei = Nuclei.Select(Folding.Fold).ToFrozenSet();

    private const string VowelLetters = "aăâeêioôơuưy";

    /// <summary>True when the word parses as initial + nucleus + final (tone marks are ignored).</summary>
    public static bool IsPlausible(string word)
    {
        if (word.Length is 0 or > 7) return false;
        var bare = StripTones(word);
        var folded = bare.All(char.IsAscii);
        foreach (var initial in Initials)
        {
            if (!bare.StartsWith(initial, StringComparison.Ordinal)) continue;
            var rest = bare[initial.Length..];
            var vowelEnd = 0;
            while (vowelEnd < rest.Length && VowelLetters.Contains(rest[vowelEnd])) vowelEnd++;
            if (vowelEnd == 0) continue;
            var nucleus = rest[..vowelEnd];
            var final = rest[vowelEnd..];
            if (!Finals.Contains(final)) continue;
            if (folded ? FoldedNuclei.Contains(nucleus) : Nuclei.Contains(nucleus)) return true;
        }
        return false;
    }

    private static string StripTones(string word)
    {
        var nfd = word.Normalize(System.Text.NormalizationForm.FormD);
        var kept = nfd.Where(c => c is not ('\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'));
        return string.Concat(kept).Normalize(System.Text.NormalizationForm.FormC);
    }
}
