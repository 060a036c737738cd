using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Api.Catalog;

/// <summary>Query of GET /organizations.</summary>
public sealed record OrganizationSearchQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
    public const int MaxQueryLength = 200;

    [FromQuery(Name = "q")]
    [Description("Part of the name, with or without diacritics, any case (e.g. \"hung vuong\" finds Trường Đại học Hùng Vương); omit to list all.")]
    public string? Q { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Results per page, 1–200 (default 25).")]
    public int? PageSize { get; init; }
}

/// <summary>Query of GET /organizations/{id}/tasks.</summary>
public sealed record OrganizationTasksQuery
{
    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Results per page, 1–200 (default 25).")]
    public int? PageSize { get; init; }
}

/// <summary>Query of GET /stats.</summary>
public sealed record StatisticsRequest
{
    [FromQuery(Name = "groupBy")]
    [Description("Required. One of: year (planned start year), field (level 1), sector (level 2), level, kind, status, organization, managingAgency.")]
    public string? GroupBy { get; init; }

    [FromQuery(Name = "yearFrom")]
    [Description("Only tasks starting in or after this year, e.g. 2020.")]
    public int? YearFrom { get; init; }

    [FromQuery(Name = "yearTo")]
    [Description("Only tasks starting in or before this year, e.g. 2025.")]
    public int? YearTo { get; init; }

    [FromQuery(Name = "field")]
    [Description("Only tasks under this field-of-science code (1, 3, 5 or 7 digits), e.g. 4 (agricultural sciences) or 401.")]
    public string? Field { get; init; }
}

/// <summary>Query of GET /coverage.</summary>
public sealed record CoverageRequest
{
    [FromQuery(Name = "year")]
    [Description("Only this reporting year (year of the approval decision, else of the planned start, else of entry), e.g. 2024.")]
    public int? Year { get; init; }

    [FromQuery(Name = "period")]
    [Description("Figures as of the end of this reporting period, with changes since the previous one: YYYY-H1 (ends 1 June) or YYYY-H2 (ends 1 December), e.g. 2026-H1.")]
    public string? Period { get; init; }
}

/// <summary>Query of GET /changes.</summary>
public sealed record ChangesRequest
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    [FromQuery(Name = "since")]
    [Description("Opaque cursor: meta.nextCursor of your previous call. Omit to read the log from its beginning.")]
    public string? Since { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Changes per page, 1–1000 (default 100).")]
    public int? PageSize { get; init; }
}
