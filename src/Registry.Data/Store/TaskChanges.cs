using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Store;

/// <summary>
/// Decides whether a write changes anything and describes the change for the audit log. Both sides are compared
/// in their stored form (after trimming and organization resolution), so re-sending a record as read is a no-op.
/// </summary>
internal static class TaskChanges
{
    /// <summary>The comparable JSON of a stored task: content and visibility, without ids or timestamps.</summary>
    public static JsonObject Snapshot(ScienceTask t)
    {
        var record = TaskMapper.ToRecord(t) with
        {
            Id = null,
            CreatedAt = null,
            UpdatedAt = null,
            PublishedAt = null,
            HostOrganization = TaskMapper.ToRef(t.HostOrganization) with { Id = null },
        };
        var node = JsonSerializer.SerializeToNode(record, RegistryJson.Options)!.AsObject();
        if (t.WithdrawalReason is not null) node["withdrawalReason"] = t.WithdrawalReason;
        return node;
    }

    /// <summary>Field → {from, to} for every top-level field that differs; empty when nothing changed.</summary>
    public static JsonObject Diff(JsonObject? before, JsonObject after)
    {
        var changes = new JsonObject();
        var names = (before?.Select(p => p.Key) ?? []).Union(after.Select(p => p.Key));
        foreach (var name in names)
        {
            var from = before?[name];
            var to = after[name];
            if (JsonNode.DeepEquals(from, to)) continue;
            changes[name] = new JsonObject { ["from"] = from?.DeepClone(), ["to"] = to?.DeepClone() };
        }
        return changes;
    }

    /// <summary>The changes of a new task: every field from null. Moves the snapshot's nodes instead of copying them.</summary>
    public static JsonObject Created(JsonObject snapshot)
    {
        var changes = new JsonObject();
        foreach (var name in snapshot.Select(p => p.Key).ToList())
        {
            var value = snapshot[name];
            snapshot.Remove(name);
            changes[name] = new JsonObject { ["from"] = null, ["to"] = value };
        }
        return changes;
    }

    /// <summary>
    /// A detached copy of the organization as it would be after applying <paramref name="incoming"/>: type, province
    /// and commune are updated when given; the name keeps the form first written.
    /// </summary>
    public static bool OrganizationChanges(HostOrganization org, OrganizationRef incoming) =>
        (incoming.Type is { } type && type != org.Type)
        || (TaskMapper.Text(incoming.Province) is { } province && province != org.Province)
        || (TaskMapper.Text(incoming.Commune) is { } commune && commune != org.Commune)
        || (TaskMapper.Id(incoming.Ror, Identifiers.Ror) is { } ror && ror != org.Ror);

    public static void ApplyOrganization(HostOrganization org, OrganizationRef incoming, DateTimeOffset now)
    {
        if (!OrganizationChanges(org, incoming)) return;
        org.Type = incoming.Type ?? org.Type;
        org.Province = TaskMapper.Text(incoming.Province) ?? org.Province;
        org.Commune = TaskMapper.Text(incoming.Commune) ?? org.Commune;
        org.Ror = TaskMapper.Id(incoming.Ror, Identifiers.Ror) ?? org.Ror;
        org.UpdatedAt = now;
    }
}
