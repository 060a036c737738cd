using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>What each audience sees of a stored task.</summary>
internal static class TaskViews
{
    /// <summary>Curators see everything, contacts included.</summary>
    public static TaskRecord ForCurator(StoredTask task) => task.Record with { Visibility = task.Visibility };

    /// <summary>The public sees no contact e-mail or phone (invariant 3).</summary>
    public static TaskRecord ForPublic(StoredTask task) => TaskRecordProjection.ForPublic(task.Record) with { Visibility = task.Visibility };
}
