using Registry.Search.Analysis;

namespace Registry.Search.Model;

/// <summary>
/// Suggestion terms "folded words␟display␟source", the same for both engines so suggestions behave alike. Keywords
/// and the organisation name give one term per word start (up to 12), so "doi so" completes "chuyển đổi số" as well
/// as "chuyen doi so"; these phrases are a small vocabulary shared by many tasks. The title gives one term, from its
/// start only: titles are nearly all unique, and a term per word of every title made up most of the suggestion index
/// while rarely winning a place.
/// </summary>
public static class SuggestionTerms
{
    /// <summary>Between the folded key, the display text and the source of a term.</summary>
    public const char Separator = '\u001F';

    /// <summary>The folded, space-joined form a prefix is matched in ("Chuyển  đổi" → "chuyen doi").</summary>
    public static string Key(string text) => string.Join(' ', VietnameseText.Tokenize(text).Select(VietnameseText.FoldToken));

    public static string Term(string foldedKey, string display, string source) =>
        string.Concat(foldedKey, Separator.ToString(), display, Separator.ToString(), source);

    /// <summary>The one term of the title's start, or none for an empty title.</summary>
    public static IReadOnlyList<string> Title(SearchDocument d) =>
        d.Title.Length > 0 && Words(d.Title) is { Count: > 0 } words ? [Term(words, d.Title, "title")] : [];

    /// <summary>A term per word start of each keyword and of the organisation name, without repeats.</summary>
    public static IReadOnlyList<string> Phrases(SearchDocument d)
    {
        var phrases = d.Keywords.Select(k => (Text: k, Source: "keyword")).ToList();
        if (d.OrganizationName is { } org) phrases.Add((org, "organization"));
        var terms = new List<string>();
        var seen = new HashSet<string>();
        foreach (var (text, source) in phrases.Where(p => p.Text.Length > 0))
        {
            var words = Words(text);
            for (var start = 0; start < Math.Min(words.Count, 12); start++)
            {
                var term = Term(words.Skip(start), text, source);
                if (seen.Add(term)) terms.Add(term);
            }
        }
        return terms;
    }

    private static List<string> Words(string text) => VietnameseText.Tokenize(text).Take(30).Select(VietnameseText.FoldToken).ToList();

    private static string Term(IEnumerable<string> words, string text, string source)
    {
        var key = string.Join(' ', words);
        return Term(key.Length > 120 ? key[..120] : key, text.Length > 200 ? text[..200] : text, source);
    }
}
