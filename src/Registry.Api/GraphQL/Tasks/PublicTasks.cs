using Registry.Api.GraphQL.Common;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>
/// How GraphQL shows the catalogue's decision (<see cref="PublicTaskLookup.Of"/>, the one place that decides):
/// found → the public record; gone → asked for directly, a GONE error with the tombstone, in a list left out;
/// not found → nothing.
/// </summary>
public static class PublicTasks
{
    /// <summary>The public reader's view of a stored task, or of one the store does not have.</summary>
    public static PublicTaskLookup Of(StoredTask? stored) => PublicTaskLookup.Of(stored, CatalogReader.Public);

    /// <summary>A direct lookup (<c>task</c>, <c>taskByCode</c>).</summary>
    /// <exception cref="RegistryError">GONE: the task was withdrawn.</exception>
    public static TaskRecord? Present(PublicTaskLookup? lookup) => lookup switch
    {
        PublicTaskLookup.Found found => found.Record,
        PublicTaskLookup.Gone gone => throw Gone(gone.Tombstone),
        _ => null,
    };

    /// <summary>A member of a list (search, related): found or nothing.</summary>
    public static TaskRecord? Listed(PublicTaskLookup? lookup) => (lookup as PublicTaskLookup.Found)?.Record;

    private static RegistryError Gone(TaskTombstone tombstone) => new(ErrorCodes.Gone,
        "Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai (this task was withdrawn from the public registry).",
        details: new Dictionary<string, object?>
        {
            ["id"] = tombstone.Id,
            ["taskCode"] = tombstone.Code,
            ["withdrawnAt"] = tombstone.WithdrawnAt?.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ["withdrawalReason"] = tombstone.WithdrawalReason,
        });
}
