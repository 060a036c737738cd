using Registry.Search.Model;

namespace Registry.Api.Feeds.Syndication;

/// <summary>
/// The search behind a feed or an embed: <c>q</c> plus the REST search filters, newest change first.
/// Paging parameters are not filters, so they are named here and skipped.
/// </summary>
public static class FeedQuery
{
    /// <summary>Parameters that are not filters; everything else must be a known filter.</summary>
    private static readonly HashSet<string> NonFilters = new(StringComparer.OrdinalIgnoreCase) { "q", "limit", "lang" };

    /// <summary>Builds the engine request, or returns the problems the caller must fix (parameter → messages).</summary>
    public static SearchRequest? Parse(IQueryCollection query, int size, out IReadOnlyDictionary<string, string[]> errors)
    {
        var raw = query.Where(p => !NonFilters.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        var filters = SearchFilterSet.Parse(raw, out errors);
        if (errors.Count > 0) return null;
        var q = query["q"].ToString();
        return new SearchRequest
        {
            Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Filters = filters,
            Sort = new SearchSort(SortBy.Updated, SortDirection.Descending),
            PageSize = size,
        };
    }

    /// <summary>A human description of the search for feed titles, e.g. "chè · field=401".</summary>
    public static string Describe(SearchRequest request)
    {
        var parts = new List<string>();
        if (request.Query is { } q) parts.Add($"“{q}”");
        if (!request.Filters.IsEmpty) parts.Add(request.Filters.ToString());
        return string.Join(" · ", parts);
    }
}
