using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>
/// The catalogue as every public surface reads it (REST, feeds, harvesters, embeds, pages): one task by id or code
/// through <see cref="PublicTaskLookup"/>, and the lists that sitemaps, snapshots and OAI-PMH walk. Drafts never
/// appear; withdrawn tasks appear only as tombstones or deletions (invariant 2). Records carry no contacts.
/// </summary>
public interface IPublicCatalog
{
    Task<PublicTaskLookup> FindByIdAsync(string id, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default);

    /// <summary>By the registry code, trimmed (e.g. <c>ĐT-2024-40101-PT</c>).</summary>
    Task<PublicTaskLookup> FindByCodeAsync(string code, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default);

    /// <summary>Public records of the published tasks among <paramref name="ids"/>, in their order; others are absent.</summary>
    Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>Published tasks, newest publication first, by opaque cursor.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<PublicTaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>Every published task's public record in a stable order, streamed with constant memory.</summary>
    IAsyncEnumerable<TaskRecord> StreamPublishedAsync(CancellationToken ct = default);

    /// <summary>Id and last change of every published task, by id.</summary>
    Task<IReadOnlyList<PublicEntry>> ListPublishedEntriesAsync(CancellationToken ct = default);

    /// <summary>Id and last change of every organization hosting a published task, by id.</summary>
    Task<IReadOnlyList<PublicEntry>> ListOrganizationEntriesAsync(CancellationToken ct = default);

    /// <summary>Ids of the withdrawn tasks, in order.</summary>
    Task<IReadOnlyList<string>> ListWithdrawnIdsAsync(CancellationToken ct = default);

    /// <summary>
    /// Whether a task that was public and no longer is (withdrawn, or published once and back to draft) changed at or
    /// after <paramref name="since"/>.
    /// </summary>
    Task<bool> AnyLeftPublicSinceAsync(DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// Harvestable items (published, and deleted: tasks that were public and no longer are), oldest change first,
    /// then by id, after <paramref name="after"/>. A draft never published does not exist for harvesters.
    /// </summary>
    Task<HarvestPage> HarvestAsync(HarvestQuery query, HarvestPosition? after, int size, CancellationToken ct = default);

    /// <summary>One harvestable item, or null (unknown, or a draft never published).</summary>
    Task<HarvestItem?> FindHarvestItemAsync(string id, CancellationToken ct = default);
}

/// <summary>A public task or organization and the time of its last change.</summary>
public sealed record PublicEntry(string Id, DateTimeOffset UpdatedAt);
