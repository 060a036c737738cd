using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>What a write did, in words, and the task as it now stands (curator view).</summary>
/// <param name="Outcome">created, updated, unchanged, published or withdrawn.</param>
/// <param name="Message">The outcome in Vietnamese, then English.</param>
public sealed record TaskWriteResponse(string Outcome, string Message, TaskRecord Task);

/// <summary>Body of POST /tasks/{id}/withdraw.</summary>
/// <param name="Reason">Why the task leaves the public registry (shown in its tombstone). Required.</param>
public sealed record WithdrawRequest(string? Reason);
