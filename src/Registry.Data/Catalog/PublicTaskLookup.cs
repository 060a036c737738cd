using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>Who reads: the public sees published tasks only; curators see every task as stored, contacts included.</summary>
public enum CatalogReader
{
    Public,
    Curator,
}

/// <summary>
/// What a reader gets when asking for one task: the task, a tombstone (withdrawn, invariant 2), or nothing (unknown,
/// or a draft the public may not know of). <see cref="Of"/> is the one place that decides; surfaces only map it.
/// </summary>
public abstract record PublicTaskLookup
{
    private PublicTaskLookup()
    {
    }

    /// <param name="Record">The reader's view: public (no contacts) or curator (everything).</param>
    /// <param name="Version">The stored version, for strong ETags.</param>
    public sealed record Found(TaskRecord Record, long Version) : PublicTaskLookup
    {
        public string Id => Record.Id!;
    }

    public sealed record Gone(TaskTombstone Tombstone) : PublicTaskLookup;

    public sealed record NotFound : PublicTaskLookup
    {
        public static readonly NotFound Instance = new();
    }

    /// <summary>Published: found. Withdrawn: gone. Draft or unknown: not found. Curators find every stored task.</summary>
    public static PublicTaskLookup Of(StoredTask? task, CatalogReader reader)
    {
        if (task is null) return NotFound.Instance;
        if (reader == CatalogReader.Curator) return new Found(task.Record with { Visibility = task.Visibility }, task.Version);
        return task.Visibility switch
        {
            Visibility.Published => new Found(PublicView(task), task.Version),
            Visibility.Withdrawn => new Gone(TaskTombstone.Of(task)),
            _ => NotFound.Instance,
        };
    }

    /// <summary>A published task as the public sees it: no contact e-mail or phone (invariant 3).</summary>
    internal static TaskRecord PublicView(StoredTask task) => TaskRecordProjection.ForPublic(task.Record) with { Visibility = task.Visibility };
}

/// <summary>All that remains public of a withdrawn task.</summary>
/// <param name="WithdrawnAt">The task's last change: the withdrawal itself unless a curator corrected it since.</param>
public sealed record TaskTombstone(string Id, string? Code, DateTimeOffset? WithdrawnAt, string? WithdrawalReason)
{
    public static TaskTombstone Of(StoredTask task) => new(task.Id, task.Record.Code, task.Record.UpdatedAt, task.WithdrawalReason);
}
