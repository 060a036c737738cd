using Registry.Data.Abstractions;
using Registry.Data.Catalog;

namespace Registry.Data.Collections;

/// <summary>
/// Curated collections: public reads (only published tasks appear) and curator writes. Every write commits the
/// collection, its items and an audit entry in one transaction, or nothing.
/// </summary>
public interface ICollectionStore
{
    /// <summary>One collection by public id, as <paramref name="reader"/> may see it; null when unknown.</summary>
    Task<CollectionRecord?> FindAsync(string id, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default);

    /// <summary>Several collections at once (one read for their rows, one for their tasks), keyed by id; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, CollectionRecord>> FindManyAsync(IReadOnlyCollection<string> ids, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default);

    /// <summary>Collections, latest date first (then newest created), by opaque cursor.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<CollectionPage> ListAsync(string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>The collection to feature on <paramref name="today"/> (<see cref="CurrentCollection"/>), public view, or null.</summary>
    Task<CollectionRecord?> FindCurrentAsync(DateOnly today, CancellationToken ct = default);

    /// <summary>Id and last change of every collection, by id (sitemap).</summary>
    Task<IReadOnlyList<PublicEntry>> ListEntriesAsync(CancellationToken ct = default);

    Task<CollectionWriteResult> CreateAsync(CollectionInput input, Actor actor, CancellationToken ct = default);

    /// <summary>Replaces title, texts, date and items. <paramref name="expectedVersion"/> null skips the concurrency check.</summary>
    Task<CollectionWriteResult> UpdateAsync(string id, CollectionInput input, long? expectedVersion, Actor actor, CancellationToken ct = default);

    /// <summary>Deletes the collection (never its tasks). <paramref name="expectedVersion"/> null skips the concurrency check.</summary>
    Task<CollectionWriteResult> DeleteAsync(string id, long? expectedVersion, Actor actor, CancellationToken ct = default);
}
