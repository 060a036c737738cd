using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Validation;

namespace Registry.Data.Collections;

/// <summary>Turning a curator's items into rows: task references resolved, duplicates refused, items kept in order.</summary>
internal static class CollectionItems
{
    /// <summary>The task keys of the items in order, and the public id of each key (for the audit snapshot).</summary>
    public sealed record Resolved(IReadOnlyList<long> Keys, IReadOnlyDictionary<long, string> References)
    {
        public static readonly Resolved Empty = new([], new Dictionary<long, string>());
    }

    /// <summary>Every reference resolved by public id, else by code; unknown and repeated tasks are refused by item.</summary>
    public static async Task<(Resolved Keys, CollectionWriteResult? Refused)> ResolveAsync(
        RegistryDbContext db, IReadOnlyList<CollectionItemInput> items, CancellationToken ct)
    {
        var references = items.Select(i => TextHygiene.Stored(i.Task)!).ToList();
        if (references.Count == 0) return (Resolved.Empty, null);
        var found = await CollectionQueries.TasksReferenced(db, references.Distinct(StringComparer.Ordinal).ToList()).ToListAsync(ct);
        var byId = found.ToDictionary(t => t.PublicId, StringComparer.Ordinal);
        var byCode = found.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var keys = new List<long>(references.Count);
        var firstAt = new Dictionary<long, int>();
        var errors = new List<FieldError>();
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            var task = byId.GetValueOrDefault(reference) ?? byCode.GetValueOrDefault(reference);
            if (task is null) errors.Add(CollectionValidator.UnknownTask(i, reference));
            else if (!firstAt.TryAdd(task.Key, i)) errors.Add(CollectionValidator.DuplicateTask(i, firstAt[task.Key], reference));
            else keys.Add(task.Key);
            if (errors.Count >= CollectionValidator.MaxItemErrors) break;
        }

        if (errors.Count > 0) return (Resolved.Empty, new CollectionWriteResult(WriteStatus.Invalid, Errors: errors));
        return (new Resolved(keys, found.ToDictionary(t => t.Key, t => t.PublicId)), null);
    }

    /// <summary>Writes the content onto the tracked entity; existing item rows are reused by position, extras removed.</summary>
    public static void Apply(Collection collection, CollectionInput input, Resolved resolved)
    {
        collection.Title = TextHygiene.Stored(input.Title)!;
        collection.TitleEn = TextHygiene.Stored(input.TitleEn);
        collection.Description = TextHygiene.Stored(input.Description);
        collection.DescriptionEn = TextHygiene.Stored(input.DescriptionEn);
        collection.Date = input.Date!.Value;

        var notes = (input.Items ?? []).Select(i => TextHygiene.Stored(i.Note)).ToList();
        var existing = collection.Items.OrderBy(i => i.Position).ToList();
        for (var i = 0; i < resolved.Keys.Count; i++)
        {
            // Positions of kept rows never change, so the unique (collection, position) index holds at every statement.
            if (i < existing.Count)
            {
                existing[i].TaskId = resolved.Keys[i];
                existing[i].Note = notes[i];
            }
            else
            {
                collection.Items.Add(new CollectionItem { Position = i + 1, TaskId = resolved.Keys[i], Note = notes[i] });
            }
        }
        foreach (var extra in existing.Skip(resolved.Keys.Count)) collection.Items.Remove(extra);
    }

    /// <summary>The public ids of the collection's current tasks, reusing those already known.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> PublicIdsAsync(RegistryDbContext db, Collection collection, Resolved known, CancellationToken ct)
    {
        var map = new Dictionary<long, string>(known.References);
        var missing = collection.Items.Select(i => i.TaskId).Where(k => !map.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var t in await db.Tasks.Where(t => missing.Contains(t.Id)).Select(t => new { t.Id, t.PublicId }).ToListAsync(ct))
            {
                map[t.Id] = t.PublicId;
            }
        }
        return map;
    }

    /// <summary>The comparable JSON of a collection's content (no ids, no timestamps): the audit's before and after.</summary>
    public static JsonObject Snapshot(Collection c, IReadOnlyDictionary<long, string> publicIds)
    {
        var node = new JsonObject { ["title"] = c.Title };
        if (c.TitleEn is not null) node["titleEn"] = c.TitleEn;
        if (c.Description is not null) node["description"] = c.Description;
        if (c.DescriptionEn is not null) node["descriptionEn"] = c.DescriptionEn;
        node["date"] = c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = new JsonArray();
        foreach (var item in c.Items.OrderBy(i => i.Position))
        {
            var entry = new JsonObject { ["task"] = publicIds.GetValueOrDefault(item.TaskId) };
            if (item.Note is not null) entry["note"] = item.Note;
            items.Add(entry);
        }
        node["items"] = items;
        return node;
    }
}
