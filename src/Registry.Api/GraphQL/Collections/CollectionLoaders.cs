using GraphQL;
using Registry.Api.GraphQL.Common;
using Registry.Data.Collections;

namespace Registry.Api.GraphQL.Collections;

/// <summary>The collection loader of one GraphQL request (scoped): every collection of a level and its tasks in one read.</summary>
public sealed class CollectionLoaders(ICollectionStore store)
{
    /// <summary>Public view (published tasks only) of each collection asked for; unknown ones are absent.</summary>
    public BatchLoader<string, CollectionRecord> ById { get; } = new((ids, ct) => store.FindManyAsync(ids, ct: ct));

    internal static CollectionLoaders Of(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CollectionLoaders>();

    public static CollectionSummary Summary(CollectionRecord r) =>
        new(r.Id, r.Title, r.TitleEn, r.Description, r.DescriptionEn, r.Date, r.TaskCount, r.UpdatedAt);
}
