using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Feeds.Embed;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Search;
using Registry.Api.Web.Pages;
using Registry.Search.Model;

namespace Registry.Api.Tests.Search;

/// <summary>The one reader from a query string to a search, on each surface with its own limits.</summary>
public sealed class SearchRequestReaderTests
{
    private static IQueryCollection Address(string query) => new QueryCollection(QueryHelpers.ParseQuery(query));

    private static ReadSearch Read(string query, SearchSurface surface) => SearchRequestReader.Read(Address(query), surface);

    public static TheoryData<string, int, int> Limits => new()
    {
        { "api", 25, 200 },
        { "embed", 10, 50 },
        { "page", 20, 50 },
    };

    private static SearchSurface Surface(string name) => name switch
    {
        "api" => SearchSurface.Api,
        "export" => SearchSurface.Export,
        "feed" => FeedQuery.Feed(50),
        "embed" => EmbedHandlers.Surface,
        "page" => SearchQuery.Surface,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string SizeParameter(string surface) => surface == "embed" ? "limit" : "pageSize";

    [Theory]
    [MemberData(nameof(Limits))]
    public void Each_surface_has_its_own_default_and_largest_page(string surface, int byDefault, int max)
    {
        Assert.Equal(byDefault, Read("", Surface(surface)).Request.PageSize);
        var largest = Read($"?{SizeParameter(surface)}={max}", Surface(surface));
        Assert.True(largest.IsValid);
        Assert.Equal(max, largest.Request.PageSize);
    }

    [Theory]
    [InlineData("api", "pageSize", "201", "200")]
    [InlineData("api", "pageSize", "0", "200")]
    [InlineData("api", "pageSize", "many", "200")]
    [InlineData("embed", "limit", "51", "50")]
    [InlineData("embed", "limit", "ten", "50")]
    public void A_page_size_out_of_range_is_refused_naming_the_limit(string surface, string parameter, string value, string limit)
    {
        var read = Read($"?{parameter}={value}", Surface(surface));
        Assert.False(read.IsValid);
        var message = Assert.Single(Assert.Single(read.Errors, e => e.Key == parameter).Value);
        Assert.Contains(limit, message);
    }

    [Theory]
    [InlineData("500", 50)]
    [InlineData("0", 1)]
    [InlineData("many", 20)]
    public void Web_pages_take_the_nearest_page_size_they_can_show(string value, int size)
    {
        var read = Read($"?pageSize={value}", SearchQuery.Surface);
        Assert.True(read.IsValid);
        Assert.Equal(size, read.Request.PageSize);
    }

    [Fact]
    public void Exports_and_feeds_have_a_fixed_size_and_feeds_the_latest_change_first()
    {
        Assert.Equal(SearchRequest.MaxPageSize, Read("?sort=budget", SearchSurface.Export).Request.PageSize);
        Assert.Equal(new SearchSort(SortBy.Budget, SortDirection.Descending), Read("?sort=budget", SearchSurface.Export).Request.Sort);

        var feed = FeedQuery.Read(Address("?q=%20chè%20&limit=3&lang=en"), FeedQuery.Feed(30));
        Assert.True(feed.IsValid);
        Assert.Equal(30, feed.Request.PageSize);
        Assert.Equal("chè", feed.Request.Query);
        Assert.Equal(new SearchSort(SortBy.Updated, SortDirection.Descending), feed.Request.Sort);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("export")]
    [InlineData("feed")]
    [InlineData("embed")]
    [InlineData("page")]
    public void Filters_read_alike_on_every_surface(string surface)
    {
        var read = Read("?level=provincial,national&level=grassroots&yearFrom=2020&transferable=true&q=chè", Surface(surface));
        Assert.True(read.IsValid, string.Join(" ", read.Errors.Keys));
        Assert.Equal("level=provincial,national,grassroots&yearFrom=2020&transferable=true", read.Request.Filters.ToString());
        Assert.Equal("chè", read.Request.Query);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("page")]
    public void A_bad_sort_or_filter_gets_the_same_message_everywhere_listing_what_is_valid(string surface)
    {
        var read = Read("?sort=sideways&level=galactic&colour=red", Surface(surface));
        var sort = Assert.Single(read.Errors["sort"]);
        Assert.Equal(Assert.Single(Read("?sort=sideways", SearchSurface.Api).Errors["sort"]), sort);
        Assert.Contains("relevance, newest, budget, endDate, updated", sort);
        Assert.Contains("provincial", Assert.Single(read.Errors["level"]));
        Assert.Contains("yearFrom", Assert.Single(read.Errors["colour"]));
    }

    [Theory]
    [InlineData("feed", "sort=budget")]
    [InlineData("feed", "pageSize=5")]
    [InlineData("embed", "cursor=abc")]
    [InlineData("page", "facets=level")]
    [InlineData("page", "highlight=false")]
    public void A_parameter_the_surface_does_not_read_is_an_unknown_filter(string surface, string parameter)
    {
        var read = Read("?" + parameter, Surface(surface));
        var name = parameter[..parameter.IndexOf('=')];
        Assert.Contains("unknown filter", Assert.Single(read.Errors[name]));
    }

    [Fact]
    public void The_rest_search_reads_facets_cursor_highlight_and_select()
    {
        var read = Read("?facets=level,year&highlight&select=code,title&pageSize=5&sort=%2Bbudget", SearchSurface.Api);
        Assert.True(read.IsValid);
        Assert.Equal(["level", "year"], read.Request.Facets);
        Assert.True(read.Request.Highlight);
        Assert.Equal(["code", "title"], read.Select);
        Assert.Equal("+budget", read.Request.Sort.ToString());

        var bad = Read("?facets=colour&highlight=maybe&select=colour&cursor=%25%25", SearchSurface.Api);
        Assert.Equal(["cursor", "facets", "highlight", "select"], bad.Errors.Keys.Order());
    }
}
