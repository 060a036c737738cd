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

    /// <summary>Public records (contacts stripped) for the given ids that are published; others are absent.</summary>
    Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);
}
