using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Prefix completion. Phrases (keywords, organisation names, <see cref="SearchFields.Suggest"/>) come from each
/// segment's in-memory <see cref="SuggestionSegment"/>: the few most used phrases under the folded prefix, without
/// reading the rest of the range. Titles (<see cref="SearchFields.SuggestTitle"/>, one term per task, nearly always
/// count 1) fill in through one short scan over all segments after seeking the prefix. Everything merges by written form (counts add), then orders by
/// count, phrases starting with the prefix first, shorter first.
/// </summary>
internal static class Suggestions
{
    private const char Separator = SuggestionTerms.Separator;
    /// <summary>Phrases taken from each segment per suggestion asked for: merging spellings and segments can
    /// lift a phrase that is not among a segment's very first, so take more than shown.</summary>
    private const int PhrasesPerSuggestion = 4;
    /// <summary>Title terms read after the seek per suggestion asked for (in key order; nearly all count 1).</summary>
    private const int TitlesPerSuggestion = 2;

    public static string Term(string foldedKey, string display, string source) => SuggestionTerms.Term(foldedKey, display, source);

    public static IReadOnlyList<Suggestion> Find(IndexReader reader, string prefix, int max)
    {
        var key = SuggestionTerms.Key(prefix);
        max = Math.Min(max, 10);
        if (key.Length == 0 || max <= 0) return [];
        var bytes = Encoding.UTF8.GetBytes(key);
        var target = new BytesRef(bytes);
        var found = new SuggestionMerge();
        foreach (var leaf in reader.Leaves) AddPhrases(found, leaf.AtomicReader, key, bytes, max * PhrasesPerSuggestion);
        // A title needs the count of the last phrase shown to reach the list (0 while phrases do not fill it).
        AddTitles(found, reader, target, max * TitlesPerSuggestion, found.CountAt(max));
        return found.Top(max);
    }

    /// <summary>The segment's best phrases under the prefix; with deletions, counts are recounted over live
    /// documents for these finalists only, and fully deleted phrases are passed over (a bounded number).</summary>
    private static void AddPhrases(SuggestionMerge found, AtomicReader segment,
        string key, byte[] prefix, int wanted)
    {
        var phrases = SuggestionSegment.For(segment);
        if (phrases.Count == 0) return;
        var liveDocs = segment.LiveDocs;
        var termsEnum = liveDocs is null ? null : segment.GetTerms(SearchFields.Suggest)?.GetEnumerator();
        int taken = 0, looked = 0;
        foreach (var term in phrases.Best(prefix))
        {
            if (taken == wanted || ++looked > 4 * wanted) break;
            long count = term.DocFreq;
            if (termsEnum is not null)
                count = phrases.LiveCount(term.Ordinal, liveDocs!, bytes => termsEnum.SeekExact(bytes) ? CountLive(termsEnum, liveDocs) : 0);
            if (count == 0) continue;
            taken++;
            found.Add(term.Distinct, term.Display, term.Source, count, term.DisplayStartsWith(key));
        }
    }

    /// <summary>The first titles under the prefix in key order, over all segments at once (a merged term
    /// enumeration), so the number of titles read does not grow with the number of segments. A title counted
    /// below <paramref name="floor"/> is not even decoded: it cannot reach the list, and adding its count to a
    /// phrase spelled alike is left out.</summary>
    private static void AddTitles(SuggestionMerge found, IndexReader reader,
        BytesRef target, int wanted, long floor)
    {
        var termsEnum = MultiFields.GetTerms(reader, SearchFields.SuggestTitle)?.GetEnumerator();
        if (termsEnum is null || termsEnum.SeekCeil(target) == TermsEnum.SeekStatus.END) return;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var scanned = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, target) || ++scanned > wanted) break;
            var count = CountLive(termsEnum, liveDocs);
            if (count == 0 || count < floor) continue;
            var parts = term.Utf8ToString().Split(Separator);
            if (parts.Length != 3) continue;
            // A title term's key is the start of the title's own key, so a title matching the prefix starts with it.
            found.Add(parts[1], parts[2], count, atStart: true);
        }
        while (termsEnum.MoveNext());
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
