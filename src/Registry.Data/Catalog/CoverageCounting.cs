using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>
/// What a task counted as at a moment, from the dates the registry keeps. The history it cannot see: a task
/// withdrawn and published again has lost its withdrawal date (it counts as never withdrawn); a task put back to draft
/// after publication counts as unpublished throughout; coverage recorded later with an earlier date counts from that
/// date ("as the registry knows it today"); status and results are today's.
/// </summary>
internal static class CoverageCounting
{
    /// <summary>Entered before the cut and not withdrawn by then (null cut: now).</summary>
    public static bool Registered(CoverageFact f, CoverageCut? cut) => cut is not { } c
        ? f.Visibility != Visibility.Withdrawn
        : f.CreatedAt < c.Before && !(f.Visibility == Visibility.Withdrawn && f.WithdrawnAt is { } w && w < c.Before);

    /// <summary>Published before the cut, and still public at the cut (published now, or withdrawn only after it).</summary>
    public static bool Published(CoverageFact f, CoverageCut? cut) => cut is not { } c
        ? f.Visibility == Visibility.Published
        : Registered(f, cut) && f.PublishedAt is { } p && p < c.Before
            && f.Visibility is Visibility.Published or Visibility.Withdrawn;

    /// <summary>Published by the cut with a coverage item dated on or before its last day.</summary>
    public static bool Communicated(CoverageFact f, CoverageCut? cut) =>
        Published(f, cut) && f.FirstCoverage is { } first && (cut is not { } c || first <= c.LastDay);

    public static int ReportingYear(CoverageFact f) => ReportingYear(f.ApprovalDate, f.StartDate, f.CreatedAt);

    public static int ReportingYear(DateOnly? approval, DateOnly? start, DateTimeOffset created) =>
        approval?.Year ?? start?.Year ?? created.ToOffset(VietnamTime.Offset).Year;

    public static string? Agency(string? agency) => string.IsNullOrWhiteSpace(agency) ? null : agency;

    public static CoverageFigures Figures(IReadOnlyCollection<CoverageFact> facts, CoverageCut? cut)
    {
        int registered = 0, published = 0, communicated = 0, noResults = 0;
        foreach (var f in facts)
        {
            if (!Registered(f, cut)) continue;
            registered++;
            if (!Published(f, cut)) continue;
            published++;
            if (Communicated(f, cut)) communicated++;
            if (f.Finished && !f.HasResults) noResults++;
        }
        return new CoverageFigures(registered, published, communicated, Share(published, registered),
            Share(communicated, registered), Share(communicated, published), noResults);
    }

    public static CoverageRow Row(string? agency, int year, IReadOnlyCollection<CoverageFact> facts, CoverageCut? cut, CoverageCut? previous)
    {
        var now = Figures(facts, cut);
        var missingSummary = facts.Count(f => Published(f, cut) && !f.HasSummary);
        return new CoverageRow(agency, year, now.Registered, now.Published, now.SharePublished, missingSummary,
            now.FinishedMissingResults, now.Communicated, now.ShareCommunicated, now.ShareCommunicatedOfPublished,
            previous is { } p ? Change(Figures(facts, p), now) : null);
    }

    public static CoverageChange Change(CoverageFigures before, CoverageFigures after) => new(
        after.Registered - before.Registered, after.Published - before.Published, after.Communicated - before.Communicated,
        Math.Round(after.SharePublished - before.SharePublished, 1, MidpointRounding.AwayFromZero),
        Math.Round(after.ShareCommunicated - before.ShareCommunicated, 1, MidpointRounding.AwayFromZero));

    public static double Share(int part, int whole) =>
        whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Agencies alphabetically by folded name (unknown last).</summary>
    public static IOrderedEnumerable<T> ByAgency<T>(IEnumerable<T> rows, Func<T, string?> agency) => rows
        .OrderBy(r => agency(r) is null)
        .ThenBy(r => TextFolding.Name(agency(r)), StringComparer.Ordinal)
        .ThenBy(r => agency(r), StringComparer.Ordinal);
}
