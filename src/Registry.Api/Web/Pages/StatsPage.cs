using Registry.Api.Web.Charts;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;

namespace Registry.Api.Web.Pages;

/// <summary><c>/stats</c>: tasks and budget by year and by field, and coverage toward "100% published" per agency.</summary>
public static class StatsPage
{
    public static async Task<IResult> Handle(HttpContext http, ITaskStatistics statistics, ICoverageReport coverage, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var byYear = await statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Year), ct);
        var byField = await statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Field), ct);
        var report = await coverage.GetAsync(null, null, ct);

        string Name(StatisticsBucket b) => b.Key == "unknown" ? ctx[T.Unknown] : ctx.Language == WebLanguage.En ? b.DisplayNameEn : b.DisplayName;
        var table = ctx[T.ChartData];
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[T.StatsTitle]}</h1>
            <p class="lead">{ctx[T.StatsIntro]}</p>
            <section aria-labelledby="by-year-h">
            <h2 id="by-year-h">{ctx[T.ByYear]}</h2>
            {BarChart.Render("tasks-year", ctx[T.TasksByYear], Summary(ctx, byYear, Name, b => ctx.Format.Number(b.Count)),
                byYear.Select(b => new Bar(Name(b), b.Count, ctx.Format.Number(b.Count))).ToList(), table)}
            {BarChart.Render("budget-year", ctx[T.BudgetByYear], Summary(ctx, byYear, Name, b => ctx.Format.VndShort(b.BudgetTotalVnd)),
                byYear.Select(b => new Bar(Name(b), b.BudgetTotalVnd, ctx.Format.VndShort(b.BudgetTotalVnd))).ToList(), table, alternate: true)}
            </section>
            <section aria-labelledby="by-field-h">
            <h2 id="by-field-h">{ctx[T.BrowseByField]}</h2>
            {BarChart.Render("tasks-field", ctx[T.TasksByField], Summary(ctx, byField, Name, b => ctx.Format.Number(b.Count)),
                byField.Select(b => new Bar(Name(b), b.Count, ctx.Format.Number(b.Count))).ToList(), table)}
            {BarChart.Render("budget-field", ctx[T.BudgetByField], Summary(ctx, byField, Name, b => ctx.Format.VndShort(b.BudgetTotalVnd)),
                byField.Select(b => new Bar(Name(b), b.BudgetTotalVnd, ctx.Format.VndShort(b.BudgetTotalVnd))).ToList(), table, alternate: true)}
            </section>
            {Coverage(ctx, report)}
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(ctx[T.StatsTitle], ctx[T.StatsIntro], main, "/stats"));
    }

    /// <summary>
    /// Registered and published summed over years per agency. Bars are drawn against 100 %, not against the best
    /// agency, so "how far from done" reads at a glance.
    /// </summary>
    private static Markup Coverage(PageContext ctx, CoverageReport report)
    {
        var agencies = report.Rows
            .GroupBy(r => r.ManagingAgency)
            .Select(g => (Agency: g.Key ?? ctx[T.Unknown], Registered: g.Sum(r => r.Registered), Published: g.Sum(r => r.Published)))
            .Where(a => a.Registered > 0)
            .OrderByDescending(a => (double)a.Published / a.Registered).ThenBy(a => a.Agency, StringComparer.Ordinal)
            .ToList();
        var bars = agencies.Select(a =>
        {
            var share = (double)a.Published / a.Registered;
            return new Bar(a.Agency, share, $"{ctx.Format.Percent(share)} ({ctx.Format.Number(a.Published)}/{ctx.Format.Number(a.Registered)})");
        }).ToList();
        var total = report.Totals.Registered == 0 ? 0 : (double)report.Totals.Published / report.Totals.Registered;
        var summary = $"{ctx[T.CoverageTotal]}: {ctx.Format.Percent(total)} ({ctx.Format.Number(report.Totals.Published)}/{ctx.Format.Number(report.Totals.Registered)})";
        return Html.Of($"""
            <section aria-labelledby="coverage-h">
            <h2 id="coverage-h">{ctx[T.Coverage]}</h2>
            <p>{ctx[T.CoverageIntro]}</p>
            <p><strong>{summary}</strong> · {ctx[T.NextReport]}: {ctx.Format.Date(report.NextReportingDeadline)}</p>
            {BarChart.Render("coverage", ctx[T.Coverage], summary, bars, ctx[T.ChartData], scaleMax: 1)}
            </section>
            """);
    }

    private static string Summary(PageContext ctx, IReadOnlyList<StatisticsBucket> buckets, Func<StatisticsBucket, string> name, Func<StatisticsBucket, string> value) =>
        string.Join("; ", buckets.Select(b => $"{name(b)}: {value(b)}"));
}
