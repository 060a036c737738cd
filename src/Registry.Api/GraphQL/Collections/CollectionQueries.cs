using GraphQL;
using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Collections;

namespace Registry.Api.GraphQL.Collections;

/// <summary>The collection fields of <c>Query</c>, over the same store reads as REST's <c>/collections</c>.</summary>
public static class CollectionQueries
{
    public static ObjectGraphType AddCollectionQueries(this ObjectGraphType query)
    {
        query.Field<CollectionGraphType>("collection").Description("Một bộ sưu tập theo id (a collection by id).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Resolve(c => CollectionLoaders.Of(c).ById.Load(c.GetArgument<string>("id")).Then(r => r is null ? null : CollectionLoaders.Summary(r)));
        query.Field<NonNullGraphType<CollectionConnectionType>>("collections")
            .Description("Các bộ sưu tập, ngày mới nhất trước (collections, latest date first).")
            .Argument<IntGraphType>("first", $"Số mục, 1–{Paging.MaxFirst}, mặc định {Paging.DefaultFirst} (page size).")
            .Argument<StringGraphType>("after", "Con trỏ endCursor của trang trước (endCursor of the previous page).")
            .ResolveAsync(ListAsync);
        query.Field<CollectionGraphType>("currentCollection")
            .Description($"Bộ sưu tập đang được giới thiệu: từ {CurrentCollection.DaysBefore} ngày trước đến {CurrentCollection.DaysAfter} ngày sau ngày của nó, gần hôm nay nhất (the collection featured now; null when none).")
            .ResolveAsync(async c =>
            {
                var today = CurrentCollection.Today(c.RequestServices!.GetRequiredService<TimeProvider>());
                var current = await c.RequestServices!.GetRequiredService<ICollectionStore>().FindCurrentAsync(today, c.CancellationToken);
                return current is null ? null : CollectionLoaders.Summary(current);
            });
        return query;
    }

    private static async Task<object?> ListAsync(IResolveFieldContext context)
    {
        var first = Paging.First(context);
        var after = context.GetArgument<string?>("after");
        CollectionPage page;
        try
        {
            page = await context.RequestServices!.GetRequiredService<ICollectionStore>().ListAsync(after, first, context.CancellationToken);
        }
        catch (FormatException) // InvalidCursorException, or base64url the decoder refused outright
        {
            throw Paging.BadCursor();
        }

        return new CollectionConnection(page.Results,
            new PageInfo(page.NextCursor is not null, after is not null, null, page.NextCursor), page.Count);
    }
}
