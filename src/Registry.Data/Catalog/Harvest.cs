using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Catalog;

/// <summary>What a harvester selects: a change window and at most one set (field prefix, level or status).</summary>
/// <param name="UntilExclusive">The window's end, excluded.</param>
public sealed record HarvestQuery(
    DateTimeOffset? From = null, DateTimeOffset? UntilExclusive = null,
    string? FieldPrefix = null, TaskLevel? Level = null, TaskStatus? Status = null);

/// <summary>Where the previous page ended: the last item's change time and id.</summary>
public readonly record struct HarvestPosition(DateTimeOffset UpdatedAt, string Id);

/// <summary>The header facts of one harvestable item.</summary>
/// <param name="Deleted">The task was public and no longer is (withdrawn, or back to draft after publication).</param>
public sealed record HarvestItem(string Id, DateTimeOffset UpdatedAt, bool Deleted, IReadOnlyList<string> FieldCodes, TaskLevel Level, TaskStatus Status);

/// <param name="CompleteListSize">Every item the query selects, across pages.</param>
public sealed record HarvestPage(IReadOnlyList<HarvestItem> Items, bool HasMore, int CompleteListSize);
