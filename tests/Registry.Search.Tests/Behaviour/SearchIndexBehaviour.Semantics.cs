using Registry.Data.Records;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Behaviour;

/// <summary>
/// The query semantics of docs/search.md ("Query semantics"), on small catalogues written for each rule: tone marks
/// decide when typed, concepts degrade gracefully, words typed together match as units, names and places are
/// searched, and an empty answer is relaxed and says so.
/// </summary>
public abstract partial class SearchIndexBehaviour
{
    private static TaskRecord Task(string id, string title, string? summary = null, string? host = null, string? province = null) =>
        SeededCorpus.Records[0] with
        {
            Id = id,
            Code = id.ToUpperInvariant(),
            Title = title,
            Summary = summary ?? "",
            Keywords = [],
            Objectives = null,
            HostOrganization = new OrganizationRef { Name = host ?? "Trung tâm Ứng dụng tiến bộ khoa học", Province = province },
        };

    private async Task<ISearchIndex> Catalogue(params TaskRecord[] records)
    {
        var index = await CreateEmptyAsync();
        await index.UpsertAsync(records);
        return index;
    }

    private static async Task<List<string>> Ids(ISearchIndex index, string query) =>
        (await index.SearchAsync(new SearchRequest { Query = query, PageSize = 50 })).Hits.Select(h => h.Id).ToList();

    [Fact]
    public async Task A_word_typed_with_marks_matches_only_that_spelling_and_without_marks_every_spelling()
    {
        var index = await Catalogue(
            Task("nam-1", "Nuôi trồng nấm linh chi trên giá thể mùn cưa"),
            Task("nam-2", "Kế hoạch 5 năm phát triển giống cây trồng", summary: "Giai đoạn năm 2021 đến năm 2025."),
            Task("nam-3", "Khảo sát vùng trồng nấm rơm", summary: "Thực hiện trong năm 2024."));
        Assert.Equal(["nam-1", "nam-3"], (await Ids(index, "nấm")).Order());
        Assert.Equal(["nam-2", "nam-3"], (await Ids(index, "năm")).Order());
        Assert.Equal(3, (await index.SearchAsync(new SearchRequest { Query = "nam" })).Total);
        // A query can mix both: "nấm" exact, "trong" any spelling.
        Assert.Equal(["nam-1", "nam-3"], (await Ids(index, "nấm trong")).Order());
    }

    [Fact]
    public async Task Synonyms_apply_to_exact_spellings_so_tra_never_reaches_dieu_tra()
    {
        var index = await Catalogue(
            Task("tra-1", "Phát triển vùng chè Shan tuyết"),
            Task("tra-2", "Điều tra hiện trạng rừng ngập mặn"));
        Assert.Equal(["tra-1"], await Ids(index, "trà"));
        Assert.DoesNotContain("tra-2", await Ids(index, "chè"));
    }

    [Fact]
    public async Task Syllables_typed_together_outrank_the_same_syllables_scattered()
    {
        var index = await Catalogue(
            Task("cnsh-1", "Ứng dụng công nghệ trong đào tạo sinh viên và học tập suốt đời"),
            Task("cnsh-2", "Ứng dụng công nghệ sinh học trong nhân giống cây trồng"),
            Task("cnsh-3", "Phòng thí nghiệm công nghệ sinh học thực vật"),
            Task("cnsh-4", "Đào tạo nhân lực công nghệ thông tin"));
        var ids = await Ids(index, "công nghệ sinh học");
        Assert.Equal(["cnsh-2", "cnsh-3"], ids.Take(2).Order());
    }

    [Fact]
    public async Task A_task_missing_a_common_word_of_the_query_is_still_found_below_those_with_every_word()
    {
        var common = Enumerable.Range(1, 12).Select(i => Task($"nguoi-{i}", $"Đời sống người dân vùng {i} ven biển")).ToList();
        var index = await Catalogue([
            .. common,
            Task("tay-1", "Gia đình của người Tày ở Lạng Sơn"),
            Task("tay-2", "Nhà sàn của dân tộc Tày ở Cao Bằng"),
        ]);
        var result = await index.SearchAsync(new SearchRequest { Query = "người Tày", PageSize = 50 });
        Assert.Equal(["tay-1", "tay-2"], result.Hits.Take(2).Select(h => h.Id));
        Assert.Equal(2, result.Total);
        Assert.False(result.Relaxed);
    }

    [Fact]
    public async Task Host_organisations_and_provinces_are_searched()
    {
        var index = await Catalogue(
            Task("org-1", "Nuôi tôm thẻ chân trắng trong ao lót bạt", host: "Viện Nghiên cứu Nuôi trồng thủy sản II", province: "Bạc Liêu"),
            Task("org-2", "Nuôi cá rô phi trong lồng", province: "Hải Dương"));
        Assert.Equal(["org-1"], await Ids(index, "Bạc Liêu"));
        Assert.Equal(["org-1"], await Ids(index, "bac lieu tom"));
        Assert.Equal(["org-1"], await Ids(index, "Viện Nghiên cứu Nuôi trồng thủy sản II"));
    }

    [Fact]
    public async Task When_nothing_holds_every_concept_the_search_relaxes_and_says_so()
    {
        var index = await Catalogue(
            Task("rel-1", "Chọn tạo giống lúa chịu mặn cho đồng bằng sông Cửu Long"),
            Task("rel-2", "Giống ngô lai năng suất cao"));
        var strict = await index.SearchAsync(new SearchRequest { Query = "giống lúa" });
        Assert.False(strict.Relaxed);
        var relaxed = await index.SearchAsync(new SearchRequest { Query = "giống lúa xylophone" });
        Assert.True(relaxed.Relaxed);
        Assert.Equal("rel-1", relaxed.Hits[0].Id);
        var none = await index.SearchAsync(new SearchRequest { Query = "xylophone" });
        Assert.Equal(0, none.Total);
        Assert.False(none.Relaxed);
    }

    [Fact]
    public async Task A_query_typed_without_marks_or_in_telex_is_offered_with_marks()
    {
        var index = await Catalogue(
            Task("sug-1", "Chuyển đổi số trong quản lý nhà nước"),
            Task("sug-2", "Đẩy mạnh chuyển đổi số doanh nghiệp nhỏ"));
        Assert.Equal("chuyển đổi số", (await index.SearchAsync(new SearchRequest { Query = "chuyen doi so" })).Suggestion);
        Assert.Equal("chuyển đổi số", (await index.SearchAsync(new SearchRequest { Query = "chuyeenr ddooir soos" })).Suggestion);
        Assert.Null((await index.SearchAsync(new SearchRequest { Query = "chuyển đổi số" })).Suggestion);
    }

    [Fact]
    public async Task Highlights_follow_the_typed_spelling()
    {
        var index = await Catalogue(Task("hl-1", "Trồng nấm trong năm 2024"));
        var hit = (await index.SearchAsync(new SearchRequest { Query = "nấm", Highlight = true })).Hits.Single();
        Assert.Equal("Trồng <mark>nấm</mark> trong năm 2024", hit.Highlights["title"].Single());
        var folded = (await index.SearchAsync(new SearchRequest { Query = "nam", Highlight = true })).Hits.Single();
        Assert.Equal("Trồng <mark>nấm</mark> trong <mark>năm</mark> 2024", folded.Highlights["title"].Single());
    }

    [Fact]
    public async Task A_query_of_every_broad_term_and_odd_words_answers_within_its_bounds()
    {
        var index = await Catalogue(
            Task("big-1", "Phát triển vùng trồng bưởi da xanh"),
            Task("big-2", "Nuôi tôm thẻ chân trắng trong ao lót bạt"));
        var broad = string.Join(' ', Enumerable.Repeat("trái cây nuôi trồng thủy sản CNTT dân tộc thiểu số ô nhiễm môi trường", 8));
        var result = await index.SearchAsync(new SearchRequest { Query = broad + " \"\" -- ~~ 𝕏 \u0301", PageSize = 5 });
        Assert.True(result.Total >= 1);
        var nothing = await index.SearchAsync(new SearchRequest { Query = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"zzq{i}")) });
        Assert.Equal(0, nothing.Total);
        Assert.False(nothing.Relaxed);
    }
}
