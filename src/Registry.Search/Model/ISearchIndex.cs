using Registry.Data.Records;

namespace Registry.Search.Model;

/// <summary>A search engine holding the published tasks. Lucene.NET (embedded) and Elasticsearch implement it.</summary>
public interface ISearchIndex
{
    /// <exception cref="InvalidSearchRequestException">The cursor is malformed or belongs to another sort.</exception>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default);

    /// <summary>Completions for a prefix typed with or without diacritics; at most 10, distinct, most frequent first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default);

    /// <summary>Tasks like the given one (text and sector), never the task itself; empty when it is not indexed.</summary>
    Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default);

    /// <summary>Adds or replaces published records (by id); searchable within about a second.</summary>
    Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default);

    Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>
    /// One batch of changes: <paramref name="upserts"/> added or replaced, <paramref name="removals"/> taken out,
    /// searchable together. Engines override it to pay once per batch for what the two calls would each pay (Lucene:
    /// one reader reopen; Elasticsearch: one bulk request and one refresh wait).
    /// </summary>
    async Task ApplyAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default)
    {
        if (upserts.Count > 0) await UpsertAsync(upserts, ct);
        if (removals.Count > 0) await RemoveAsync(removals, ct);
    }

    /// <summary>
    /// Like <see cref="ApplyAsync"/>, but the changes need to become searchable only at the next
    /// <see cref="RefreshAsync"/>: the outbox indexer writes several batches of a backlog and pays one reader reopen
    /// for them (Lucene: each reopen flushes a small segment and warms it). Engines without the distinction apply
    /// at once.
    /// </summary>
    Task WriteAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
        ApplyAsync(upserts, removals, ct);

    /// <summary>Makes every change written so far searchable (see <see cref="WriteAsync"/>).</summary>
    Task RefreshAsync(CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>
    /// Makes every change written so far survive a crash. The outbox indexer completes its items only after this
    /// returns, so a change it has acknowledged is never lost (Lucene commits; Elasticsearch acknowledged a bulk
    /// request only once its translog was synced).
    /// </summary>
    Task FlushAsync(CancellationToken ct = default);

    /// <summary>Empties the index.</summary>
    Task ResetAsync(CancellationToken ct = default);

    /// <summary>
    /// Starts a full rebuild. Records added to the build become visible only when it completes
    /// (Elasticsearch: a new versioned index and an alias swap); disposing an unfinished build abandons it.
    /// </summary>
    Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default);

    /// <summary>Number of indexed tasks.</summary>
    Task<long> CountAsync(CancellationToken ct = default);
}

/// <summary>A rebuild in progress (see <see cref="ISearchIndex.BeginRebuildAsync"/>).</summary>
public interface ISearchIndexBuild : IAsyncDisposable
{
    Task AddAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default);

    /// <summary>Makes the rebuilt index the live one.</summary>
    Task CompleteAsync(CancellationToken ct = default);
}

/// <summary>A request the engine cannot run as given (bad cursor); the API answers 400.</summary>
public sealed class InvalidSearchRequestException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
