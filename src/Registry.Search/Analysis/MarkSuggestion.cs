using Registry.Data.Records;

namespace Registry.Search.Analysis;

/// <summary>
/// "Did you mean" for a query typed without marks or in Telex: each word is given the spelling the best hits use for
/// it, preferring spellings found side by side with the neighbouring query word ("chuyen doi so" → "chuyển đổi số";
/// "lua" beside "giong" → "lúa" when the hits say "giống lúa"). Read from the hits' titles, keywords, summaries and
/// organisation names, so it works the same on every engine and only proposes words the catalogue really holds.
/// </summary>
public static class MarkSuggestion
{
    /// <summary>Hits read for spellings: the first page is enough, and later ones are less about the query.</summary>
    private const int HitsRead = 10;

    /// <summary>The query with marks, or null when it was typed with marks, has no word to restore, or the hits
    /// give no spelling for any of its words.</summary>
    /// <param name="query">The text as the user typed it.</param>
    public static string? Suggest(string? query, ParsedQuery parsed, IEnumerable<TaskRecord> hits)
    {
        var units = parsed.Units;
        if (units.Count == 0 || parsed.CodeKey is not null || string.IsNullOrEmpty(query)) return null;
        var typed = TokenPhrase.Of(query).Original;
        if (typed.Any(TokenPhrase.IsMarked)) return null;
        // Telex words are already decoded in the units (a unit over a synonym span holds the decoded words).
        var words = units.SelectMany(u => u.IsTelex ? u.Primary.Original : u.Tokens.Original).ToList();
        var spellings = Spellings(hits.Take(HitsRead));
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (TokenPhrase.IsMarked(word)) { result.Add(word); continue; }
            var prev = i > 0 ? Folding.Fold(words[i - 1]) : null;
            var next = i + 1 < words.Count ? Folding.Fold(words[i + 1]) : null;
            result.Add(Best(spellings, word, prev, next) ?? word);
        }
        var suggestion = string.Join(' ', result);
        return suggestion == string.Join(' ', typed) || !result.Any(TokenPhrase.IsMarked) ? null : suggestion;
    }

    /// <summary>The most used spelling of a folded word, a spelling seen beside the neighbouring words counting more.</summary>
    private static string? Best(Spelled spellings, string folded, string? prev, string? next)
    {
        if (!spellings.Words.TryGetValue(folded, out var forms)) return null;
        return forms.Keys
            .OrderByDescending(form => forms[form]
                + 10 * spellings.PairCount(prev, form, before: true)
                + 10 * spellings.PairCount(next, form, before: false))
            .ThenBy(form => form, StringComparer.Ordinal)
            .First();
    }

    private static Spelled Spellings(IEnumerable<TaskRecord> hits)
    {
        var spelled = new Spelled();
        foreach (var record in hits)
        {
            var texts = new[] { record.Title, record.Summary, record.HostOrganization?.Name, record.HostOrganization?.Province }
                .Concat(record.Keywords ?? []);
            foreach (var text in texts.Where(t => !string.IsNullOrEmpty(t)))
            {
                var tokens = VietnameseText.Tokenize(VietnameseText.Normalize(text!)).Select(VietnameseText.NormalizeToken).ToList();
                for (var i = 0; i < tokens.Count; i++) spelled.Add(tokens[i], i > 0 ? tokens[i - 1] : null);
            }
        }
        return spelled;
    }

    /// <summary>Spellings per folded word, and spellings seen after a folded word.</summary>
    private sealed class Spelled
    {
        public Dictionary<string, Dictionary<string, int>> Words { get; } = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), int> _pairs = [];

        public void Add(string form, string? previous)
        {
            var folded = Folding.Fold(form);
            if (!Words.TryGetValue(folded, out var forms)) Words[folded] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
            forms[form] = forms.GetValueOrDefault(form) + 1;
            if (previous is null) return;
            Bump((Folding.Fold(previous) + " ", form));
            Bump((" " + folded, previous));
        }

        private void Bump((string, string) key) => _pairs[key] = _pairs.GetValueOrDefault(key) + 1;

        /// <summary>How often <paramref name="form"/> came right after (<paramref name="before"/>) or right before the
        /// folded neighbour.</summary>
        public int PairCount(string? neighbour, string form, bool before)
        {
            if (neighbour is null) return 0;
            if (before) return _pairs.GetValueOrDefault((neighbour + " ", form));
            // The neighbour follows: count the times the folded neighbour came after this very spelling.
            return _pairs.GetValueOrDefault((" " + neighbour, form));
        }
    }
}
