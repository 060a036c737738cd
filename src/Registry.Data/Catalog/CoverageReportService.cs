using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Catalog;

/// <summary>EF implementation of <see cref="ICoverageReport"/>.</summary>
internal sealed class CoverageReportService(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : ICoverageReport
{
    /// <summary>Reporting deadlines are Vietnamese calendar dates (UTC+7, no daylight saving).</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public async Task<CoverageReport> GetAsync(int? year = null, CancellationToken ct = default)
    {
        var asOf = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var facts = await CoverageQueries.Registered(db).ToListAsync(ct);
        var rows = facts
            .Select(f => (Fact: f, Year: ReportingYear(f)))
            .Where(x => year is null || x.Year == year)
            .GroupBy(x => (Agency: string.IsNullOrWhiteSpace(x.Fact.ManagingAgency) ? null : x.Fact.ManagingAgency, x.Year))
            .Select(g => Row(g.Key.Agency, g.Key.Year, g.Select(x => x.Fact).ToList()))
            .OrderBy(r => r.ManagingAgency is null)
            .ThenBy(r => TextFolding.Name(r.ManagingAgency), StringComparer.Ordinal)
            .ThenBy(r => r.ManagingAgency, StringComparer.Ordinal)
            .ThenBy(r => r.Year)
            .ToList();
        var totals = new CoverageTotals(rows.Sum(r => r.Registered), rows.Sum(r => r.Published),
            Share(rows.Sum(r => r.Published), rows.Sum(r => r.Registered)),
            rows.Sum(r => r.PublishedMissingSummary), rows.Sum(r => r.FinishedMissingResults));
        return new CoverageReport(asOf, NextDeadline(asOf), year, rows, totals);
    }

    /// <summary>The next 1 June or 1 December, today included, in Vietnam's calendar.</summary>
    public static DateOnly NextDeadline(DateTimeOffset asOf)
    {
        var today = DateOnly.FromDateTime(asOf.ToOffset(VietnamOffset).DateTime);
        var june = new DateOnly(today.Year, 6, 1);
        var december = new DateOnly(today.Year, 12, 1);
        if (today <= june) return june;
        return today <= december ? december : new DateOnly(today.Year + 1, 6, 1);
    }

    public static int ReportingYear(CoverageFact fact) =>
        fact.ApprovalDate?.Year ?? fact.StartDate?.Year ?? fact.CreatedAt.ToOffset(VietnamOffset).Year;

    private static CoverageRow Row(string? agency, int year, List<CoverageFact> facts)
    {
        var published = facts.Count(f => f.Published);
        return new CoverageRow(agency, year, facts.Count, published, Share(published, facts.Count),
            facts.Count(f => f.Published && !f.HasSummary),
            facts.Count(f => f.Published && f.Finished && !f.HasResults));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}
