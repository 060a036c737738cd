using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Problems;
using Registry.Data.Abstractions;

namespace Registry.Api.Tasks;

/// <summary>The plain listing of published tasks, newest first, with cursor paging.</summary>
public static class TaskListing
{
    public static async Task<Results<Ok<TaskListResponse>, ProblemHttpResult>> ListTasks(
        [AsParameters] ListTasksQuery query, ITaskStore store, HttpRequest request, CancellationToken ct)
    {
        var pageSize = query.PageSize ?? ListTasksQuery.DefaultPageSize;
        if (pageSize is < 1 or > ListTasksQuery.MaxPageSize)
        {
            return ApiProblems.Validation("pageSize",
                $"pageSize phải từ 1 đến {ListTasksQuery.MaxPageSize} (pageSize must be between 1 and {ListTasksQuery.MaxPageSize}).");
        }

        TaskPage page;
        try
        {
            page = await store.ListPublishedAsync(string.IsNullOrEmpty(query.Cursor) ? null : query.Cursor, pageSize, ct);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return ApiProblems.Validation("cursor",
                "Cursor không hợp lệ; hãy dùng đúng meta.nextCursor của trang trước (invalid cursor; pass meta.nextCursor from the previous page unchanged).");
        }

        if (page.NextCursor is not null)
        {
            request.HttpContext.Response.Headers.Link = $"<{NextLink(request, page.NextCursor, pageSize)}>; rel=\"next\"";
        }

        var results = page.Results.Select(TaskViews.ForPublic).ToList();
        return TypedResults.Ok(new TaskListResponse(new ListMeta(page.TotalCount, page.NextCursor, pageSize), results));
    }

    internal static string NextLink(HttpRequest request, string cursor, int pageSize)
    {
        var path = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        return QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
        {
            ["cursor"] = cursor,
            ["pageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
