using Registry.Api.GraphQL.Common;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>
/// What GraphQL shows of a stored task, decided here only: published → its public record (no contacts); withdrawn →
/// asked for directly, a GONE error with the tombstone, in a list left out; draft or unknown → nothing.
/// </summary>
public static class PublicTasks
{
    /// <summary>A direct lookup (<c>task</c>, <c>taskByCode</c>).</summary>
    /// <exception cref="RegistryError">GONE: the task was withdrawn.</exception>
    public static TaskRecord? Present(StoredTask? stored) => stored?.Visibility switch
    {
        Visibility.Published => TaskRecordProjection.ForPublic(stored.Record),
        Visibility.Withdrawn => throw Gone(stored),
        _ => null,
    };

    /// <summary>A member of a list (search, related): published or nothing.</summary>
    public static TaskRecord? Listed(StoredTask? stored) =>
        stored is { Visibility: Visibility.Published } ? TaskRecordProjection.ForPublic(stored.Record) : null;

    private static RegistryError Gone(StoredTask stored) => new(ErrorCodes.Gone,
        "Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai (this task was withdrawn from the public registry).",
        details: new Dictionary<string, object?>
        {
            ["id"] = stored.Id,
            ["taskCode"] = stored.Record.Code,
            ["withdrawnAt"] = stored.Record.UpdatedAt?.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ["withdrawalReason"] = stored.WithdrawalReason,
        });
}
