using GraphQL;
using Registry.Api.GraphQL.Common;
using Registry.Api.GraphQL.Tasks;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Organizations;

/// <summary>
/// <c>organization { tasks(first, after) }</c>: the page REST's <c>/organizations/{id}/tasks</c> gives (published
/// only, newest publication first, the same tie-break), read for every organization of the level at once.
/// </summary>
public static class OrganizationTasks
{
    public static object? Resolve(IResolveFieldContext<OrganizationRef> context)
    {
        var first = Paging.First(context);
        var after = Paging.After(context, PageCursor.OrganizationTasks);
        var skip = after?.Offset ?? 0;
        var organization = context.Source;
        // A cursor inside a page reads that page again from its start and drops what comes before the cursor.
        return OrganizationLoaders.Of(context).TaskPagesOf(after?.PageStart, skip + first).Load(organization.Id!).Then(page =>
        {
            var shown = (page?.Results ?? []).Skip(skip).ToList();
            var (cursors, end) = PageCursor.Of(PageCursor.OrganizationTasks, after?.PageStart, skip, shown.Count, page?.NextCursor);
            var edges = shown.Select((record, i) => new TaskEdge(cursors[i], record)).ToList();
            var scope = new SearchRequest { Filters = SearchFilterSet.Of(("organization", organization.Id!)) };
            return new TaskConnection(edges, page?.NextCursor is not null, after is not null, end, page?.Count ?? 0, scope);
        });
    }
}
