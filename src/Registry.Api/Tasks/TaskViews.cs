using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>What curators see of a task they just wrote: everything, contacts included.</summary>
internal static class TaskViews
{
    public static TaskRecord ForCurator(StoredTask task) => task.Record with { Visibility = task.Visibility };
}
