using GraphQL;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>Direct lookups, shown as the catalogue decides (<see cref="PublicTasks"/>), and the engine's related tasks and suggestions.</summary>
public static class TaskLookup
{
    public static object? ById(IResolveFieldContext context) =>
        TaskLoaders.Of(context).TaskById.Load(context.GetArgument<string>("id")).Then(PublicTasks.Present);

    public static async Task<object?> ByCodeAsync(IResolveFieldContext context) =>
        PublicTasks.Present(await context.RequestServices!.GetRequiredService<IPublicCatalog>()
            .FindByCodeAsync(context.GetArgument<string>("code"), ct: context.CancellationToken));

    /// <summary>Tasks like the given one (text and sector), published only, best first.</summary>
    public static async Task<object?> RelatedAsync(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 5;
        if (first is < 1 or > 20) throw RegistryError.Invalid("first", "first phải từ 1 đến 20 (first must be between 1 and 20).");
        var hits = await context.RequestServices!.GetRequiredService<ISearchIndex>()
            .RelatedAsync(context.GetArgument<string>("id"), first, context.CancellationToken);
        return TaskLoaders.Of(context).TaskById.LoadMany(hits.Select(h => h.Id))
            .Then(found => found.Select(PublicTasks.Listed).OfType<TaskRecord>().ToList());
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
}
