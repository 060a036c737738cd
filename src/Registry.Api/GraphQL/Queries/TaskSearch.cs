using GraphQL;
using Registry.Api.GraphQL.Loaders;
using Registry.Api.GraphQL.Types;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Queries;

/// <summary>
/// <c>tasks(query, filter, orderBy, first, after)</c>: the order and the total come from the search engine (the same
/// request REST builds), the nodes from the database in one query, published only.
/// </summary>
public static class TaskSearch
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var first = Paging.First(context);
        var filters = TaskFilterInputType.ToFilterSet(context.GetArgument<Dictionary<string, object?>?>("filter"), out var errors);
        if (errors.Count > 0) throw RegistryError.Invalid(errors);
        var request = new SearchRequest
        {
            Query = context.GetArgument<string?>("query"),
            Filters = filters,
            Sort = TaskOrderInputType.ToSort(context.GetArgument<Dictionary<string, object?>?>("orderBy")),
            PageSize = first,
        };

        var after = context.GetArgument<string?>("after");
        SearchEdgeCursor? position = null;
        if (after is not null && !SearchEdgeCursor.TryDecode(after, out position)) throw BadCursor();

        try
        {
            return await PageAsync(context, request, position, context.CancellationToken);
        }
        catch (InvalidSearchRequestException)
        {
            throw BadCursor();
        }
    }

    private static async Task<TaskConnection> PageAsync(IResolveFieldContext context, SearchRequest request, SearchEdgeCursor? after, CancellationToken ct)
    {
        var index = context.RequestServices!.GetRequiredService<ISearchIndex>();
        var start = after?.EngineCursor;
        if (after is { Offset: > 0 })
        {
            // Continue after an edge inside a page: skip the hits of that page up to and including it.
            var skipped = await index.SearchAsync(request with { Cursor = start, PageSize = after.Offset }, ct);
            start = skipped.NextCursor;
            if (start is null) return new TaskConnection([], false, true, null, skipped.Total, request);
        }

        var result = await index.SearchAsync(request with { Cursor = start }, ct);
        var ids = result.Hits.Select(h => h.Id).ToList();
        var nodes = ids.Count == 0 ? new Dictionary<string, TaskNode>()
            : await context.RequestServices!.GetRequiredService<GraphQLReads>().TasksByIdAsync(ids, ct);

        var edges = new List<TaskEdge>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            // The index may lag the store by a moment: a task withdrawn since is left out, never shown.
            if (!nodes.TryGetValue(ids[i], out var node) || node.Visibility != Visibility.Published) continue;
            var cursor = i == ids.Count - 1 && result.NextCursor is not null
                ? new SearchEdgeCursor(result.NextCursor, 0)
                : new SearchEdgeCursor(start, i + 1);
            edges.Add(new TaskEdge(cursor.Encode(), node));
        }

        var end = ids.Count == 0 ? null
            : (result.NextCursor is not null ? new SearchEdgeCursor(result.NextCursor, 0) : new SearchEdgeCursor(start, ids.Count)).Encode();
        return new TaskConnection(edges, result.NextCursor is not null, after is not null, end, result.Total, request with { Cursor = null })
        {
            Relaxed = result.Relaxed,
            Suggestion = result.Suggestion,
        };
    }

    private static RegistryError BadCursor() => RegistryError.Invalid("after",
        "Con trỏ không hợp lệ hoặc không khớp với cách sắp xếp; hãy dùng đúng endCursor của trang trước " +
        "(invalid cursor, or it belongs to another sort: pass endCursor from the previous page unchanged).");
}
