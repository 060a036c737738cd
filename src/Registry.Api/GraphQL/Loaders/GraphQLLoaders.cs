namespace Registry.Api.GraphQL.Loaders;

/// <summary>
/// The batching loaders of one GraphQL request (scoped): one per relation, so a page of tasks with their
/// organizations, investigators and outputs costs one store query per relation whatever the page size.
/// </summary>
public sealed class GraphQLLoaders(GraphQLReads reads)
{
    public BatchLoader<string, TaskNode> TaskById { get; } = new(reads.TasksByIdAsync);

    public BatchLoader<long, OrganizationNode> OrganizationByKey { get; } = new(reads.OrganizationsByKeyAsync);

    public BatchLoader<string, OrganizationNode> OrganizationById { get; } = new(reads.OrganizationsByIdAsync);

    public BatchLoader<long, IReadOnlyList<PersonNode>> InvestigatorsOf { get; } = new(reads.InvestigatorsAsync);

    public BatchLoader<long, IReadOnlyList<OutputNode>> OutputsOf { get; } = new(reads.OutputsAsync);

    public BatchLoader<long, long> PublishedCountOf { get; } = new(reads.PublishedCountsAsync);

    private readonly Dictionary<(string? After, int Take), BatchLoader<long, IReadOnlyList<TaskNode>>> _tasksOf = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Published tasks of organizations, one loader per (after, take) pair: the usual query asks every
    /// organization of a level for the same page, which is then one query.
    /// </summary>
    public BatchLoader<long, IReadOnlyList<TaskNode>> TasksOf(OrganizationTaskCursor? after, int take)
    {
        lock (_gate)
        {
            var key = (after?.Encode(), take);
            if (!_tasksOf.TryGetValue(key, out var loader))
            {
                loader = new BatchLoader<long, IReadOnlyList<TaskNode>>((keys, ct) => reads.PublishedTasksOfAsync(keys, after, take, ct));
                _tasksOf[key] = loader;
            }

            return loader;
        }
    }
}
