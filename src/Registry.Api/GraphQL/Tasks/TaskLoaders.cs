using Registry.Api.GraphQL.Common;
using Registry.Data.Abstractions;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>
/// The task loaders of one GraphQL request (scoped): every <c>task(id)</c> of a level is one store read, whatever
/// the number of aliases.
/// </summary>
public sealed class TaskLoaders(ITaskStore store)
{
    /// <summary>Stored tasks by public id, whatever their visibility: <see cref="PublicTasks"/> decides what is shown.</summary>
    public BatchLoader<string, StoredTask> TaskById { get; } = new(async (ids, ct) =>
        (await store.FindManyAsync(ids, ct)).ToDictionary(t => t.Id));

    internal static TaskLoaders Of(global::GraphQL.IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<TaskLoaders>();
}
