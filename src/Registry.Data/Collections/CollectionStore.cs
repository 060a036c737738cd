using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Entities;
using Registry.Data.Store;
using Registry.Data.Validation;

namespace Registry.Data.Collections;

/// <summary>
/// The store of collections. Each write runs in its own context and commits with one SaveChanges (one transaction):
/// the collection, its items and the audit entry land together or not at all.
/// </summary>
internal sealed class CollectionStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : ICollectionStore
{
    private const int MaxPageSize = 200;

    public async Task<CollectionRecord?> FindAsync(string id, CatalogReader reader = CatalogReader.Public, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var collection = await CollectionQueries.ById(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
        return collection is null ? null : await CollectionViews.ReadAsync(db, collection, reader, ct);
    }

    public async Task<IReadOnlyDictionary<string, CollectionRecord>> FindManyAsync(IReadOnlyCollection<string> ids, CatalogReader reader = CatalogReader.Public,
        CancellationToken ct = default)
    {
        var wanted = ids.Where(id => PublicIds.IsWellFormed(id, 'c')).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return new Dictionary<string, CollectionRecord>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var collections = await CollectionQueries.ByIds(db, wanted).AsNoTracking().ToListAsync(ct);
        var views = await CollectionViews.ReadManyAsync(db, collections, reader, ct);
        return views.ToDictionary(v => v.Id, StringComparer.Ordinal);
    }

    public async Task<CollectionPage> ListAsync(string? cursor, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        (DateOnly, long)? after = string.IsNullOrEmpty(cursor) ? null : CollectionQueries.DecodeCursor(cursor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await CollectionQueries.Page(db, after, size + 1).ToListAsync(ct);
        var total = await db.Set<Collection>().CountAsync(ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? CollectionQueries.EncodeCursor(page[^1].Date, page[^1].Key) : null;
        return new CollectionPage(page.Select(r => r.ToSummary()).ToList(), next, total);
    }

    public async Task<CollectionRecord?> FindCurrentAsync(DateOnly today, CancellationToken ct = default)
    {
        var (from, to) = CurrentCollection.Window(today);
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await CollectionQueries.Dated(db, from, to).ToListAsync(ct);
        if (CurrentCollection.Pick(candidates.Select(r => r.ToSummary()), today) is not { } current) return null;
        var collection = await CollectionQueries.ById(db, current.Id).AsNoTracking().SingleOrDefaultAsync(ct);
        return collection is null ? null : await CollectionViews.ReadAsync(db, collection, CatalogReader.Public, ct);
    }

    public async Task<IReadOnlyList<PublicEntry>> ListEntriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await CollectionQueries.Entries(db).ToListAsync(ct);
    }

    public async Task<CollectionWriteResult> CreateAsync(CollectionInput input, Actor actor, CancellationToken ct = default)
    {
        if (Invalid(input) is { } invalid) return invalid;
        await using var db = await factory.CreateDbContextAsync(ct);
        var (keys, refused) = await CollectionItems.ResolveAsync(db, input.Items ?? [], ct);
        if (refused is not null) return refused;

        var now = clock.GetUtcNow();
        var collection = new Collection { PublicId = PublicIds.NewCollectionId(), Version = 1, CreatedAt = now, UpdatedAt = now };
        CollectionItems.Apply(collection, input, keys);
        db.Add(collection);
        var changes = TaskChanges.Created(CollectionItems.Snapshot(collection, keys.References));
        db.AuditEntries.Add(Audit(collection, AuditAction.Create, changes, actor, now));
        return await SaveAsync(db, collection, WriteStatus.Created, ct);
    }

    public async Task<CollectionWriteResult> UpdateAsync(string id, CollectionInput input, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        if (Invalid(input) is { } invalid) return invalid;
        await using var db = await factory.CreateDbContextAsync(ct);
        var collection = await CollectionQueries.ById(db, id).SingleOrDefaultAsync(ct);
        if (collection is null) return new CollectionWriteResult(WriteStatus.NotFound);
        if (expectedVersion is { } v && v != collection.Version) return await MismatchAsync(db, collection, ct);
        var (keys, refused) = await CollectionItems.ResolveAsync(db, input.Items ?? [], ct);
        if (refused is not null) return refused;

        var before = CollectionItems.Snapshot(collection, await CollectionItems.PublicIdsAsync(db, collection, keys, ct));
        var now = clock.GetUtcNow();
        CollectionItems.Apply(collection, input, keys);
        var changes = TaskChanges.Diff(before, CollectionItems.Snapshot(collection, keys.References));
        if (changes.Count == 0)
        {
            return new CollectionWriteResult(WriteStatus.Unchanged, await CollectionViews.ReadAsync(db, collection, CatalogReader.Curator, ct));
        }

        collection.Version++;
        collection.UpdatedAt = now > collection.UpdatedAt ? now : collection.UpdatedAt.AddTicks(1);
        db.AuditEntries.Add(Audit(collection, AuditAction.Update, changes, actor, now));
        return await SaveAsync(db, collection, WriteStatus.Ok, ct);
    }

    public async Task<CollectionWriteResult> DeleteAsync(string id, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var collection = await CollectionQueries.ById(db, id).SingleOrDefaultAsync(ct);
        if (collection is null) return new CollectionWriteResult(WriteStatus.NotFound);
        if (expectedVersion is { } v && v != collection.Version) return await MismatchAsync(db, collection, ct);

        var snapshot = CollectionItems.Snapshot(collection, await CollectionItems.PublicIdsAsync(db, collection, CollectionItems.Resolved.Empty, ct));
        var changes = TaskChanges.Diff(snapshot, new JsonObject());
        var now = clock.GetUtcNow();
        db.Remove(collection);
        db.AuditEntries.Add(Audit(collection, AuditAction.Delete, changes, actor, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return new CollectionWriteResult(WriteStatus.Ok);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CollectionWriteResult(WriteStatus.VersionMismatch);
        }
    }

    private static CollectionWriteResult? Invalid(CollectionInput input)
    {
        var errors = CollectionValidator.Validate(input);
        return errors.Count > 0 ? new CollectionWriteResult(WriteStatus.Invalid, Errors: errors) : null;
    }

    private static async Task<CollectionWriteResult> MismatchAsync(RegistryDbContext db, Collection collection, CancellationToken ct) =>
        new(WriteStatus.VersionMismatch, await CollectionViews.ReadAsync(db, collection, CatalogReader.Curator, ct));

    private static AuditEntry Audit(Collection collection, AuditAction action, JsonObject changes, Actor actor, DateTimeOffset now) => new()
    {
        At = now,
        Actor = actor.Name,
        Action = action,
        EntityId = collection.PublicId,
        ChangesJson = changes.ToJsonString(Records.RegistryJson.Options),
    };

    private static async Task<CollectionWriteResult> SaveAsync(RegistryDbContext db, Collection collection, WriteStatus status, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CollectionWriteResult(WriteStatus.VersionMismatch);
        }
        return new CollectionWriteResult(status, await CollectionViews.ReadAsync(db, collection, CatalogReader.Curator, ct));
    }
}
