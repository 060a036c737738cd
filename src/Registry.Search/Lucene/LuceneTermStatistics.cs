using Lucene.Net.Index;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>Document frequencies from the open reader: words in all text, pairs in the short texts' and the body's
/// pair fields (a task with the pair in both counts twice, so the sum is capped by the rarer word).</summary>
internal sealed class LuceneTermStatistics(IndexReader reader) : ITermStatistics
{
    public long DocCount => reader.NumDocs;

    public long DocFreq(IReadOnlyList<string> terms)
    {
        if (terms.Count == 1) return reader.DocFreq(new Term(LuceneText.All, terms[0]));
        if (TextLayout.PairTerms(terms) is not [var pair]) return 0;
        long inPairs = reader.DocFreq(new Term(LuceneText.AllPairs, pair)) + reader.DocFreq(new Term(LuceneText.BodyPairs, pair));
        return Math.Min(inPairs, Math.Min(DocFreq([terms[0]]), DocFreq([terms[1]])));
    }
}
