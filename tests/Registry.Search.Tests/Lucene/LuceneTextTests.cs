using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Analysis;

namespace Registry.Search.Tests.Lucene;

/// <summary>The pre-analysed text fields hold what the analyzers and Lucene's shingles would produce.</summary>
public sealed class LuceneTextTests
{
    private static readonly string[] Texts =
    [
        "Nghiên cứu giống lúa thuần chất lượng cao",
        "KH&CN, đổi mới — sáng tạo (ĐMST) 2024",
        "Hoà Bình thuỷ lợi",
        "một",
        "Ứng dụng công nghệ sinh học trong sản xuất giống cây trồng vật nuôi tại các huyện miền núi phía Tây",
        // A pasted run of letters longer than a token may be: cut into tokens of 255, as Lucene's tokenizer does.
        "mô tả " + new string('ằ', 600) + " giống lúa " + new string('x', 255) + "y",
    ];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var text in Texts)
        {
            data.Add(text);
            data.Add(text.Normalize(NormalizationForm.FormD));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Words_are_the_analyzers_original_and_folded_terms(string text)
    {
        using var analyzer = new VietnameseIndexAnalyzer();
        var words = LuceneText.Words.Of(text);
        Assert.Equal(NormalizationTests.Terms(analyzer, "title", text), words.Original);
        Assert.Equal(NormalizationTests.Terms(analyzer, "title_f", text), words.Folded);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Indexed_words_and_pairs_match_the_analysis_and_lucene_shingles(string text)
    {
        using var analyzer = new VietnameseIndexAnalyzer();
        using var reader = IndexOne(doc => LuceneText.Add(doc, FieldPool.ForNewDocument(), text, TextPart.Head));
        var original = NormalizationTests.Terms(analyzer, "title", text);
        var folded = NormalizationTests.Terms(analyzer, "title_f", text);

        // Every matching field holds both forms of each word (and of each pair), so the typed form decides.
        var words = original.Concat(folded).Distinct().Order(StringComparer.Ordinal);
        var pairs = Shingles(analyzer, "title", text).Concat(Shingles(analyzer, "title_f", text)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(words, IndexedTerms(reader, LuceneText.All));
        Assert.Equal(words, IndexedTerms(reader, LuceneText.Head));
        Assert.Equal(pairs, IndexedTerms(reader, LuceneText.AllPairs));
        Assert.Equal(pairs, IndexedTerms(reader, LuceneText.HeadPairs));
    }

    [Fact]
    public void Words_side_by_side_never_span_two_texts_of_a_task_and_no_positions_are_written()
    {
        using var reader = IndexOne(doc =>
        {
            var pool = FieldPool.ForNewDocument();
            LuceneText.Add(doc, pool, "Giống lúa mới", TextPart.Head);
            LuceneText.Add(doc, pool, "chất lượng cao", TextPart.Head);
        });
        var searcher = new IndexSearcher(reader);
        Assert.Equal(1, searcher.Search(new TermQuery(new Term(LuceneText.AllPairs, "lua moi")), 1).TotalHits);
        Assert.Equal(1, searcher.Search(new TermQuery(new Term(LuceneText.AllPairs, "lúa mới")), 1).TotalHits);
        Assert.Equal(0, searcher.Search(new TermQuery(new Term(LuceneText.AllPairs, "moi chat")), 1).TotalHits);
        Assert.Equal(1, searcher.Search(new TermQuery(new Term(LuceneText.AllPairs, "chat luong")), 1).TotalHits);
        // Every text field is matched term by term: positions, with both forms of every word, would double the index.
        var fields = MultiFields.GetMergedFieldInfos(reader);
        Assert.All(new[] { LuceneText.All, LuceneText.Head, LuceneText.AllPairs, LuceneText.HeadPairs },
            name => Assert.Equal(IndexOptions.DOCS_AND_FREQS, fields.FieldInfo(name)!.IndexOptions));
    }

    private static DirectoryReader IndexOne(Action<Document> build)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new VietnameseIndexAnalyzer())))
        {
            var doc = new Document();
            build(doc);
            writer.AddDocument(doc);
        }
        return DirectoryReader.Open(directory);
    }

    private static List<string> IndexedTerms(IndexReader reader, string field)
    {
        var terms = new List<string>();
        if (MultiFields.GetTerms(reader, field) is not { } all) return terms;
        var e = all.GetEnumerator();
        while (e.MoveNext()) terms.Add(e.Term.Utf8ToString());
        return terms.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Two-word shingles of the analysis of <paramref name="field"/>, by Lucene's own filter.</summary>
    private static List<string> Shingles(Analyzer analyzer, string field, string text)
    {
        var shingles = new ShingleFilter(analyzer.GetTokenStream(field, text), 2, 2);
        shingles.SetOutputUnigrams(false);
        using var stream = shingles;
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var result = new List<string>();
        while (stream.IncrementToken()) result.Add(term.ToString());
        stream.End();
        return result;
    }
}
