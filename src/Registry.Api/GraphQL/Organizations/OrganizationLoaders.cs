using GraphQL;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Organizations;

/// <summary>
/// The organization loaders of one GraphQL request (scoped): counts and task pages of every organization of a level
/// in one read, from the same directory and statistics as REST.
/// </summary>
public sealed class OrganizationLoaders(IOrganizationDirectory directory, ITaskStatistics statistics)
{
    private readonly Dictionary<(string? Start, int Size), BatchLoader<string, PublicTaskPage>> _pages = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Published tasks per organization, as REST's <c>/stats?groupBy=organization</c> counts them (one grouped
    /// query for all organizations; a province has a few thousand at most).
    /// </summary>
    public BatchLoader<string, int> TaskCountOf { get; } = new(async (ids, ct) =>
        (await statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Organization), ct))
            .Where(b => ids.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Count));

    /// <summary>
    /// Published tasks of organizations, one loader per (start, size): the usual query asks every organization of a
    /// level for the same page, which is then one directory read.
    /// </summary>
    public BatchLoader<string, PublicTaskPage> TaskPagesOf(string? start, int size)
    {
        lock (_gate)
        {
            if (!_pages.TryGetValue((start, size), out var loader))
            {
                loader = new BatchLoader<string, PublicTaskPage>(async (ids, ct) =>
                {
                    try
                    {
                        return await directory.ListPublishedTasksAsync(ids, start, size, ct);
                    }
                    catch (FormatException) // InvalidCursorException, or base64url the decoder refused outright
                    {
                        throw Paging.BadCursor();
                    }
                });
                _pages[(start, size)] = loader;
            }

            return loader;
        }
    }

    internal static OrganizationLoaders Of(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrganizationLoaders>();
}
