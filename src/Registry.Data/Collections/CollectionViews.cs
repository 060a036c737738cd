using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Store;

namespace Registry.Data.Collections;

/// <summary>
/// A collection as a reader sees it. Whether a task is public is decided by <see cref="PublicTaskLookup.Of"/>, the
/// one place that decides it: the public sees found tasks only (no contacts), curators every task flagged.
/// </summary>
internal static class CollectionViews
{
    public static async Task<CollectionRecord> ReadAsync(RegistryDbContext db, Collection collection, CatalogReader reader, CancellationToken ct) =>
        (await ReadManyAsync(db, [collection], reader, ct))[0];

    /// <summary>The views of <paramref name="collections"/>, in their order, with one query for all their tasks.</summary>
    public static async Task<IReadOnlyList<CollectionRecord>> ReadManyAsync(RegistryDbContext db, IReadOnlyList<Collection> collections,
        CatalogReader reader, CancellationToken ct)
    {
        var keys = collections.SelectMany(c => c.Items).Select(i => i.TaskId).Distinct().ToList();
        var tasks = keys.Count == 0
            ? new Dictionary<long, StoredTask>()
            : (await CollectionQueries.TasksByKeys(db, keys).ToListAsync(ct)).ToDictionary(t => t.Id, TaskWrites.ToStored);
        return collections.Select(c => View(c, tasks, reader)).ToList();
    }

    private static CollectionRecord View(Collection collection, IReadOnlyDictionary<long, StoredTask> tasks, CatalogReader reader)
    {
        var entries = new List<CollectionEntry>(collection.Items.Count);
        foreach (var item in collection.Items.OrderBy(i => i.Position))
        {
            if (!tasks.TryGetValue(item.TaskId, out var stored)) continue;
            var isPublic = PublicTaskLookup.Of(stored, CatalogReader.Public) is PublicTaskLookup.Found;
            if (reader == CatalogReader.Public && !isPublic) continue;
            if (PublicTaskLookup.Of(stored, reader) is not PublicTaskLookup.Found found) continue;
            entries.Add(new CollectionEntry(entries.Count + 1, item.Note, isPublic, found.Record));
        }

        return new CollectionRecord(collection.PublicId, collection.Title, collection.TitleEn, collection.Description, collection.DescriptionEn,
            collection.Date, collection.CreatedAt, collection.UpdatedAt, entries.Count, entries) { Version = collection.Version };
    }
}
