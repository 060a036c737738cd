using GraphQL;
using Registry.Api.GraphQL.Loaders;
using Registry.Api.GraphQL.Types;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Queries;

/// <summary>
/// <c>organization { tasks(first, after) }</c>: published tasks only (drafts and withdrawn tasks are filtered in the
/// store query itself), loaded for every organization of the level in one query.
/// </summary>
public static class OrganizationTasks
{
    public static object? Resolve(IResolveFieldContext<OrganizationNode> context)
    {
        var first = Paging.First(context);
        var afterText = context.GetArgument<string?>("after");
        OrganizationTaskCursor? after = null;
        if (afterText is not null && !OrganizationTaskCursor.TryDecode(afterText, out after))
        {
            throw RegistryError.Invalid("after",
                "Con trỏ không hợp lệ; hãy dùng đúng endCursor của trang trước (invalid cursor; pass endCursor from the previous page unchanged).");
        }

        var loaders = TaskType.Loaders(context);
        var organization = context.Source;
        // One more than asked tells whether a next page exists.
        return loaders.TasksOf(after, first + 1).Load(organization.RowKey).Then(tasks =>
        {
            var page = (tasks ?? []).Take(first).ToList();
            var edges = page.Select(t => new TaskEdge(new OrganizationTaskCursor(t.PublishedAt ?? DateTimeOffset.MinValue, t.Id).Encode(), t)).ToList();
            var scope = new SearchRequest { Filters = SearchFilterSet.Of(("organization", organization.Id)) };
            return new TaskConnection(edges, (tasks?.Count ?? 0) > first, after is not null, edges.LastOrDefault()?.Cursor,
                loaders.PublishedCountOf.Load(organization.RowKey).Then(n => n), scope);
        });
    }
}
