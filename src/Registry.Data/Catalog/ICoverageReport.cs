namespace Registry.Data.Catalog;

/// <summary>
/// How much of what is registered is published, per managing agency and year: the figure the province reports
/// before 1 June and 1 December on its way to "every non-secret task published by 2030".
/// </summary>
public interface ICoverageReport
{
    /// <param name="year">Only this reporting year (year of the approval decision, else of the planned start, else of entry).</param>
    Task<CoverageReport> GetAsync(int? year = null, CancellationToken ct = default);
}

/// <param name="AsOf">When the figures were read.</param>
/// <param name="NextReportingDeadline">The next 1 June or 1 December on or after <paramref name="AsOf"/> (Vietnam time).</param>
/// <param name="Rows">One row per (managing agency, year), agencies alphabetically (unknown last), years ascending.</param>
public sealed record CoverageReport(DateTimeOffset AsOf, DateOnly NextReportingDeadline, int? Year,
    IReadOnlyList<CoverageRow> Rows, CoverageTotals Totals);

/// <param name="ManagingAgency">The agency as recorded; null when the records do not say.</param>
/// <param name="Registered">Tasks in the registry that are not withdrawn (drafts and published).</param>
/// <param name="SharePublished">Published / registered, in percent, one decimal.</param>
/// <param name="PublishedMissingSummary">Published records without a summary (tóm tắt).</param>
/// <param name="FinishedMissingResults">Published records accepted, results-registered or applied, without results.</param>
public sealed record CoverageRow(string? ManagingAgency, int Year, int Registered, int Published, double SharePublished,
    int PublishedMissingSummary, int FinishedMissingResults);

public sealed record CoverageTotals(int Registered, int Published, double SharePublished, int PublishedMissingSummary,
    int FinishedMissingResults);
