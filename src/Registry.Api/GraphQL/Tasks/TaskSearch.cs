using GraphQL;
using Registry.Api.GraphQL.Common;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>
/// <c>tasks(query, filter, orderBy, first, after)</c>: the order and the total come from the search engine (the same
/// request REST builds), the records from the store in one read, shown as the catalogue decides (<see cref="PublicTasks"/>).
/// </summary>
public static class TaskSearch
{
    /// <summary>Engines continue from a cursor inside a page by skipping at most this many hits.</summary>
    private const int MaxOffset = 1000;

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
        PageCursor? position = null;
        if (after is not null && !PageCursor.TryDecode(after, PageCursor.Search, MaxOffset, out position)) throw BadCursor();

        try
        {
            return await PageAsync(context, request, position, context.CancellationToken);
        }
        catch (InvalidSearchRequestException)
        {
            throw BadCursor();
        }
    }

    private static async Task<TaskConnection> PageAsync(IResolveFieldContext context, SearchRequest request, PageCursor? after, CancellationToken ct)
    {
        var index = context.RequestServices!.GetRequiredService<ISearchIndex>();
        var start = after?.PageStart;
        if (after is { Offset: > 0 })
        {
            // Continue after an edge inside a page: skip the hits of that page up to and including it.
            var skipped = await index.SearchAsync(request with { Cursor = start, PageSize = after.Offset }, ct);
            start = skipped.NextCursor;
            if (start is null) return new TaskConnection([], false, true, null, skipped.Total, request);
        }

        var result = await index.SearchAsync(request with { Cursor = start }, ct);
        var ids = result.Hits.Select(h => h.Id).ToList();
        var stored = await context.RequestServices!.GetRequiredService<ITaskStore>().FindManyAsync(ids, ct);
        var records = stored.Select(t => PublicTasks.Listed(PublicTasks.Of(t))).OfType<TaskRecord>().ToDictionary(r => r.Id!);

        var (cursors, end) = PageCursor.Of(PageCursor.Search, start, 0, ids.Count, result.NextCursor);
        // The index may lag the store by a moment: a task withdrawn since is left out, never shown.
        var edges = ids.Select((id, i) => records.TryGetValue(id, out var record) ? new TaskEdge(cursors[i], record) : null)
            .OfType<TaskEdge>().ToList();
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
