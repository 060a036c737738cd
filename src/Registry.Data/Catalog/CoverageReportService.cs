using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Catalog;

/// <summary>EF implementation of <see cref="ICoverageReport"/>.</summary>
internal sealed class CoverageReportService(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : ICoverageReport
{
    public const int MaxGapPageSize = 1000;

    public async Task<CoverageReport> GetAsync(int? year = null, ReportingPeriod? period = null, CancellationToken ct = default)
    {
        var readAt = clock.GetUtcNow();
        (CoverageCut? cut, DateTimeOffset asOf, bool provisional) = period is { } p ? Cut(p, readAt) : ((CoverageCut?)null, readAt, false);
        CoverageCut? previous = period is { } q ? CoverageCut.End(q.Previous) : null;
        var facts = await FactsAsync(ct);
        var rows = CoverageCounting.ByAgency(
                facts.Select(f => (Fact: f, Year: CoverageCounting.ReportingYear(f)))
                    .Where(x => year is null || x.Year == year)
                    .GroupBy(x => (Agency: CoverageCounting.Agency(x.Fact.ManagingAgency), x.Year))
                    .Select(g => CoverageCounting.Row(g.Key.Agency, g.Key.Year, g.Select(x => x.Fact).ToList(), cut, previous))
                    .Where(r => r.Registered > 0 || r.Change is { Registered: not 0 } || cut is null),
                r => r.ManagingAgency)
            .ThenBy(r => r.Year)
            .ToList();
        var inYear = facts.Where(f => year is null || CoverageCounting.ReportingYear(f) == year).ToList();
        var all = CoverageCounting.Row(null, year ?? 0, inYear, cut, previous);
        var totals = new CoverageTotals(all.Registered, all.Published, all.SharePublished, all.PublishedMissingSummary,
            all.FinishedMissingResults, all.Communicated, all.ShareCommunicated, all.ShareCommunicatedOfPublished, all.Change);
        return new CoverageReport(asOf, NextDeadline(readAt), year, rows, totals, period, provisional, previous?.Before);
    }

    public async Task<CoveragePeriodReport> GetPeriodReportAsync(ReportingPeriod period, int gapLimit, CancellationToken ct = default)
    {
        var readAt = clock.GetUtcNow();
        var (cut, asOf, provisional) = Cut(period, readAt);
        var previous = CoverageCut.End(period.Previous);
        var facts = await FactsAsync(ct);
        var rows = CoverageCounting.ByAgency(
                facts.GroupBy(f => CoverageCounting.Agency(f.ManagingAgency))
                    .Select(g => AgencyRow(g.Key, g.ToList(), cut, previous))
                    .Where(r => r.Figures.Registered > 0 || r.Previous.Registered > 0),
                r => r.ManagingAgency)
            .ToList();
        var totals = AgencyRow(null, facts, cut, previous);
        var notCommunicated = await GapListAsync(CoverageGapKind.NotCommunicated, cut, gapLimit, ct);
        var noResults = await GapListAsync(CoverageGapKind.NoResults, cut, gapLimit, ct);
        return new CoveragePeriodReport(period, asOf, provisional, readAt, previous.Before, rows, totals, notCommunicated, noResults);
    }

    public async Task<CoverageGapPage> GetGapsAsync(CoverageGapQuery query, CancellationToken ct = default)
    {
        var after = query.Cursor is null ? null : CatalogCursors.DecodeGap(query.Kind, query.Cursor);
        var size = Math.Clamp(query.PageSize, 1, MaxGapPageSize);
        CoverageCut? cut = query.Period is { } p ? Cut(p, clock.GetUtcNow()).Cut : null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var gaps = CoverageQueries.Gaps(db, query.Kind, cut, query.Agency, query.Year);
        var count = await gaps.CountAsync(ct);
        var rows = await CoverageQueries.GapPage(gaps, after, size + 1).ToListAsync(ct);
        var page = rows.Take(size).Select(Gap).ToList();
        var next = rows.Count > size ? CatalogCursors.EncodeGap(query.Kind, page[^1].Code) : null;
        return new CoverageGapPage(count, next, page);
    }

    /// <summary>The next 1 June or 1 December, today included, in Vietnam's calendar.</summary>
    public static DateOnly NextDeadline(DateTimeOffset asOf) => ReportingPeriod.Containing(asOf).EndDate;

    /// <summary>A period that has ended is read at its end; one in progress at <paramref name="now"/>, provisionally.</summary>
    private static (CoverageCut Cut, DateTimeOffset AsOf, bool Provisional) Cut(ReportingPeriod period, DateTimeOffset now)
    {
        if (period.EndsBefore <= now) return (CoverageCut.End(period), period.EndsBefore, false);
        return (new CoverageCut(now, VietnamTime.DateOf(now)), now, true);
    }

    private async Task<List<CoverageFact>> FactsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var facts = await CoverageQueries.Facts(db).ToListAsync(ct);
        var first = await CoverageQueries.FirstCoverage(db).ToDictionaryAsync(c => c.TaskId, c => c.Date, ct);
        foreach (var fact in facts)
        {
            if (first.TryGetValue(fact.Id, out var date)) fact.FirstCoverage = date;
        }
        return facts;
    }

    private static CoverageAgencyRow AgencyRow(string? agency, IReadOnlyCollection<CoverageFact> facts, CoverageCut cut, CoverageCut previous)
    {
        var now = CoverageCounting.Figures(facts, cut);
        var before = CoverageCounting.Figures(facts, previous);
        return new CoverageAgencyRow(agency, now, before, CoverageCounting.Change(before, now));
    }

    private async Task<CoverageGapList> GapListAsync(CoverageGapKind kind, CoverageCut cut, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var gaps = CoverageQueries.Gaps(db, kind, cut, null, null);
        var count = await gaps.CountAsync(ct);
        var rows = limit <= 0 ? [] : await CoverageQueries.GapPage(gaps, null, limit).ToListAsync(ct);
        var items = CoverageCounting.ByAgency(rows.Select(Gap), g => g.ManagingAgency).ThenBy(g => g.Year)
            .ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        return new CoverageGapList(count, items);
    }

    private static CoverageGap Gap(CoverageGapRow r) => new(r.PublicId, r.Code, r.Title, CoverageCounting.Agency(r.ManagingAgency),
        CoverageCounting.ReportingYear(r.ApprovalDate, r.StartDate, r.CreatedAt), r.Status, r.PublishedAt);
}
