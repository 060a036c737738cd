using Registry.Api.Http;
using Registry.Api.Search;
using Registry.Api.Tasks;

namespace Microsoft.AspNetCore.Builder;

public static class SearchApi
{
    public const string Tag = "Search";

    /// <summary>Maps GET /suggest and GET /filters under <paramref name="v1"/>.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/suggest", TaskDiscovery.Suggest)
            .WithName("Suggest")
            .WithTags(Tag)
            .WithSummary("Gợi ý cho ô tìm kiếm (search-box suggestions)")
            .WithDescription("Up to 10 completions of the words typed in q (with or without diacritics) from titles, keywords and organization names, most frequent first.")
            .WithQueryParameters([new("q", "string", "Phần đầu từ cần gợi ý (what the user typed so far).", "chuyen doi")])
            .Produces<SuggestResponse>()
            .ProducesValidationProblem()
            .CachePublicly(HttpCaching.SearchMaxAge)
            .RejectUnknownQueryParameters();

        v1.MapGet("/filters", FiltersDescription.Describe)
            .WithName("DescribeFilters")
            .WithTags(Tag)
            .WithSummary("Các bộ lọc, facet và cách sắp xếp (filters, facets and sorts)")
            .WithDescription("Every filter GET /tasks accepts (name, type, whether it takes several values, description, example, allowed values), the facets it can count and the sorts.")
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();
        return v1;
    }
}
