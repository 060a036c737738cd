using System.Text;

namespace Registry.Search.Analysis;

/// <summary>
/// Turns what a user typed into a <see cref="ParsedQuery"/> without any query syntax that can fail: text is
/// tokenised like the index; <c>"…"</c> marks a phrase (an unbalanced quote is ignored), a leading <c>-</c>
/// excludes a word or phrase; everything else (<c>field:(</c>, <c>AND</c>, backslashes) is just text.
/// </summary>
public static class QueryText
{
    public const int MaxLength = 500;
    public const int MaxUnits = 24;

    public static ParsedQuery Parse(string? text, SynonymDictionary? synonyms = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return ParsedQuery.Empty;
        text = text.Length > MaxLength ? text[..MaxLength] : text;
        synonyms ??= SynonymDictionary.Default;
        var units = new List<QueryUnit>();
        var excluded = new List<TokenPhrase>();
        var pairs = new List<(string, string)>();
        foreach (var segment in Segments(text))
        {
            var phrase = TokenPhrase.Of(segment.Text);
            if (phrase.Original.Count == 0) continue;
            if (segment.Excluded) excluded.Add(phrase);
            else if (segment.Quoted) units.Add(new QueryUnit(phrase, IsPhrase: true, []));
            else AddWords(phrase, synonyms, TokenPhrase.Of(text).Original.Any(TokenPhrase.IsMarked), units, pairs);
        }
        var code = VietnameseText.CodeKey(text);
        var looksLikeCode = code.Length >= 4 && code.Any(char.IsAsciiDigit) && code.Any(char.IsAsciiLetter);
        return new ParsedQuery(units.Take(MaxUnits).ToList(), excluded, pairs.Distinct().ToList(), looksLikeCode ? code : null);
    }

    /// <param name="typedWithMarks">The query holds a word with marks: its writer types them, so a word written
    /// without marks is that spelling too when it triggers a vocabulary entry ("điều tra" does not reach "trà").</param>
    private static void AddWords(TokenPhrase words, SynonymDictionary synonyms, bool typedWithMarks, List<QueryUnit> units, List<(string, string)> pairs)
    {
        var singles = words.Original.Select(w => Single(w)).ToList();
        // The words as typed first ("VAST" is an entry, not the Telex for "vát"), then, where they match nothing, decoded.
        var raw = synonyms.FindMatches(singles.Select(u => u.Tokens.Original[0]).ToList(), typedWithMarks);
        var decoded = synonyms.FindMatches(singles.Select(u => u.Primary.Original[0]).ToList(), typedWithMarks)
            .Where(d => !raw.Any(r => r.Start < d.Start + d.Length && d.Start < r.Start + r.Length));
        var matches = raw.Select(m => (Match: m, Raw: true)).Concat(decoded.Select(m => (Match: m, Raw: false))).OrderBy(m => m.Match.Start);
        var i = 0;
        foreach (var (match, isRaw) in matches.Append((new SynonymMatch(singles.Count, 0, [], []), true)))
        {
            for (; i < match.Start; i++) units.Add(singles[i]);
            if (match.Length == 0) break;
            var span = singles.Skip(match.Start).Take(match.Length).Select(u => isRaw ? u.Tokens : u.Primary).ToList();
            var tokens = new TokenPhrase(span.SelectMany(p => p.Original).ToList(), span.SelectMany(p => p.Folded).ToList());
            units.Add(new QueryUnit(tokens, IsPhrase: false, match.Alternatives) { Narrower = match.Narrower });
            i = match.Start + match.Length;
        }
        for (var k = 0; k + 1 < singles.Count; k++)
        {
            var (a, b) = (singles[k].Primary, singles[k + 1].Primary);
            pairs.Add((a.Original[0] + " " + b.Original[0], a.Folded[0] + " " + b.Folded[0]));
        }
    }

    private static QueryUnit Single(string token)
    {
        var phrase = new TokenPhrase([token], [Folding.Fold(token)]);
        var decoded = TelexDecoder.TryDecode(token);
        return decoded is null
            ? new QueryUnit(phrase, false, [])
            : new QueryUnit(phrase, false, [new TokenPhrase([decoded], [Folding.Fold(decoded)])]) { IsTelex = true };
    }

    private sealed record Segment(string Text, bool Quoted, bool Excluded);

    /// <summary>Splits on balanced double quotes and leading minus signs; never fails.</summary>
    private static IEnumerable<Segment> Segments(string text)
    {
        text = text.Replace('“', '"').Replace('”', '"');
        var quoteCount = text.Count(c => c == '"');
        if (quoteCount % 2 == 1) text = text.Remove(text.LastIndexOf('"'), 1);
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var atWordStart = i == 0 || char.IsWhiteSpace(text[i - 1]);
            var minus = atWordStart && text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            var start = minus ? i + 1 : i;
            if (start < text.Length && text[start] == '"')
            {
                if (sb.Length > 0) { yield return new Segment(sb.ToString(), false, false); sb.Clear(); }
                var close = text.IndexOf('"', start + 1);
                yield return new Segment(text[(start + 1)..close], true, minus);
                i = close + 1;
            }
            else if (minus)
            {
                var end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
                if (sb.Length > 0) { yield return new Segment(sb.ToString(), false, false); sb.Clear(); }
                yield return new Segment(text[start..end], false, true);
                i = end;
            }
            else { sb.Append(text[i] == '"' ? ' ' : text[i]); i++; }
        }
        if (sb.Length > 0) yield return new Segment(sb.ToString(), false, false);
    }
}
