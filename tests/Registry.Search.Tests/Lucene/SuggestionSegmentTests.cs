using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Registry.Search.Lucene;
using Registry.Search.Model;

namespace Registry.Search.Tests.Lucene;

/// <summary>
/// The per-segment phrase structure behind suggestions and the merge over segments, on hand-made indexes whose
/// segments and deletions are under the test's control (no merging).
/// </summary>
public sealed class SuggestionSegmentTests : IDisposable
{
    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private int nextId;

    public SuggestionSegmentTests() =>
        writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new VietnameseIndexAnalyzer())
        {
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });

    public void Dispose()
    {
        writer.Dispose();
        directory.Dispose();
    }

    [Fact]
    public void A_prefix_is_the_contiguous_range_of_keys_starting_with_it()
    {
        Segment(("chuyen", "chuyển", 1), ("chuyen doi so", "chuyển đổi số", 1), ("chuyen dong", "chuyển động", 1),
            ("chuyen giao", "chuyển giao", 1), ("doi so", "chuyển đổi số", 1), ("a", "a", 1));
        var segment = Single();

        Assert.Equal(["chuyen doi so", "chuyen dong"], Keys(segment, "chuyen d"));
        Assert.Equal(["chuyen", "chuyen doi so", "chuyen dong", "chuyen giao"], Keys(segment, "chuyen"));
        Assert.Empty(Keys(segment, "chuyen x"));
        Assert.Empty(Keys(segment, "zzz"));
        Assert.Equal(segment.Range(Bytes("b")).Lo, segment.Range(Bytes("b")).Hi);
    }

    [Fact]
    public void Best_yields_by_count_then_phrase_start_then_shorter_then_ordinal()
    {
        // Among them a later word start of "Công nghệ nông nghiệp" (2 tasks) against the start of a longer phrase.
        Segment(("nong nghiep", "nông nghiệp", 3), ("nong nghiep cong nghe cao", "Nông nghiệp công nghệ cao", 5),
            ("nong thon moi", "nông thôn mới", 5), ("nong san", "nông sản", 3), ("nong dan", "nông dân", 1),
            ("cong nghe nong nghiep", "Công nghệ nông nghiệp", 2), ("nong nghiep", "Công nghệ nông nghiệp", 2),
            ("nong nghiep huu co ben vung", "nông nghiệp hữu cơ bền vững", 2));
        var best = Single().Best(Bytes("nong")).Select(t => (t.Display, t.DocFreq)).ToList();

        Assert.Equal([("nông thôn mới", 5), ("Nông nghiệp công nghệ cao", 5), ("nông sản", 3), ("nông nghiệp", 3),
            ("nông nghiệp hữu cơ bền vững", 2), ("Công nghệ nông nghiệp", 2), ("nông dân", 1)], best);
    }

    [Fact]
    public void Best_is_lazy_and_the_top_of_a_large_range_comes_first()
    {
        var phrases = Enumerable.Range(0, 500).Select(i => ($"p {i:000}", $"P{i:000}", 1 + i % 37)).ToArray();
        Segment(phrases);
        var top = Single().Best(Bytes("p ")).Take(5).Select(t => (t.Display, t.DocFreq)).ToList();
        var expected = phrases.OrderByDescending(p => p.Item3).ThenBy(p => p.Item2, StringComparer.Ordinal).Take(5)
            .Select(p => (p.Item2, p.Item3)).ToList();
        Assert.Equal(expected, top);
    }

    [Fact]
    public void Suggestions_merge_a_phrase_over_segments_and_never_exceed_ten()
    {
        Segment(("kinh te", "kinh tế", 2), ("khoa hoc", "khoa học", 1));
        Segment(("kinh te", "Kinh tế", 3), ("khoa hoc", "khoa học", 1));
        Segment(Enumerable.Range(0, 20).Select(i => ($"khu {i:00}", $"khu {i:00}", 1)).ToArray());

        var found = Find("k", 50);
        Assert.Equal(10, found.Count);
        // Counts add over segments; the most used spelling is shown.
        Assert.Equal(new Suggestion("Kinh tế", "keyword", 5), found[0]);
        Assert.Equal(new Suggestion("khoa học", "keyword", 2), found[1]);
        Assert.Equal(["khu 00", "khu 01"], found.Skip(2).Take(2).Select(s => s.Text));
        Assert.Empty(Find("zz", 10));
        Assert.Empty(Find("k", 0));
    }

    [Fact]
    public void Deleted_tasks_no_longer_count_and_a_fully_deleted_phrase_disappears()
    {
        Segment(("thuy loi", "thủy lợi", 3), ("thuy san", "thủy sản", 2), ("thuy van", "thủy văn", 1));
        foreach (var id in new[] { "t2", "t4", "t5" }) writer.DeleteDocuments(new Term(SearchFields.Id, id));
        writer.Commit();

        Assert.Equal([new Suggestion("thủy lợi", "keyword", 2), new Suggestion("thủy văn", "keyword", 1)], Find("thuy", 10));
    }

    [Fact]
    public void Malformed_terms_are_passed_over_and_one_display_from_two_sources_merges()
    {
        foreach (var raw in new[] { "ho tro", "ho tro\u001Fhỗ trợ", "ho tro\u001Fa\u001Fb\u001Fc" })
            writer.AddDocument(new Document { new StringField(SearchFields.Suggest, raw, Field.Store.NO) });
        writer.AddDocument(new Document
        {
            new StringField(SearchFields.Suggest, Suggestions.Term("ho tro ky thuat", "Hỗ trợ kỹ thuật", "organization"), Field.Store.NO),
        });
        Segment(("ho tro ky thuat", "hỗ trợ kỹ thuật", 2));

        Assert.Equal([new Suggestion("hỗ trợ kỹ thuật", "keyword", 3)], Find("ho tro", 10));
        Assert.Equal(2, Single().Best(Bytes("ho tro")).Count());
    }

    [Fact]
    public void A_reopened_reader_sharing_the_segment_sees_later_deletions()
    {
        Segment(("thuy loi", "thủy lợi", 3), ("thuy san", "thủy sản", 2));
        using var first = DirectoryReader.Open(directory);
        writer.DeleteDocuments(new Term(SearchFields.Id, "t1"));
        writer.Commit();
        Assert.Equal([new Suggestion("thủy lợi", "keyword", 3), new Suggestion("thủy sản", "keyword", 2)], Suggestions.Find(first, "thuy", 10));

        using var second = DirectoryReader.OpenIfChanged(first)!;
        Assert.Same(first.Leaves[0].AtomicReader.CoreCacheKey, second.Leaves[0].AtomicReader.CoreCacheKey);
        Assert.Equal([new Suggestion("thủy lợi", "keyword", 2), new Suggestion("thủy sản", "keyword", 2)], Suggestions.Find(second, "thuy", 10));
        writer.DeleteDocuments(new Term(SearchFields.Id, "t2"));
        writer.Commit();
        using var third = DirectoryReader.OpenIfChanged(second)!;
        Assert.Equal([new Suggestion("thủy sản", "keyword", 2), new Suggestion("thủy lợi", "keyword", 1)], Suggestions.Find(third, "thuy", 10));
    }

    [Fact]
    public void Titles_complete_from_their_start_after_more_used_phrases_and_merge_with_a_phrase_spelled_alike()
    {
        Segment(("giong lua", "giống lúa", 2));
        Title("giong lua chiu han", "Giống lúa chịu hạn");
        Title("giong lua", "Giống lúa");
        writer.Commit();

        Assert.Equal([new Suggestion("giống lúa", "keyword", 3), new Suggestion("Giống lúa chịu hạn", "title", 1)], Find("giong l", 10));
        Assert.Empty(Find("chiu han", 10));
    }

    private List<Suggestion> Find(string prefix, int max)
    {
        using var reader = DirectoryReader.Open(directory);
        return Suggestions.Find(reader, prefix, max).ToList();
    }

    /// <summary>One committed segment: each phrase (key, display, count) is carried by count new tasks.</summary>
    private void Segment(params (string Key, string Display, int Count)[] phrases)
    {
        foreach (var (key, display, count) in phrases)
            for (var i = 0; i < count; i++)
                writer.AddDocument(new Document
                {
                    new StringField(SearchFields.Id, "t" + ++nextId, Field.Store.NO),
                    new StringField(SearchFields.Suggest, Suggestions.Term(key, display, "keyword"), Field.Store.NO),
                });
        writer.Commit();
    }

    private void Title(string key, string display) => writer.AddDocument(new Document
    {
        new StringField(SearchFields.Id, "t" + ++nextId, Field.Store.NO),
        new StringField(SearchFields.SuggestTitle, Suggestions.Term(key, display, "title"), Field.Store.NO),
    });

    private SuggestionSegment Single()
    {
        writer.Commit();
        using var reader = DirectoryReader.Open(directory);
        var terms = Assert.Single(reader.Leaves).AtomicReader.GetTerms(SearchFields.Suggest)!;
        return SuggestionSegment.Build(terms.GetEnumerator());
    }

    private static List<string> Keys(SuggestionSegment segment, string prefix) =>
        segment.Best(Bytes(prefix)).OrderBy(t => t.Ordinal).Select(t => t.Key).ToList();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
