using System.Text.Json;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Optional use of the elasticsearch-analysis-vietnamese plugin (<c>vi_tokenizer</c>, Cốc Cốc's dictionary word
/// segmentation; see docs/search.md) when <see cref="ElasticsearchOptions.VietnameseAnalyzer"/> is <c>on</c>:
/// the head (title and keywords) gets two sub-fields of the plugin's words, <see cref="Sub"/> (lowercase, marks kept)
/// and <see cref="FoldedSub"/> (folded), and a scored search adds one <c>match</c> of the typed words on one of them.
/// The clause is never required, so the set of matches stays the Lucene engine's; only the ranking of tasks whose
/// head holds the query's words as the dictionary segments them changes.
/// </summary>
internal static class EsVietnameseWords
{
    public const string Tokenizer = "registry_vi";
    public const string Analyzer = "registry_vi";
    public const string FoldedAnalyzer = "registry_vi_folded";
    public const string Sub = "vi";
    public const string FoldedSub = "vi_f";
    /// <summary>As much as a pair bonus in the head: words of the dictionary are pairs or longer.</summary>
    public const float Boost = SearchWeights.Head * SearchWeights.Shingle;

    /// <summary>The plugin's tokenizer (a type the client does not model) and the two analyzers over it.</summary>
    public static void AddTo(IndexSettingsAnalysis analysis)
    {
        analysis.Tokenizers![Tokenizer] = new UnknownTokenizer("vi_tokenizer", JsonSerializer.SerializeToElement(new { type = "vi_tokenizer" }));
        analysis.Analyzers![Analyzer] = new CustomAnalyzer { Tokenizer = Tokenizer, Filter = ["lowercase"] };
        analysis.Analyzers[FoldedAnalyzer] = new CustomAnalyzer { Tokenizer = Tokenizer, Filter = ["lowercase", EsAnalysis.FoldingFilter] };
    }

    public static Properties SubFields() => new()
    {
        [Sub] = new TextProperty { Analyzer = Analyzer },
        [FoldedSub] = new TextProperty { Analyzer = FoldedAnalyzer },
    };

    /// <summary>The words as typed, on the sub-field with marks when the reader typed marks, else on the folded one (the
    /// plugin keeps a word's marks, and words typed without them name every spelling).</summary>
    public static Query? Clause(ParsedQuery parsed)
    {
        var words = parsed.Units.SelectMany(u => u.Primary.Terms).ToList();
        if (words.Count < 2) return null;
        var marked = words.Any(TokenPhrase.IsMarked);
        return new MatchQuery(TextLayout.Head + "." + (marked ? Sub : FoldedSub), string.Join(' ', words)) { Boost = Boost };
    }
}
