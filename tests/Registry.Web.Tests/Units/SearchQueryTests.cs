using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Web.Pages;

namespace Registry.Web.Tests.Units;

/// <summary>The links a facet toggle leads to, built from the page's address.</summary>
public sealed class SearchQueryTests
{
    private static SearchQuery Query(string address) => SearchQuery.From(new QueryCollection(QueryHelpers.ParseQuery(address)));

    private static string Decoded(string url) => Uri.UnescapeDataString(url);

    [Theory]
    [InlineData("?level=provincial", "level", "national", "/tasks?level=provincial,national")]
    [InlineData("?level=provincial,national", "level", "provincial", "/tasks?level=national")]
    [InlineData("?level=provincial&level=national", "level", "grassroots", "/tasks?level=provincial,national,grassroots")]
    [InlineData("?q=chè&status=accepted&cursor=abc", "level", "provincial", "/tasks?q=chè&status=accepted&level=provincial")]
    [InlineData("?field=4", "field", "401", "/tasks?field=401")]
    [InlineData("?field=401,1", "field", "4", "/tasks?field=1,4")]
    [InlineData("?field=4", "field", "1", "/tasks?field=4,1")]
    public void A_toggle_adds_a_value_to_its_filter_or_removes_it(string address, string name, string value, string expected) =>
        Assert.Equal(expected, Decoded(Query(address).Toggle(name, value)));

    [Theory]
    [InlineData("", 2023, "/tasks?yearFrom=2023&yearTo=2023")]
    [InlineData("?yearFrom=2023&yearTo=2023", 2023, "/tasks")]
    [InlineData("?yearFrom=2023&yearTo=2023", 2020, "/tasks?yearFrom=2020&yearTo=2023")]
    [InlineData("?yearFrom=2020&yearTo=2023", 2020, "/tasks?yearFrom=2021&yearTo=2023")]
    [InlineData("?yearFrom=2020&yearTo=2023", 2023, "/tasks?yearFrom=2020&yearTo=2022")]
    [InlineData("?yearFrom=2020&yearTo=2023", 2021, "/tasks?yearFrom=2021&yearTo=2021")]
    [InlineData("?yearFrom=2020", 2018, "/tasks?yearFrom=2018")]
    [InlineData("?yearTo=2020", 2024, "/tasks?yearTo=2024")]
    [InlineData("?yearFrom=2020&level=provincial&cursor=x", 2020, "/tasks?level=provincial&yearFrom=2021")]
    public void A_year_toggle_stretches_or_shrinks_the_range(string address, int year, string expected) =>
        Assert.Equal(expected, Decoded(Query(address).ToggleYear(year)));

    [Fact]
    public void Years_inside_the_range_read_as_selected()
    {
        var query = Query("?yearFrom=2020&yearTo=2022");
        Assert.Equal([false, true, true, true, false], new[] { 2019, 2020, 2021, 2022, 2023 }.Select(query.HasYear));
        Assert.True(Query("?yearFrom=2020").HasYear(2030));
        Assert.False(Query("?level=provincial").HasYear(2020));
    }
}
