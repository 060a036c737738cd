using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Prefix completion over the <see cref="SearchFields.Suggest"/> terms: seek to the folded prefix in the sorted
/// term dictionary, read a bounded number of terms, count live documents, merge by display text.
/// </summary>
internal static class Suggestions
{
    private const char Separator = '\u001F';
    private const int MaxTermsScanned = 4000;

    public static string Term(string foldedKey, string display, string source) =>
        string.Concat(foldedKey, Separator.ToString(), display, Separator.ToString(), source);

    /// <summary>The folded, space-joined form a prefix is matched in ("Chuyển  đổi" → "chuyen doi").</summary>
    public static string Key(string text) => string.Join(' ', VietnameseText.Tokenize(text).Select(VietnameseText.FoldToken));

    public static IReadOnlyList<Suggestion> Find(IndexReader reader, string prefix, int max)
    {
        var key = Key(prefix);
        if (key.Length == 0 || max <= 0) return [];
        var terms = MultiFields.GetTerms(reader, SearchFields.Suggest);
        if (terms is null) return [];
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var found = new Dictionary<string, (Suggestion Best, bool AtStart)>();
        var termsEnum = terms.GetEnumerator();
        var target = new BytesRef(key);
        if (termsEnum.SeekCeil(target) == TermsEnum.SeekStatus.END) return [];
        var scanned = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, target) || ++scanned > MaxTermsScanned) break;
            var parts = term.Utf8ToString().Split(Separator);
            if (parts.Length != 3) continue;
            var count = CountLive(termsEnum, liveDocs);
            if (count == 0) continue;
            Merge(found, parts[1], parts[2], count, atStart: Key(parts[1]).StartsWith(key, StringComparison.Ordinal));
        }
        while (termsEnum.MoveNext());
        return found.Values
            .OrderByDescending(f => f.Best.Count).ThenByDescending(f => f.AtStart).ThenBy(f => f.Best.Text.Length)
            .ThenBy(f => f.Best.Text, StringComparer.Ordinal)
            .Take(Math.Min(max, 10)).Select(f => f.Best).ToList();
    }

    private static void Merge(Dictionary<string, (Suggestion Best, bool AtStart)> found, string display, string source, long count, bool atStart)
    {
        var distinct = VietnameseText.Fold(display).ToLowerInvariant();
        if (found.TryGetValue(distinct, out var existing))
        {
            var total = existing.Best.Count + count;
            var best = count > existing.Best.Count ? new Suggestion(display, source, total) : existing.Best with { Count = total };
            found[distinct] = (best, existing.AtStart || atStart);
        }
        else found[distinct] = (new Suggestion(display, source, count), atStart);
    }

    private static long CountLive(TermsEnum termsEnum, IBits? liveDocs)
    {
        if (liveDocs is null) return termsEnum.DocFreq;
        var docs = termsEnum.Docs(liveDocs, null, DocsFlags.NONE);
        long n = 0;
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) n++;
        return n;
    }
}
