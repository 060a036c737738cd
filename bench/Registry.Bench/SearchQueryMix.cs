using Registry.Search.Model;

namespace Registry.Bench;

/// <summary>
/// The fixed, deterministic query mix of <c>search-bench</c>: what the public search box and the API send.
/// Each kind is timed on its own so a slow facet or cursor page cannot hide behind fast plain queries.
/// </summary>
internal static class SearchQueryMix
{
    /// <summary>With diacritics, without, Telex typed without an IME, abbreviations from the synonym list.</summary>
    public static readonly string[] Texts =
    [
        "chuyển đổi số", "chuyen doi so", "nông nghiệp công nghệ cao", "nong nghiep", "noong nghieepj",
        "cđs", "KH&CN", "cơ sở dữ liệu", "giống lúa", "Phú Thọ", "sản xuất thử nghiệm", "y tế dự phòng",
    ];

    public static readonly string[] SuggestPrefixes =
    [
        "ch", "chuy", "chuyen d", "nông ng", "doi so", "kh", "ung dung", "xây d", "nghien cuu s", "phu tho",
    ];

    private static readonly string[] AllFacets = SearchFacets.All.Select(f => f.Name).ToArray();

    public static IReadOnlyList<(string Kind, SearchRequest Request)> Requests()
    {
        var list = new List<(string, SearchRequest)>();
        foreach (var text in Texts) list.Add(("text", new SearchRequest { Query = text, Highlight = true }));
        list.Add(("filtered", new SearchRequest { Query = "nghiên cứu", Filters = Filters(("field", "4"), ("yearFrom", "2018"), ("yearTo", "2024"), ("status", "accepted")) }));
        list.Add(("filtered", new SearchRequest { Filters = Filters(("field", "1"), ("yearFrom", "2020"), ("status", "inProgress")) }));
        list.Add(("filtered", new SearchRequest { Query = "chuyen doi so", Filters = Filters(("field", "102"), ("yearFrom", "2015"), ("yearTo", "2025"), ("status", "accepted,applied")) }));
        list.Add(("faceted", new SearchRequest { Facets = AllFacets }));
        list.Add(("faceted", new SearchRequest { Query = "nông nghiệp", Facets = AllFacets }));
        list.Add(("faceted", new SearchRequest { Query = "cntt", Filters = Filters(("yearFrom", "2020")), Facets = AllFacets }));
        list.Add(("sorted", new SearchRequest { Sort = new SearchSort(SortBy.Newest, SortDirection.Descending) }));
        list.Add(("sorted", new SearchRequest { Query = "nghien cuu", Sort = new SearchSort(SortBy.Budget, SortDirection.Descending) }));
        list.Add(("sorted", new SearchRequest { Query = "quy trình", Sort = new SearchSort(SortBy.EndDate, SortDirection.Ascending) }));
        return list;
    }

    /// <summary>The request whose 41st page (1,000 hits deep) the deep-cursor kind fetches.</summary>
    public static SearchRequest DeepPaging => new() { Query = "nghiên cứu", Sort = new SearchSort(SortBy.Newest, SortDirection.Descending) };

    public const int DeepPages = 40;

    private static SearchFilterSet Filters(params (string Name, string Value)[] filters) => SearchFilterSet.Of(filters);
}
