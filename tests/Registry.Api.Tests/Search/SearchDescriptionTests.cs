using Registry.Api.Feeds.Syndication;
using Registry.Api.Search;
using Registry.Api.Web.Localization;
using Registry.Search.Model;

namespace Registry.Api.Tests.Search;

/// <summary>Feed and embed titles say the search in words, in Vietnamese (and English on request), never as a query string.</summary>
public sealed class SearchDescriptionTests
{
    private static SearchRequest Search(string? q, params (string, string)[] filters) =>
        new() { Query = q, Filters = SearchFilterSet.Of(filters) };

    [Fact]
    public void A_feed_title_names_the_field_the_level_and_the_years_in_words()
    {
        var request = Search("chè", ("field", "401"), ("level", "provincial"), ("yearFrom", "2020"), ("yearTo", "2024"));
        Assert.Equal("Nhiệm vụ KH&CN tỉnh Phú Thọ — “chè” · Lĩnh vực: Trồng trọt · Cấp quản lý: Cấp tỉnh · Năm bắt đầu 2020–2024",
            FeedHandlers.Title(request, _ => null));
        Assert.Equal("“chè” · Field of science: Crop science · Level: Provincial · Start year 2020–2024",
            SearchDescription.Of(request, WebLanguage.En));
    }

    [Fact]
    public void A_search_of_everything_is_the_catalogue_s_name_alone() =>
        Assert.Equal(FeedHandlers.CatalogueTitle, FeedHandlers.Title(Search(null), _ => null));

    [Theory]
    [InlineData("yearFrom", "2020", "Năm bắt đầu từ 2020", "Start year from 2020")]
    [InlineData("yearTo", "2025", "Năm bắt đầu đến 2025", "Start year up to 2025")]
    [InlineData("budgetMin", "1000000000", "Tổng kinh phí từ 1.000.000.000 đồng", "Total budget from VND 1,000,000,000")]
    [InlineData("transferable", "true", "Có kết quả chuyển giao được", "With transferable results")]
    [InlineData("transferable", "false", "Không có kết quả chuyển giao được", "Without transferable results")]
    [InlineData("updatedSince", "2025-10-01T00:00:00Z", "Cập nhật từ 01/10/2025", "Updated since 2025-10-01")]
    [InlineData("status", "accepted,applied", "Tình trạng: Đã nghiệm thu hoặc Đã ứng dụng", "Status: Accepted or Applied")]
    public void Each_filter_reads_as_a_phrase(string name, string value, string vi, string en)
    {
        var request = Search(null, (name, value));
        Assert.Equal(vi, SearchDescription.Of(request, WebLanguage.Vi));
        Assert.Equal(en, SearchDescription.Of(request, WebLanguage.En));
    }

    [Fact]
    public void Every_declared_filter_has_words_and_none_reads_as_a_query_string()
    {
        foreach (var filter in SearchFilters.All)
        {
            var value = filter.AllowedValues?.First() ?? filter.Example;
            foreach (var language in new[] { WebLanguage.Vi, WebLanguage.En })
            {
                var text = SearchDescription.Of(Search(null, (filter.Name, value)), language, id => "Trường Đại học Hùng Vương");
                Assert.False(string.IsNullOrWhiteSpace(text), filter.Name);
                Assert.DoesNotContain("=", text);
                Assert.DoesNotContain("&", text);
                Assert.DoesNotMatch($"(^|· ){filter.Name}:", text);
            }
        }
    }

    [Fact]
    public void An_organization_is_named_when_known_and_shown_by_its_id_otherwise()
    {
        var request = Search(null, ("organization", "org_1"), ("organization", "org_2"));
        Assert.Equal("Tổ chức chủ trì: Trường Đại học Hùng Vương hoặc org_2",
            SearchDescription.Of(request, WebLanguage.Vi, id => id == "org_1" ? "Trường Đại học Hùng Vương" : null));
    }

    [Fact]
    public void A_five_digit_field_is_named_by_the_nearest_entry_of_the_classification() =>
        Assert.Equal("Lĩnh vực: Trồng trọt", SearchDescription.Of(Search(null, ("field", "40199")), WebLanguage.Vi));
}
