using Registry.Api.Search;
using Registry.Search.Model;

namespace Registry.Api.Feeds.Syndication;

/// <summary>
/// The search behind a feed or an embed: <c>q</c> plus the REST search filters, newest change first (what a
/// subscriber wants to see), read by <see cref="SearchRequestReader"/>. Every other parameter must be a filter.
/// </summary>
public static class FeedQuery
{
    public static readonly SearchSort LatestChangeFirst = new(SortBy.Updated, SortDirection.Descending);

    /// <summary>A feed of <paramref name="size"/> entries. <c>limit</c> (an embed's size) is accepted and ignored, so an
    /// embed's address also works as a feed's.</summary>
    public static SearchSurface Feed(int size) => new(SearchPaging.Fixed(size), SearchParts.None, "lang", "limit");

    /// <summary>Reads the search; the problems the caller must fix come back in <see cref="ReadSearch.Errors"/>.</summary>
    public static ReadSearch Read(IQueryCollection query, SearchSurface surface)
    {
        var read = SearchRequestReader.Read(query, surface);
        return read with { Request = read.Request with { Sort = LatestChangeFirst } };
    }
}
