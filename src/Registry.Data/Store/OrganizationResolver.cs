using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Store;

/// <summary>
/// Finds or creates host organizations by normalised name within one unit of work, caching what it has seen so
/// a batch of a thousand rows costs one query.
/// </summary>
internal sealed class OrganizationResolver(RegistryDbContext db)
{
    private readonly Dictionary<string, HostOrganization> _byName = new(StringComparer.Ordinal);

    public async Task PreloadAsync(IEnumerable<OrganizationRef> refs, CancellationToken ct)
    {
        var names = refs.Select(r => OrganizationNames.Normalize(r.Name!)).Where(n => !_byName.ContainsKey(n)).Distinct().ToList();
        if (names.Count == 0) return;
        foreach (var org in await TaskQueries.OrganizationsByNormalizedNames(db, names).ToListAsync(ct))
        {
            _byName[org.NormalizedName] = org;
        }
    }

    /// <summary>A detached organization as it would be after the write: for comparing, never saved.</summary>
    public HostOrganization Preview(OrganizationRef incoming)
    {
        var key = OrganizationNames.Normalize(incoming.Name!);
        var preview = _byName.TryGetValue(key, out var existing)
            ? new HostOrganization
            {
                Id = existing.Id, PublicId = existing.PublicId, Name = existing.Name, NormalizedName = key,
                Type = existing.Type, Province = existing.Province, Commune = existing.Commune, Ror = existing.Ror,
            }
            : new HostOrganization { Name = OrganizationNames.Clean(incoming.Name!), NormalizedName = key };
        TaskChanges.ApplyOrganization(preview, incoming, default);
        return preview;
    }

    /// <summary>The tracked organization for <paramref name="incoming"/>, created (and added) when new.</summary>
    public HostOrganization Resolve(OrganizationRef incoming, DateTimeOffset now)
    {
        var key = OrganizationNames.Normalize(incoming.Name!);
        if (_byName.TryGetValue(key, out var existing))
        {
            if (TaskChanges.OrganizationChanges(existing, incoming))
            {
                TaskChanges.ApplyOrganization(existing, incoming, now);
                // Batches run with automatic change detection off: flag this one change explicitly.
                db.Entry(existing).DetectChanges();
            }
            return existing;
        }
        var created = new HostOrganization
        {
            PublicId = PublicIds.NewOrganizationId(),
            Name = OrganizationNames.Clean(incoming.Name!),
            NormalizedName = key,
            Type = incoming.Type,
            Province = TaskMapper.Text(incoming.Province),
            Commune = TaskMapper.Text(incoming.Commune),
            Ror = TaskMapper.Id(incoming.Ror, Identifiers.Ror),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organizations.Add(created);
        _byName[key] = created;
        return created;
    }
}
