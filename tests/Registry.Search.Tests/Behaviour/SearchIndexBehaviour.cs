using System.Text;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Behaviour;

/// <summary>
/// What a user of the search box notices, written once over <see cref="ISearchIndex"/> so every engine runs
/// the same suite (Lucene here; Elasticsearch when <c>REGISTRY_TEST_ELASTICSEARCH</c> points at a cluster).
/// Read-only tests share an index seeded with <see cref="SeededCorpus"/>; writing tests get an empty one.
/// </summary>
public abstract partial class SearchIndexBehaviour
{
    /// <summary>An index holding exactly <see cref="SeededCorpus.Records"/>.</summary>
    protected abstract ISearchIndex Seeded { get; }

    /// <summary>A new, empty index owned by the calling test.</summary>
    protected abstract Task<ISearchIndex> CreateEmptyAsync();

    protected Task<SearchResult> Search(string? query, int pageSize = 20, SearchFilterSet? filters = null, bool highlight = false) =>
        Seeded.SearchAsync(new SearchRequest { Query = query, PageSize = pageSize, Filters = filters ?? SearchFilterSet.Empty, Highlight = highlight });

    protected static List<string> Keys(SearchResult result) => result.Hits.Select(h => SeededCorpus.KeyOf(h.Id)).ToList();

    [Fact]
    public async Task Typing_without_diacritics_finds_the_titles_with_them()
    {
        var keys = Keys(await Search("chuyen doi so", 6));
        Assert.Equal(["CDS", "CDSDN", "CDSNN"], keys.Take(6).Distinct().Take(3).Order());
    }

    [Fact]
    public async Task Nfd_input_gives_the_same_results_as_nfc()
    {
        var nfc = await Search("đánh giá đa dạng sinh học");
        var nfd = await Search("đánh giá đa dạng sinh học".Normalize(NormalizationForm.FormD));
        Assert.Equal(nfc.Hits.Select(h => h.Id), nfd.Hits.Select(h => h.Id));
        Assert.Equal("DANGSH", Keys(nfd)[0]);
    }

    [Fact]
    public async Task Old_and_new_tone_placement_meet()
    {
        var oldStyle = await Search("hoà bình");
        var newStyle = await Search("hòa bình");
        Assert.Equal(oldStyle.Hits.Select(h => h.Id), newStyle.Hits.Select(h => h.Id));
        // The Mường heritage title is written "Hoà Bình", the irrigation one "Hòa Bình": both are found.
        Assert.Contains("HOAMUONG", Keys(newStyle).Take(4));
        Assert.Contains("HOAHO", Keys(newStyle).Take(4));
        Assert.Contains("THUYSAN", Keys(await Search("thủy sản")).Take(2));
    }

    [Fact]
    public async Task D_bar_folds_to_d() =>
        Assert.Equal("DANGSH", Keys(await Search("danh gia da dang sinh hoc"))[0]);

    [Fact]
    public async Task Telex_residue_is_understood()
    {
        Assert.Equal(Keys(await Search("chuyển đổi số", 3)), Keys(await Search("chuyeenr ddooir soos", 3)));
        Assert.Equal("TIENGVIET", Keys(await Search("tieengs vieejt"))[0]);
        Assert.Equal("NGUOIDAN", Keys(await Search("ddowif soongs nguwowif daan"))[0]);
    }

    [Theory]
    [InlineData("CĐS", "CDS")]
    [InlineData("cds", "CDS")]
    [InlineData("ATTT", "ATTT")]
    [InlineData("KH&CN", "KHCN")]
    [InlineData("ĐMST", "DMST")]
    [InlineData("NSNN", "NSNN")]
    [InlineData("SXTN phân bón", "SXTNPB")]
    [InlineData("CNTT bệnh viện", "CNTTBV")]
    public async Task Abbreviations_find_the_spelled_out_titles(string query, string expectedKey) =>
        Assert.Contains(expectedKey, Keys(await Search(query)).Take(3));

    [Fact]
    public async Task AI_and_its_spelled_out_form_find_each_other()
    {
        Assert.Contains("AIYTE", Keys(await Search("AI")).Take(4));
        Assert.Contains("AIGT", Keys(await Search("trí tuệ nhân tạo")).Take(4));
    }

    [Fact]
    public async Task Adjacent_syllables_outrank_scattered_ones()
    {
        var keys = Keys(await Search("chuyển đổi số", 50));
        var scattered = keys.IndexOf("SCAT");
        Assert.True(scattered < 0 || scattered > keys.LastIndexOf("CDSNN"), string.Join(",", keys));
        Assert.True(keys.LastIndexOf("CDS") < 6);
    }

    [Fact]
    public async Task Diacritics_in_the_query_rank_exact_words_first_while_bare_letters_find_both()
    {
        var silk = Keys(await Search("lụa", 10));
        var firstRice = silk.FindIndex(k => k.StartsWith("LUA", StringComparison.Ordinal) && k is not ("LUASILK" or "LUADAU"));
        var lastSilk = silk.FindLastIndex(k => k is "LUASILK" or "LUADAU");
        Assert.Equal(3, lastSilk);
        Assert.True(firstRice < 0 || firstRice > lastSilk);
        var bare = Keys(await Search("lua", 30));
        Assert.Contains("LUASILK", bare);
        Assert.Contains("LUAHAN", bare);
    }

    [Fact]
    public async Task A_task_code_goes_straight_to_the_task() =>
        Assert.Equal("t-che-2", (await Search("ĐT-CHE-2")).Hits[0].Id);

    [Fact]
    public async Task A_minus_excludes_and_quotes_require_the_phrase()
    {
        var keys = Keys(await Search("lúa -nếp", 50));
        Assert.Contains("LUAHAN", keys);
        Assert.DoesNotContain("LUANEP", keys);
        var phrase = Keys(await Search("\"đổi mới sáng tạo\"", 50));
        Assert.Contains("DMST", phrase);
        Assert.DoesNotContain("SCAT", phrase);
    }

    [Fact]
    public async Task One_typo_in_a_long_word_is_forgiven()
    {
        Assert.Equal("BLOCKCHAIN", Keys(await Search("blokchain"))[0]);
        Assert.Equal("BIOGAS", Keys(await Search("biogass"))[0]);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:(")]
    [InlineData("AND")]
    [InlineData("OR NOT")]
    [InlineData("a \\ b \\\\")]
    [InlineData("*:* [x TO y] {} ~~ ^^ ?? !!")]
    [InlineData("- -- \"\" \" -\"")]
    [InlineData("\u0000\u0301")]
    public async Task Bad_syntax_is_searched_as_text_and_never_throws(string query)
    {
        var result = await Search(query);
        Assert.NotNull(result);
        Assert.True(result.Total >= 0);
    }

    [Fact]
    public async Task A_very_long_query_is_answered()
    {
        var result = await Search(string.Join(' ', Enumerable.Repeat("chuyển đổi số nông nghiệp", 200)));
        Assert.NotEmpty(result.Hits);
    }
}
