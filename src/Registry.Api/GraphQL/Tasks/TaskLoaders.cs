using Registry.Api.GraphQL.Common;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>
/// The task loaders of one GraphQL request (scoped): every <c>task(id)</c> of a level is one store read, whatever
/// the number of aliases.
/// </summary>
public sealed class TaskLoaders(ITaskStore store)
{
    /// <summary>What the public may see of each task asked for by public id, as the catalogue decides it.</summary>
    public BatchLoader<string, PublicTaskLookup> TaskById { get; } = new(async (ids, ct) =>
    {
        var stored = (await store.FindManyAsync(ids, ct)).ToDictionary(t => t.Id);
        return ids.Distinct().ToDictionary(id => id, id => PublicTasks.Of(stored.GetValueOrDefault(id)));
    });

    internal static TaskLoaders Of(global::GraphQL.IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<TaskLoaders>();
}
