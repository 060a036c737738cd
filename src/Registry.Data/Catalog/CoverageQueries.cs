using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Catalog;

/// <summary>What the coverage report needs of one task: a narrow row, no text.</summary>
internal sealed class CoverageFact
{
    public long Id { get; init; }
    public string? ManagingAgency { get; init; }
    public DateOnly? ApprovalDate { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Visibility Visibility { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public bool HasSummary { get; init; }
    public bool Finished { get; init; }
    public bool HasResults { get; init; }
    /// <summary>The earliest coverage item's date; null when the task has none (filled from <see cref="CoverageQueries.FirstCoverage"/>).</summary>
    public DateOnly? FirstCoverage { get; set; }
}

/// <summary>The moment figures are read "as of": an instant (exclusive) and the Vietnamese calendar day it closes (inclusive).</summary>
internal readonly record struct CoverageCut(DateTimeOffset Before, DateOnly LastDay)
{
    public static CoverageCut End(ReportingPeriod period) => new(period.EndsBefore, period.EndDate);
}

internal sealed class CoverageFirst
{
    public long TaskId { get; init; }
    public DateOnly Date { get; init; }
}

/// <summary>A gap-list row before its reporting year is computed.</summary>
internal sealed class CoverageGapRow
{
    public string PublicId { get; init; } = "";
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string? ManagingAgency { get; init; }
    public DateOnly? ApprovalDate { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public TaskStatus Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}

internal static class CoverageQueries
{
    /// <summary>
    /// Every task, withdrawn ones included (a task withdrawn after a period's end still counts in that period), as
    /// narrow rows. The reporting year falls back through three columns, one of them stored as ticks, so it is
    /// computed in memory. The first coverage date comes from <see cref="FirstCoverage"/>: one grouped scan of the
    /// coverage table is cheaper than a correlated subquery per task.
    /// </summary>
    public static IQueryable<CoverageFact> Facts(RegistryDbContext db) =>
        db.Tasks.AsNoTracking()
            .Select(t => new CoverageFact
            {
                Id = t.Id,
                ManagingAgency = t.ManagingAgency,
                ApprovalDate = t.ApprovalDecision!.Date,
                StartDate = t.StartDate,
                CreatedAt = t.CreatedAt,
                Visibility = t.Visibility,
                PublishedAt = t.PublishedAt,
                WithdrawnAt = t.WithdrawnAt,
                HasSummary = t.Summary != null && t.Summary != "",
                Finished = t.Status == TaskStatus.Accepted || t.Status == TaskStatus.ResultsRegistered || t.Status == TaskStatus.Applied,
                HasResults = t.Results != null && t.Results != "",
            });

    /// <summary>Each covered task's earliest coverage date.</summary>
    public static IQueryable<CoverageFirst> FirstCoverage(RegistryDbContext db) =>
        db.Set<TaskCoverage>().AsNoTracking()
            .GroupBy(c => c.TaskId)
            .Select(g => new CoverageFirst { TaskId = g.Key, Date = g.Min(c => c.Date) });

    /// <summary>
    /// The tasks of one gap list that are public today (a withdrawn task is counted in the figures of the periods it
    /// was published in, but never listed: its page answers 410). Ordered by code.
    /// </summary>
    public static IQueryable<ScienceTask> Gaps(RegistryDbContext db, CoverageGapKind kind, CoverageCut? cut, string? agency, int? year)
    {
        var query = db.Tasks.AsNoTracking().Where(t => t.Visibility == Visibility.Published);
        if (cut is { } at)
        {
            var before = at.Before;
            query = query.Where(t => t.PublishedAt < before);
        }
        query = kind switch
        {
            CoverageGapKind.NotCommunicated when cut is { } by => NotCommunicatedBy(query, by.LastDay),
            CoverageGapKind.NotCommunicated => query.Where(t => !t.Coverage.Any()),
            CoverageGapKind.NoResults => query.Where(t =>
                (t.Status == TaskStatus.Accepted || t.Status == TaskStatus.ResultsRegistered || t.Status == TaskStatus.Applied)
                && (t.Results == null || t.Results == "")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (agency is not null) query = query.Where(t => t.ManagingAgency == agency);
        if (year is { } y) query = query.Where(InReportingYear(y));
        return query;
    }

    public static IQueryable<CoverageGapRow> GapPage(IQueryable<ScienceTask> gaps, string? afterCode, int take)
    {
        if (afterCode is not null) gaps = gaps.Where(t => string.Compare(t.Code, afterCode) > 0);
        return gaps.OrderBy(t => t.Code).Take(take).Select(t => new CoverageGapRow
        {
            PublicId = t.PublicId,
            Code = t.Code,
            Title = t.Title,
            ManagingAgency = t.ManagingAgency,
            ApprovalDate = t.ApprovalDecision!.Date,
            StartDate = t.StartDate,
            CreatedAt = t.CreatedAt,
            Status = t.Status,
            PublishedAt = t.PublishedAt,
        });
    }

    private static IQueryable<ScienceTask> NotCommunicatedBy(IQueryable<ScienceTask> query, DateOnly lastDay) =>
        query.Where(t => !t.Coverage.Any(c => c.Date <= lastDay));

    /// <summary>
    /// The reporting year as a range test on each fallback column, so it runs in the database on both providers:
    /// approval year, else planned start year, else entry year (Vietnam time).
    /// </summary>
    private static Expression<Func<ScienceTask, bool>> InReportingYear(int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year + 1, 1, 1);
        var fromInstant = new DateTimeOffset(year, 1, 1, 0, 0, 0, VietnamTime.Offset);
        var toInstant = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, VietnamTime.Offset);
        return t => (t.ApprovalDecision!.Date >= from && t.ApprovalDecision.Date < to)
            || (t.ApprovalDecision!.Date == null && t.StartDate >= from && t.StartDate < to)
            || (t.ApprovalDecision!.Date == null && t.StartDate == null && t.CreatedAt >= fromInstant && t.CreatedAt < toInstant);
    }
}
