using GraphQL;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Organizations;

/// <summary>
/// The organization loaders of one GraphQL request (scoped): every organization of a level, and the same page of
/// their tasks, in one read each, from the directory REST's <c>/organizations</c> reads.
/// </summary>
public sealed class OrganizationLoaders(IOrganizationDirectory directory)
{
    private readonly Dictionary<(string? Start, int Size), BatchLoader<string, PublicTaskPage>> _pages = [];
    private readonly Lock _gate = new();

    /// <summary>Public organizations with their published-task counts; one that is not public is absent.</summary>
    public BatchLoader<string, OrganizationSummary> OrganizationById { get; } = new(directory.FindManyAsync);

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
