using GraphQL.DataLoader;

namespace Registry.Api.GraphQL.Common;

/// <summary>
/// A minimal per-request batching loader. Resolvers call <see cref="Load"/> while GraphQL.NET executes a level of
/// the query; the execution strategy awaits <see cref="IDataLoaderResult"/> nodes only after every other pending
/// node has run, so the first <c>GetResultAsync</c> finds all the level's keys collected and fetches them in one
/// store query. A key asked for again (same request) reuses its batch: nothing is fetched twice.
/// </summary>
/// <remarks>Thread-safe: the parallel execution strategy resolves sibling fields concurrently.</remarks>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private readonly Lock _gate = new();
    private Batch? _open;

    /// <param name="fetch">Loads every given key at once; keys absent from the answer resolve to <c>default</c>.</param>
    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open ??= new Batch(this);
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Result(batch, key);
        }
    }

    /// <summary>
    /// Records a value already read elsewhere (e.g. a count the directory returned with a page), so asking for the
    /// key later costs no query. A key already asked for keeps its batch.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_batchOf.ContainsKey(key)) return;
            var known = new Batch(this) { Fetched = Task.FromResult<IReadOnlyDictionary<TKey, TValue>>(new Dictionary<TKey, TValue> { [key] = value }) };
            _batchOf[key] = known;
        }
    }

    /// <summary>Several keys at once, in order, missing ones left out.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IEnumerable<TKey> keys)
    {
        var results = keys.Select(Load).ToList();
        return new ManyResult(results);
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken ct)
    {
        lock (_gate)
        {
            // Close the batch: keys asked for from now on start a new one.
            if (ReferenceEquals(_open, batch)) _open = null;
            return batch.Fetched ??= _fetch(batch.Keys.ToList(), ct);
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        public List<TKey> Keys { get; } = [];
        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetched { get; set; }
        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken ct) => owner.Dispatch(this, ct);
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class ManyResult(IReadOnlyList<IDataLoaderResult<TValue?>> parts) : IDataLoaderResult<IReadOnlyList<TValue>>
    {
        public async Task<IReadOnlyList<TValue>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<TValue>(parts.Count);
            foreach (var part in parts)
            {
                if (await part.GetResultAsync(cancellationToken).ConfigureAwait(false) is { } value) values.Add(value);
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
