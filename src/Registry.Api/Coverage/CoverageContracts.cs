using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Registry.Data.Catalog;

namespace Registry.Api.Coverage;

/// <summary>Query of GET /coverage/gaps.</summary>
public sealed record CoverageGapsRequest
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "kind")]
    [Description("Required. notCommunicated: published tasks with no coverage item; noResults: published tasks accepted, results-registered or applied without results.")]
    public string? Kind { get; init; }

    [FromQuery(Name = "agency")]
    [Description("Only this managing agency, exactly as recorded, e.g. Sở Khoa học và Công nghệ tỉnh Phú Thọ.")]
    public string? Agency { get; init; }

    [FromQuery(Name = "year")]
    [Description("Only this reporting year (year of the approval decision, else of the planned start, else of entry), e.g. 2024.")]
    public int? Year { get; init; }

    [FromQuery(Name = "period")]
    [Description("As of the end of this reporting period, YYYY-H1 (ends 1 June) or YYYY-H2 (ends 1 December), e.g. 2026-H1: published by then, and for notCommunicated no coverage dated by then.")]
    public string? Period { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Results per page, 1–200 (default 50).")]
    public int? PageSize { get; init; }
}

/// <param name="Count">All tasks in the list with these filters (not only this page).</param>
public sealed record CoverageGapsMeta(string Kind, int Count, string? NextCursor, int PageSize, string? Agency, int? Year, string? Period);

public sealed record CoverageGapsResponse(CoverageGapsMeta Meta, IReadOnlyList<CoverageGap> Results);

/// <param name="StartDate">First day of the period (Vietnam time).</param>
/// <param name="EndDate">Last day of the period, inclusive: 1 June or 1 December.</param>
/// <param name="AsOf">The instant the figures describe: the period's end (00:00 Vietnam time the next day), or now while it is in progress.</param>
/// <param name="Provisional">True while the period is in progress: figures as of now, subject to change.</param>
/// <param name="PreviousAsOf">The end of the previous period, which the changes compare with.</param>
public sealed record CoverageReportMeta(string Period, DateOnly StartDate, DateOnly EndDate, DateTimeOffset AsOf, bool Provisional,
    DateTimeOffset GeneratedAt, string PreviousPeriod, DateTimeOffset PreviousAsOf, int Count);

/// <param name="Count">All tasks in the list.</param>
/// <param name="Truncated">True when <paramref name="Results"/> holds only the first entries (by code); page through the gaps link for all.</param>
public sealed record CoverageGapListView(int Count, bool Truncated, IReadOnlyList<CoverageGap> Results);

public sealed record CoverageReportGaps(CoverageGapListView NotCommunicated, CoverageGapListView NoResults);

public sealed record CoverageReportLinkSet(string Self, string Xlsx, string Page, string Previous, string NotCommunicated, string NoResults);

/// <summary>The semi-annual report: per agency, figures as of the period's end, those of the previous period's end, the change.</summary>
public sealed record CoverageReportResponse(CoverageReportMeta Meta, IReadOnlyList<CoverageAgencyRow> Results, CoverageAgencyRow Totals,
    CoverageReportGaps Gaps, CoverageReportLinkSet Links);
