using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// <c>&lt;mark&gt;</c> snippets for title and summary, the rest HTML-encoded. Text is analysed into both forms of
/// each word, as the index holds it, and the query's words are looked up as typed: "chuyen doi so" marks
/// "Chuyển đổi số", while "nấm" marks "nấm" and not "năm".
/// </summary>
internal sealed class LuceneHighlighter(Analyzer analyzer)
{
    private const string Field = SearchFields.Title + VietnameseIndexAnalyzer.BothFormsSuffix;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Highlight(TaskRecord record, IReadOnlyList<string> typedTerms)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        if (typedTerms.Count == 0) return result;
        var query = new BooleanQuery();
        foreach (var t in typedTerms.Take(BooleanQuery.MaxClauseCount)) query.Add(new TermQuery(new Term(Field, t)), Occur.SHOULD);
        Add(result, SearchFields.Title, record.Title, query, new NullFragmenter(), 1);
        Add(result, SearchFields.Summary, record.Summary, query, new SimpleFragmenter(180), 2);
        return result;
    }

    private void Add(Dictionary<string, IReadOnlyList<string>> result, string name, string? text, Query query, IFragmenter fragmenter, int max)
    {
        if (string.IsNullOrEmpty(text)) return;
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalHtmlEncoder(), new QueryScorer(query, Field))
        {
            TextFragmenter = fragmenter,
            MaxDocCharsToAnalyze = 100_000,
        };
        using var tokens = analyzer.GetTokenStream(Field, text);
        var fragments = highlighter.GetBestFragments(tokens, text, max).Where(f => f.Contains("<mark>")).ToList();
        if (fragments.Count > 0) result[name] = fragments;
    }
}

/// <summary>The highlighter's encoder over <see cref="HighlightText.Encode"/>, so both engines encode snippets alike.</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => HighlightText.Encode(originalText);
}
