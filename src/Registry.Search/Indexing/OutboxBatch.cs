using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Search.Indexing;

/// <summary>
/// A leased batch with the catalogue's current state of its tasks, split into the curator saves
/// (<see cref="OutboxItem.Interactive"/>: written and made searchable first) and the rest (import rows).
/// </summary>
internal sealed record OutboxBatch(IReadOnlyList<OutboxItem> Items, int Requested, OutboxBatch.Part Urgent, OutboxBatch.Part Bulk)
{
    /// <summary>Tasks to upsert (present and published) and ids to remove (gone from the published catalogue).</summary>
    public sealed record Part(IReadOnlyList<TaskRecord> Published, IReadOnlyList<string> Gone)
    {
        public bool IsEmpty => Published.Count == 0 && Gone.Count == 0;
    }

    public List<long> Sequences => Items.Select(i => i.Sequence).ToList();

    /// <summary>The lease found fewer items than it asked for: nothing else is due now.</summary>
    public bool Drained => Items.Count < Requested;

    /// <summary>
    /// This batch with curator saves leased after it: the requested size grows by as many (a full batch stays
    /// full), and a task in both is taken as the saves' read found it (the newer state: published, or gone if the
    /// save withdrew it), never as this batch's older read.
    /// </summary>
    public OutboxBatch With(IReadOnlyList<OutboxItem> saves, IReadOnlyList<TaskRecord> savesPublished)
    {
        var saved = saves.Select(i => i.TaskId).ToHashSet(StringComparer.Ordinal);
        var older = Urgent.Published.Concat(Bulk.Published).Where(r => !saved.Contains(r.Id!));
        return Of([.. Items, .. saves], Requested + saves.Count, [.. older, .. savesPublished]);
    }

    public static OutboxBatch Of(IReadOnlyList<OutboxItem> items, int requested, IReadOnlyList<TaskRecord> published)
    {
        var urgent = items.Where(i => i.Interactive).Select(i => i.TaskId).ToHashSet(StringComparer.Ordinal);
        var present = published.Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);
        var gone = items.Select(i => i.TaskId).Distinct(StringComparer.Ordinal).Where(id => !present.Contains(id)).ToList();
        return new OutboxBatch(items, requested,
            new Part(published.Where(r => urgent.Contains(r.Id!)).ToList(), gone.Where(urgent.Contains).ToList()),
            new Part(published.Where(r => !urgent.Contains(r.Id!)).ToList(), gone.Where(id => !urgent.Contains(id)).ToList()));
    }
}
