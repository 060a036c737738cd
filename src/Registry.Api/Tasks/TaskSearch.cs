using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Problems;
using Registry.Api.Search;
using Registry.Search.Model;

namespace Registry.Api.Tasks;

/// <summary>GET /tasks: search, filter, facet, sort and page published tasks from the search engine.</summary>
public static class TaskSearch
{
    public static async Task<IResult> SearchTasks(HttpRequest request, ISearchIndex index, CancellationToken ct)
    {
        var read = SearchRequestReader.Read(request.Query, SearchSurface.Api);
        if (!read.IsValid) return ApiProblems.Validation(read.Errors, DescribeErrors(read.Errors));

        SearchResult result;
        try
        {
            result = await index.SearchAsync(read.Request, ct);
        }
        catch (InvalidSearchRequestException ex)
        {
            return ApiProblems.Validation(ex.Parameter, ex.Message);
        }

        if (result.NextCursor is not null)
        {
            request.HttpContext.Response.Headers.Link = $"<{NextLink(request, result.NextCursor)}>; rel=\"next\"";
        }

        return TypedResults.Ok(ToResponse(read, result));
    }

    private static TaskSearchResponse ToResponse(ReadSearch read, SearchResult result)
    {
        var request = read.Request;
        var meta = new TaskSearchMeta(result.Total, result.NextCursor, request.ClampedPageSize,
            string.IsNullOrWhiteSpace(request.Query) ? null : request.Query, request.Sort.ToString(),
            request.Filters.Applied.ToDictionary(a => a.Filter.Name,
                a => (IReadOnlyList<string>)a.Values.Select(v => v.Term ?? v.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()),
            result.Relaxed, result.Suggestion);
        var results = result.Hits.Select(hit => Item(hit, read.Select, request.Highlight)).ToList();
        var facets = result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetBucketView>)f.Value.Select(FacetBucketView.From).ToList());
        return new TaskSearchResponse(meta, results, facets);
    }

    private static JsonObject Item(SearchHit hit, IReadOnlyList<string>? select, bool highlight)
    {
        var item = RecordSelection.Project(hit.Record, select);
        if (!highlight) return item;
        var highlights = new JsonObject();
        foreach (var (field, snippets) in hit.Highlights.Where(h => h.Value.Count > 0))
        {
            highlights[field] = string.Join(" … ", snippets);
        }

        item["highlights"] = highlights;
        return item;
    }

    /// <summary>The same URL with the cursor replaced: every other parameter (q, filters, sort, pageSize…) is kept.</summary>
    internal static string NextLink(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(p => !string.Equals(p.Key, SearchParameters.Cursor, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create(SearchParameters.Cursor, (string?)cursor));
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
    }

    internal static string DescribeErrors(IReadOnlyDictionary<string, string[]> errors) =>
        $"Hãy sửa các tham số: {string.Join(", ", errors.Keys)} (fix these parameters: {string.Join(", ", errors.Keys)}).";
}
