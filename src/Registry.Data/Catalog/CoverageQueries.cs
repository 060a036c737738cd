using Microsoft.EntityFrameworkCore;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Catalog;

/// <summary>What the coverage report needs of one registered task: a narrow row, no text.</summary>
internal sealed class CoverageFact
{
    public string? ManagingAgency { get; init; }
    public DateOnly? ApprovalDate { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Published { get; init; }
    public bool HasSummary { get; init; }
    public bool Finished { get; init; }
    public bool HasResults { get; init; }
}

internal static class CoverageQueries
{
    /// <summary>
    /// Every task that is not withdrawn, as narrow rows. The reporting year falls back through three columns, one
    /// of them stored as ticks, so it is computed in memory; a province registers thousands of tasks, not millions.
    /// </summary>
    public static IQueryable<CoverageFact> Registered(RegistryDbContext db) =>
        db.Tasks.AsNoTracking()
            .Where(t => t.Visibility != Visibility.Withdrawn)
            .Select(t => new CoverageFact
            {
                ManagingAgency = t.ManagingAgency,
                ApprovalDate = t.ApprovalDecision!.Date,
                StartDate = t.StartDate,
                CreatedAt = t.CreatedAt,
                Published = t.Visibility == Visibility.Published,
                HasSummary = t.Summary != null && t.Summary != "",
                Finished = t.Status == TaskStatus.Accepted || t.Status == TaskStatus.ResultsRegistered || t.Status == TaskStatus.Applied,
                HasResults = t.Results != null && t.Results != "",
            });
}
