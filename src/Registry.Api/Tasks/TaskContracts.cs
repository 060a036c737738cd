using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>What a write did, in words, and the task as it now stands (curator view).</summary>
/// <param name="Outcome">created, updated, unchanged, published or withdrawn.</param>
/// <param name="Message">The outcome in Vietnamese, then English.</param>
public sealed record TaskWriteResponse(string Outcome, string Message, TaskRecord Task);

/// <summary>Body of POST /tasks/{id}/withdraw.</summary>
/// <param name="Reason">Why the task leaves the public registry (shown in its tombstone). Required.</param>
public sealed record WithdrawRequest(string? Reason);

/// <summary>The list envelope shared by every collection.</summary>
public sealed record TaskListResponse(ListMeta Meta, IReadOnlyList<TaskRecord> Results);

/// <param name="Count">How many items the whole listing holds (null when the store cannot tell cheaply).</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last page.</param>
/// <param name="PageSize">The page size used.</param>
public sealed record ListMeta(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor,
    int PageSize);

/// <summary>Query of the plain task listing.</summary>
public sealed record ListTasksQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Results per page, 1–200 (default 25).")]
    public int? PageSize { get; init; }
}
