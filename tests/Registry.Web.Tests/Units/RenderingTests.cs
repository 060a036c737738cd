using Registry.Api.Web.Localization;
using Registry.Api.Web.Pages;
using Registry.Api.Web.Rendering;

namespace Registry.Web.Tests.Units;

public sealed class RenderingTests
{
    [Fact]
    public void Interpolated_text_is_encoded_and_markup_is_kept()
    {
        var user = "<script>alert(\"x\")</script> & 'hoà'";
        var html = Html.Of($"<p title=\"{user}\">{user}{Html.Of($"<b>{"đậm"}</b>")}</p>");
        Assert.Equal("<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;hoà&#39;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;hoà&#39;<b>đậm</b></p>", html.Value);
    }

    [Theory]
    [InlineData("Nhân giống <mark>chè</mark> &amp; lúa", "Nhân giống <mark>chè</mark> &amp; lúa")]
    [InlineData("<mark>chè</mark><script>alert(1)</script>", "<mark>chè</mark>&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("&lt;b&gt; <MARK>x</MARK> <img src=x onerror=y>", "&lt;b&gt; <mark>x</mark> &lt;img src=x onerror=y&gt;")]
    [InlineData("<mark>unclosed", "<mark>unclosed</mark>")]
    public void Highlights_keep_only_mark_tags(string snippet, string expected) =>
        Assert.Equal(expected, Html.Highlight(snippet).Value);

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<b>x</b>", null)]
    [InlineData("/relative", null)]
    [InlineData("https://doi.org/10.1000/xyz", "https://doi.org/10.1000/xyz")]
    public void Only_http_addresses_become_links(string url, string? expected) => Assert.Equal(expected, TaskSections.SafeUrl(url));

    [Theory]
    [InlineData(WebLanguage.Vi, 1_250_000_000, "1.250.000.000 ₫", "1,25 tỷ đồng")]
    [InlineData(WebLanguage.En, 1_250_000_000, "VND 1,250,000,000", "VND 1.25 billion")]
    [InlineData(WebLanguage.Vi, 850_000_000, "850.000.000 ₫", "850 triệu đồng")]
    [InlineData(WebLanguage.En, 2_500_000_000_000, "VND 2,500,000,000,000", "VND 2.5 trillion")]
    public void Vnd_amounts_are_written_as_each_language_writes_them(WebLanguage language, long amount, string full, string compact)
    {
        var format = new WebFormat(language);
        Assert.Equal(full, format.Vnd(amount));
        Assert.Equal(compact, format.VndShort(amount));
    }

    [Fact]
    public void Dates_and_shares_follow_the_language()
    {
        Assert.Equal("05/03/2024", new WebFormat(WebLanguage.Vi).Date(new DateOnly(2024, 3, 5)));
        Assert.Equal("5 Mar 2024", new WebFormat(WebLanguage.En).Date(new DateOnly(2024, 3, 5)));
        Assert.Equal("85,3 %", new WebFormat(WebLanguage.Vi).Percent(0.8526));
        Assert.Equal("85.3%", new WebFormat(WebLanguage.En).Percent(0.8526));
    }

    [Theory]
    [InlineData(null, WebLanguage.Vi)]
    [InlineData("en", WebLanguage.En)]
    [InlineData("en-GB,en;q=0.9", WebLanguage.En)]
    [InlineData("fr, en;q=0.4, vi;q=0.6", WebLanguage.Vi)]
    [InlineData("fr, vi;q=0, en;q=0.2", WebLanguage.En)]
    [InlineData("ja", WebLanguage.Vi)]
    [InlineData("garbage;;q=x", WebLanguage.Vi)]
    public void Accept_language_picks_the_best_of_vietnamese_and_english(string? header, WebLanguage expected) =>
        Assert.Equal(expected, LanguageSelection.FromAcceptLanguage(header));

    [Fact]
    public void Every_interface_string_exists_in_both_languages()
    {
        var strings = typeof(T).GetFields().Where(f => f.FieldType == typeof(UiString)).Select(f => (f.Name, Value: (UiString)f.GetValue(null)!)).ToList();
        Assert.True(strings.Count > 50);
        Assert.All(strings, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Value.Vi), s.Name);
            Assert.False(string.IsNullOrWhiteSpace(s.Value.En), s.Name);
        });
    }
}
