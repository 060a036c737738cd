using GraphQL;
using Registry.Api.GraphQL.Loaders;
using Registry.Api.GraphQL.Types;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Queries;

/// <summary>Direct lookups. Published: the task. Draft or unknown: null. Withdrawn: null with a GONE error (tombstone).</summary>
public static class TaskLookup
{
    public static object? ById(IResolveFieldContext context) =>
        TaskType.Loaders(context).TaskById.Load(context.GetArgument<string>("id")).Then(Present);

    public static async Task<object?> ByCodeAsync(IResolveFieldContext context)
    {
        var stored = await context.RequestServices!.GetRequiredService<ITaskStore>()
            .FindByCodeAsync(context.GetArgument<string>("code"), context.CancellationToken);
        return stored is null ? null : TaskType.Loaders(context).TaskById.Load(stored.Id).Then(Present);
    }

    /// <summary>Tasks like the given one (text and sector), published only, best first.</summary>
    public static async Task<object?> RelatedAsync(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 5;
        if (first is < 1 or > 20) throw RegistryError.Invalid("first", "first phải từ 1 đến 20 (first must be between 1 and 20).");
        var hits = await context.RequestServices!.GetRequiredService<ISearchIndex>()
            .RelatedAsync(context.GetArgument<string>("id"), first, context.CancellationToken);
        return TaskType.Loaders(context).TaskById.LoadMany(hits.Select(h => h.Id))
            .Then(nodes => nodes.Where(n => n.Visibility == Visibility.Published).ToList());
    }

    public static async Task<object?> SuggestAsync(IResolveFieldContext context)
    {
        var text = context.GetArgument<string>("query");
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            throw RegistryError.Invalid("query", "Gõ từ 1 đến 100 ký tự (type 1 to 100 characters).");
        }

        return await context.RequestServices!.GetRequiredService<ISearchIndex>().SuggestAsync(text, 10, context.CancellationToken);
    }

    private static TaskNode? Present(TaskNode? node) => node?.Visibility switch
    {
        Visibility.Published => node,
        Visibility.Withdrawn => throw new RegistryError(ErrorCodes.Gone,
            "Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai (this task was withdrawn from the public registry).",
            details: new Dictionary<string, object?>
            {
                ["id"] = node.Id,
                ["taskCode"] = node.Code,
                ["withdrawnAt"] = node.UpdatedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["withdrawalReason"] = node.WithdrawalReason,
            }),
        _ => null,
    };
}
