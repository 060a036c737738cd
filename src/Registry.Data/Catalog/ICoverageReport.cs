namespace Registry.Data.Catalog;

/// <summary>
/// How much of what is registered is published and communicated, per managing agency and year: the figures the
/// province reports before 1 June and 1 December on its way to "every non-secret task published and communicated by
/// 2030". Communicated means published with at least one media coverage item (press, television, radio, portal,
/// social network, event).
/// </summary>
public interface ICoverageReport
{
    /// <param name="year">Only this reporting year (year of the approval decision, else of the planned start, else of entry).</param>
    /// <param name="period">Figures as of the end of this period (or as of now while it is in progress), with the
    /// changes since the end of the previous period; null: as of now, without changes.</param>
    Task<CoverageReport> GetAsync(int? year = null, ReportingPeriod? period = null, CancellationToken ct = default);

    /// <summary>The semi-annual report: figures per agency as of the period's end, changes since the previous period,
    /// and the gap lists capped at <paramref name="gapLimit"/> entries each (their full counts given).</summary>
    Task<CoveragePeriodReport> GetPeriodReportAsync(ReportingPeriod period, int gapLimit, CancellationToken ct = default);

    /// <summary>One page of a gap list, ordered by task code.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not issued for this list.</exception>
    Task<CoverageGapPage> GetGapsAsync(CoverageGapQuery query, CancellationToken ct = default);
}

/// <param name="AsOf">The instant the figures describe: now, or the end of <see cref="Period"/>.</param>
/// <param name="NextReportingDeadline">The next 1 June or 1 December on or after the moment of reading (Vietnam time).</param>
/// <param name="Rows">One row per (managing agency, year), agencies alphabetically (unknown last), years ascending.</param>
/// <param name="Period">The period asked for, if any.</param>
/// <param name="Provisional">True when the period has not ended yet: the figures are as of now and will change.</param>
/// <param name="PreviousAsOf">With a period: the end of the previous period, which the changes compare with.</param>
public sealed record CoverageReport(DateTimeOffset AsOf, DateOnly NextReportingDeadline, int? Year,
    IReadOnlyList<CoverageRow> Rows, CoverageTotals Totals, ReportingPeriod? Period = null, bool Provisional = false,
    DateTimeOffset? PreviousAsOf = null);

/// <param name="ManagingAgency">The agency as recorded; null when the records do not say.</param>
/// <param name="Registered">Tasks in the registry that are not withdrawn (drafts and published).</param>
/// <param name="SharePublished">Published / registered, in percent, one decimal.</param>
/// <param name="PublishedMissingSummary">Published records without a summary (tóm tắt).</param>
/// <param name="FinishedMissingResults">Published records accepted, results-registered or applied, without results.</param>
/// <param name="Communicated">Published tasks with at least one coverage item (dated on or before the as-of day).</param>
/// <param name="ShareCommunicated">Communicated / registered, in percent, one decimal: the KPI ("every task published and communicated").</param>
/// <param name="ShareCommunicatedOfPublished">Communicated / published, in percent, one decimal.</param>
/// <param name="Change">With a period: the difference from the same row as of the previous period's end.</param>
public sealed record CoverageRow(string? ManagingAgency, int Year, int Registered, int Published, double SharePublished,
    int PublishedMissingSummary, int FinishedMissingResults, int Communicated = 0, double ShareCommunicated = 0,
    double ShareCommunicatedOfPublished = 0, CoverageChange? Change = null);

public sealed record CoverageTotals(int Registered, int Published, double SharePublished, int PublishedMissingSummary,
    int FinishedMissingResults, int Communicated = 0, double ShareCommunicated = 0, double ShareCommunicatedOfPublished = 0,
    CoverageChange? Change = null);

/// <summary>Later figures minus earlier ones (counts, and shares in percentage points, one decimal).</summary>
public sealed record CoverageChange(int Registered, int Published, int Communicated, double SharePublished, double ShareCommunicated);

/// <summary>The counts of one agency (or of all) at one instant.</summary>
public sealed record CoverageFigures(int Registered, int Published, int Communicated, double SharePublished,
    double ShareCommunicated, double ShareCommunicatedOfPublished, int FinishedMissingResults);

/// <param name="ManagingAgency">Null when the records do not say.</param>
/// <param name="Figures">As of the period's end (or now, while in progress).</param>
/// <param name="Previous">As of the previous period's end.</param>
public sealed record CoverageAgencyRow(string? ManagingAgency, CoverageFigures Figures, CoverageFigures Previous, CoverageChange Change);

/// <param name="AsOf">The period's end, or now while it is in progress (then <paramref name="Provisional"/>).</param>
/// <param name="GeneratedAt">When the registry was read.</param>
public sealed record CoveragePeriodReport(ReportingPeriod Period, DateTimeOffset AsOf, bool Provisional, DateTimeOffset GeneratedAt,
    DateTimeOffset PreviousAsOf, IReadOnlyList<CoverageAgencyRow> Rows, CoverageAgencyRow Totals,
    CoverageGapList NotCommunicated, CoverageGapList NoResults);

/// <param name="Count">All entries of the list; <paramref name="Items"/> holds at most the cap.</param>
public sealed record CoverageGapList(int Count, IReadOnlyList<CoverageGap> Items)
{
    public bool Truncated => Items.Count < Count;
}

/// <summary>A published task in a gap list.</summary>
/// <param name="Id">Public id (GET /api/v1/tasks/{id}).</param>
/// <param name="Year">Reporting year.</param>
public sealed record CoverageGap(string Id, string Code, string Title, string? ManagingAgency, int Year,
    Records.TaskStatus Status, DateTimeOffset? PublishedAt);

public enum CoverageGapKind
{
    /// <summary>Published but with no coverage item (as of the period's end, with a period).</summary>
    NotCommunicated,
    /// <summary>Published, accepted / results-registered / applied, but without results.</summary>
    NoResults,
}

/// <param name="Agency">Only this managing agency (exact name).</param>
/// <param name="Year">Only this reporting year.</param>
/// <param name="Period">As of this period's end: published by then and (notCommunicated) no coverage dated by then.</param>
public sealed record CoverageGapQuery(CoverageGapKind Kind, string? Agency = null, int? Year = null, ReportingPeriod? Period = null,
    string? Cursor = null, int PageSize = 50);

public sealed record CoverageGapPage(int Count, string? NextCursor, IReadOnlyList<CoverageGap> Items);
