using System.Xml.Linq;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Feeds.Oai;

/// <summary>One CERIF entity other than a project, as a harvester sees it: header facts and, unless deleted, its record.</summary>
public sealed record OaiEntityItem(OaiItemId Id, DateTimeOffset Datestamp, bool Deleted, XElement? Metadata)
{
    public XElement Header() => OaiResponse.Header(Id, Datestamp, Deleted);
}

/// <summary>A page of entities, and the position of the last task or organization it read (null when the list is done).</summary>
public sealed record OaiEntityPage(IReadOnlyList<OaiEntityItem> Items, HarvestPosition? Next, int? CompleteListSize);

/// <summary>
/// OrgUnits, Persons, Fundings and Products for OAI-PMH. Persons, fundings and products are drawn from tasks and
/// share their task's datestamp; a withdrawn task's funding is a deleted record, its persons and products are too
/// when asked for by identifier. Organizations are those the public directory shows, dated by their last change
/// or the first publication of their newest published task, whichever is later.
/// </summary>
public sealed class OaiEntities(IPublicCatalog catalog, IOrganizationDirectory directory)
{
    /// <summary>Task pages read at most per request while looking for a non-empty page of persons or products.</summary>
    private const int MaxTaskPagesPerRequest = 20;

    public async Task<OaiEntityItem?> FindAsync(OaiItemId id, CancellationToken ct)
    {
        if (id.Entity == OaiEntity.OrgUnit)
        {
            var org = await directory.FindAsync(id.OwnerId, ct);
            return org is null ? null : new OaiEntityItem(id, org.ChangedAt ?? DateTimeOffset.UnixEpoch, false, OaiCerif.OrgUnit(org.Id, org.Name, org.Type, org.Ror));
        }
        var task = await catalog.FindHarvestItemAsync(id.OwnerId, ct);
        if (task is null) return null;
        if (task.Deleted) return new OaiEntityItem(id, task.UpdatedAt, true, null);
        var record = (await catalog.GetPublishedAsync([task.Id], ct)).SingleOrDefault();
        if (record is null) return new OaiEntityItem(id, task.UpdatedAt, true, null);
        return Expand(record, task.UpdatedAt, id.Entity).FirstOrDefault(i => i.Id == id);
    }

    /// <summary>
    /// Entities of one kind drawn from tasks, a page of tasks at a time after <paramref name="after"/>, reading on
    /// while a page yields nothing. The next position is given only when a later task yields something, so a
    /// resumption token never leads to an empty list.
    /// </summary>
    public async Task<OaiEntityPage> ListFromTasksAsync(OaiEntity entity, OaiSelection selection, HarvestPosition? after, int size, CancellationToken ct)
    {
        var query = new HarvestQuery(selection.From, selection.UntilExclusive);
        var items = new List<OaiEntityItem>();
        var position = after;
        var more = true;
        for (var pages = 0; more && items.Count == 0 && pages < MaxTaskPagesPerRequest; pages++)
        {
            (more, position) = await ReadAsync(query, position, size, entity, items, ct);
        }
        if (!more) return new OaiEntityPage(items, null, null);
        // Look ahead: only promise more when there is more.
        var probe = position;
        for (var pages = 0; pages < MaxTaskPagesPerRequest; pages++)
        {
            var found = new List<OaiEntityItem>();
            (more, probe) = await ReadAsync(query, probe, size, entity, found, ct);
            if (found.Count > 0) return new OaiEntityPage(items, position, null);
            if (!more) return new OaiEntityPage(items, null, null);
        }
        return new OaiEntityPage(items, position, null);
    }

    /// <summary>Reads one page of tasks into <paramref name="items"/>; whether tasks remain, and the last task's position.</summary>
    private async Task<(bool More, HarvestPosition? Position)> ReadAsync(HarvestQuery query, HarvestPosition? after, int size,
        OaiEntity entity, List<OaiEntityItem> items, CancellationToken ct)
    {
        var page = await catalog.HarvestAsync(query, after, size, ct);
        if (page.Items.Count == 0) return (false, after);
        var records = (await catalog.GetPublishedAsync(page.Items.Where(i => !i.Deleted).Select(i => i.Id).ToList(), ct)).ToDictionary(r => r.Id!);
        foreach (var task in page.Items)
        {
            if (records.TryGetValue(task.Id, out var record)) items.AddRange(Expand(record, task.UpdatedAt, entity));
            else if (entity == OaiEntity.Funding) items.Add(new OaiEntityItem(OaiItemId.Funding(task.Id), task.UpdatedAt, true, null));
        }
        return (page.HasMore, new HarvestPosition(page.Items[^1].UpdatedAt, page.Items[^1].Id));
    }

    /// <summary>Public organizations changed in the window, oldest change first then by id, after <paramref name="after"/>.</summary>
    public async Task<OaiEntityPage> ListOrgUnitsAsync(OaiSelection selection, HarvestPosition? after, int size, CancellationToken ct)
    {
        var stamps = (await directory.ListStampsAsync(ct))
            .Select(s => s with { ChangedAt = Seconds(s.ChangedAt) })
            .Where(s => (selection.From is not { } from || s.ChangedAt >= from) && (selection.UntilExclusive is not { } until || s.ChangedAt < until))
            .OrderBy(s => s.ChangedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var rest = after is { } a
            ? stamps.Where(s => s.ChangedAt > a.UpdatedAt || (s.ChangedAt == a.UpdatedAt && string.CompareOrdinal(s.Id, a.Id) > 0)).ToList()
            : stamps;
        var shown = rest.Take(size).ToList();
        var orgs = await directory.FindManyAsync(shown.Select(s => s.Id).ToList(), ct);
        var items = shown.Where(s => orgs.ContainsKey(s.Id)).Select(s =>
        {
            var o = orgs[s.Id];
            return new OaiEntityItem(OaiItemId.OrgUnit(s.Id), s.ChangedAt, false, OaiCerif.OrgUnit(o.Id, o.Name, o.Type, o.Ror));
        }).ToList();
        var next = rest.Count > size ? new HarvestPosition(shown[^1].ChangedAt, shown[^1].Id) : (HarvestPosition?)null;
        return new OaiEntityPage(items, next, stamps.Count);
    }

    /// <summary>The entities of one kind a published task holds, in record order.</summary>
    private static IEnumerable<OaiEntityItem> Expand(TaskRecord r, DateTimeOffset datestamp, OaiEntity entity)
    {
        switch (entity)
        {
            case OaiEntity.Funding:
                yield return new OaiEntityItem(OaiItemId.Funding(r.Id!), datestamp, false, OaiCerif.Funding(r));
                break;
            case OaiEntity.Person:
                if (r.PrincipalInvestigator is { } pi) yield return PersonItem(OaiItemId.Person(r.Id!, 0), pi, datestamp);
                var members = r.Members ?? [];
                for (var i = 0; i < members.Count; i++) yield return PersonItem(OaiItemId.Person(r.Id!, i + 1), members[i], datestamp);
                break;
            case OaiEntity.Product:
                var outputs = r.Outputs ?? [];
                for (var i = 0; i < outputs.Count; i++)
                {
                    var id = OaiItemId.Product(r.Id!, i);
                    yield return new OaiEntityItem(id, datestamp, false, OaiCerif.Product(id, outputs[i], r));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entity), entity, "Projects and org units are not drawn from a task's parts.");
        }
    }

    private static OaiEntityItem PersonItem(OaiItemId id, PersonRecord person, DateTimeOffset datestamp) =>
        new(id, datestamp, false, OaiCerif.Person(id, person));

    /// <summary>Datestamps are shown to the second; windows and positions compare what is shown.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
