using System.Runtime.CompilerServices;
using Registry.Data.Records;

namespace Registry.Data.Abstractions;

/// <summary>Bulk reads for the search indexer, reindex and exports.</summary>
public interface ITaskCatalog
{
    /// <summary>All published tasks in id order, streamed in batches with constant memory.</summary>
    IAsyncEnumerable<TaskRecord> StreamPublishedAsync(CancellationToken ct = default);

    Task<int> CountPublishedAsync(CancellationToken ct = default);

    /// <summary>Every task in the store whatever its visibility (0 means an empty store: seed the demo).</summary>
    Task<int> CountAllAsync(CancellationToken ct = default);

    /// <summary>
    /// Id and last change of every published task, in id order, for comparing the search index with the store.
    /// The store reads only those two columns; this default (for simple catalogues) reads whole records.
    /// </summary>
    async IAsyncEnumerable<PublishedVersion> StreamPublishedVersionsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var record in StreamPublishedAsync(ct))
            yield return new PublishedVersion(record.Id!, record.UpdatedAt ?? record.PublishedAt ?? DateTimeOffset.UnixEpoch);
    }

    /// <summary>Public records (contacts stripped) for the given ids that are published; others are absent.</summary>
    Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);
}

/// <summary>A published task's id and the time of its last change (what the search index records as its version).</summary>
public readonly record struct PublishedVersion(string Id, DateTimeOffset UpdatedAt);
