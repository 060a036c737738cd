using GraphQL.DataLoader;

namespace Registry.Api.GraphQL.Common;

/// <summary>Composition of pending loader results (the GraphQL.DataLoader package, which has these, is not used).</summary>
public static class DataLoaderResults
{
    /// <summary>A result that applies <paramref name="map"/> once the source is loaded (still batched).</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> source, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(source, map);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> source, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await source.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
