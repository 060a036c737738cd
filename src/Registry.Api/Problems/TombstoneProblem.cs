namespace Registry.Api.Problems;

/// <summary>
/// The 410 answer for a withdrawn task: a problem of type <c>…/problems/gone</c> that keeps only the tombstone.
/// Documents what <c>TaskHandlers.NotPublic</c> writes; the contract tests validate real 410 answers against it.
/// </summary>
/// <param name="Type">https://registry.phutho.gov.vn/problems/gone</param>
/// <param name="Id">The withdrawn task's public id.</param>
/// <param name="Code">Its registry code.</param>
/// <param name="WithdrawnAt">When it was withdrawn.</param>
/// <param name="WithdrawalReason">Why, as the curator wrote it.</param>
/// <param name="TraceId">The request's trace id, for reports.</param>
public sealed record TombstoneProblem(string Type, string Title, int Status, string Detail, string Id, string Code,
    DateTimeOffset? WithdrawnAt, string? WithdrawalReason, string TraceId);
