using System.Text.RegularExpressions;
using Registry.Data.Reference;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Server;

/// <summary>Facets on the results page as multi-select toggles over plain HTTP.</summary>
[Collection(WebCollection.Name)]
public sealed partial class FacetPageTests(WebHostFixture host)
{
    /// <summary>A facet value as rendered: where it leads, whether it is selected, its count.</summary>
    private sealed record Toggle(string Href, bool Selected, int Count);

    /// <summary>The toggles of one facet block (by its Vietnamese title), keyed by label.</summary>
    private async Task<Dictionary<string, Toggle>> FacetAsync(string url, string title)
    {
        var html = await host.Http().GetStringAsync(url);
        var block = Regex.Match(html, $"<summary>{Regex.Escape(title)}</summary>\\s*<ul class=\"plain toggles\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(block.Success, $"no '{title}' facet on {url}");
        return ToggleItem().Matches(block.Groups[1].Value).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups[3].Value),
            m => new Toggle(WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Success, int.Parse(m.Groups[4].Value)));
    }

    private static string Field(string code) => FieldsOfScience.Find(code)!.NameVi;

    private static int ResultCount(string html) => ResultItem().Matches(html).Count;

    [Fact]
    public async Task A_selected_field_keeps_its_siblings_listed_and_a_sibling_adds_to_the_filter()
    {
        var fields = await FacetAsync("/tasks?field=4", "Lĩnh vực");
        Assert.Equal(4, fields.Count);
        var agriculture = fields[Field("4")];
        Assert.True(agriculture.Selected);
        Assert.Equal("/tasks", agriculture.Href);
        var natural = fields[Field("1")];
        Assert.False(natural.Selected);
        Assert.Equal(2, natural.Count);
        Assert.Equal("/tasks?field=4,1", Uri.UnescapeDataString(natural.Href));

        var html = await host.Http().GetStringAsync(natural.Href);
        Assert.Equal(4, ResultCount(html));
        var both = await FacetAsync(natural.Href, "Lĩnh vực");
        Assert.True(both[Field("4")].Selected && both[Field("1")].Selected);
        Assert.Equal("/tasks?field=1", Uri.UnescapeDataString(both[Field("4")].Href));
    }

    [Fact]
    public async Task A_sector_under_the_selected_field_narrows_to_it()
    {
        var sectors = await FacetAsync("/tasks?field=4", "Ngành");
        Assert.Equal("/tasks?field=401", Uri.UnescapeDataString(sectors[Field("401")].Href));
        Assert.Equal("/tasks?field=4,102", Uri.UnescapeDataString(sectors[Field("102")].Href));
    }

    [Fact]
    public async Task Year_toggles_stretch_and_shrink_the_start_year_range()
    {
        var years = await FacetAsync("/tasks?yearFrom=2023&yearTo=2023", "Năm bắt đầu");
        Assert.Equal(["2025", "2024", "2023", "2022"], years.Keys);
        Assert.Equal([false, false, true, false], years.Values.Select(t => t.Selected));
        Assert.Equal(3, years["2024"].Count);
        Assert.Equal("/tasks?yearFrom=2023&yearTo=2024", years["2024"].Href);
        Assert.Equal("/tasks", years["2023"].Href);

        var range = await FacetAsync("/tasks?yearFrom=2022&yearTo=2024", "Năm bắt đầu");
        Assert.Equal([false, true, true, true], range.Values.Select(t => t.Selected));
        Assert.Equal("/tasks?yearFrom=2023&yearTo=2024", range["2022"].Href);
        Assert.Equal("/tasks?yearFrom=2023&yearTo=2023", range["2023"].Href);
    }

    [Fact]
    public async Task Facet_links_drop_the_cursor_and_keep_text_sort_and_page_size()
    {
        var first = await host.Http().GetStringAsync("/tasks?q=phu+tho&level=provincial&sort=-budget&pageSize=2");
        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
        Assert.Contains("cursor=", next);
        var levels = await FacetAsync(next, "Cấp quản lý");
        var provincial = Assert.Single(levels).Value;
        Assert.True(provincial.Selected);
        Assert.DoesNotContain("cursor=", provincial.Href);
        Assert.Equal("/tasks?q=phu tho&sort=-budget&pageSize=2", Uri.UnescapeDataString(provincial.Href));
        var fields = await FacetAsync(next, "Lĩnh vực");
        Assert.All(fields.Values, t => Assert.DoesNotContain("cursor=", t.Href));
    }

    [Fact]
    public async Task The_english_page_labels_the_same_toggles_in_english()
    {
        var html = WebUtility.HtmlDecode(await host.Http().GetStringAsync("/tasks?field=4&lang=en"));
        Assert.Contains("aria-current=\"true\"><span class=\"box\" aria-hidden=\"true\">☑</span> " + FieldsOfScience.Find("4")!.NameEn + "</a>", html);
        Assert.Contains("<span class=\"box\" aria-hidden=\"true\">☐</span> " + FieldsOfScience.Find("1")!.NameEn + "</a>", html);
    }

    [GeneratedRegex("""<li><a href="([^"]+)" class="toggle"( aria-current="true")?><span class="box" aria-hidden="true">.</span> ([^<]+)</a> <span class="count">\((\d+)\)</span></li>""")]
    private static partial Regex ToggleItem();

    [GeneratedRegex("""<h2 lang="vi"><a href="/tasks/""")]
    private static partial Regex ResultItem();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">Trang sau")]
    private static partial Regex NextLink();
}
