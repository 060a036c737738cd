using System.Globalization;
using Registry.Api.Web.Charts;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;

namespace Registry.Api.Web.Pages;

/// <summary><c>/stats</c>: tasks and budget by year and by field, and coverage toward "100% published" per agency.</summary>
public static class StatsPage
{
    public static async Task<IResult> Handle(HttpContext http, ITaskStatistics statistics, ICoverageReport coverage, TimeProvider clock,
        Registry.Data.Inquiries.IInquiryStore inquiries, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var byYear = await statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Year), ct);
        var byField = await statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Field), ct);
        var report = await coverage.GetAsync(null, null, ct);
        var inquiryCounts = await inquiries.StatisticsAsync(ct);

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
            {Communication(ctx, report, clock.GetUtcNow())}
            {InquiryStats.Render(ctx, inquiryCounts)}
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

    /// <summary>The "100 % communicated" KPI per agency and year, with the way to the gap lists and the semi-annual reports.</summary>
    private static Markup Communication(PageContext ctx, CoverageReport report, DateTimeOffset now)
    {
        var current = ReportingPeriod.Containing(now);
        var lang = ctx.Http.Request.Query.ContainsKey(LanguageSelection.QueryKey) ? $"?{LanguageSelection.QueryKey}={ctx.Language.Code()}" : "";
        var rows = Html.Join(report.Rows.Select(r => Html.Of($"""
            <tr><th scope="row">{r.ManagingAgency ?? ctx[T.Unknown]}</th><td class="num">{r.Year.ToString(CultureInfo.InvariantCulture)}</td><td class="num">{ctx.Format.Number(r.Registered)}</td><td class="num">{ctx.Format.Number(r.Published)}</td><td class="num">{ctx.Format.Number(r.Communicated)}</td><td class="num">{ctx.Format.Percent(r.ShareCommunicated / 100)}</td></tr>
            """)));
        var totals = report.Totals;
        return Html.Of($"""
            <section aria-labelledby="communication-h">
            <h2 id="communication-h">{ctx[TR.Communication]}</h2>
            <p>{ctx[TR.CommunicationIntro]}</p>
            <p><strong>{ctx[T.CoverageTotal]}: {ctx.Format.Percent(totals.ShareCommunicated / 100)} ({ctx.Format.Number(totals.Communicated)}/{ctx.Format.Number(totals.Registered)})</strong></p>
            <table class="data report">
            <thead><tr><th scope="col">{ctx[TR.Agency]}</th><th scope="col">{ctx[TR.Year]}</th><th scope="col">{ctx[TR.Registered]}</th><th scope="col">{ctx[TR.Published]}</th><th scope="col">{ctx[TR.Communicated]}</th><th scope="col">{ctx[TR.ShareCommunicated]}</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            <h3>{ctx[TR.Gaps]}</h3>
            <ul>
            <li><a href="/api/v1/coverage/gaps?kind=notCommunicated">{ctx[TR.NotCommunicated]}</a> (JSON)</li>
            <li><a href="/api/v1/coverage/gaps?kind=noResults">{ctx[TR.NoResults]}</a> (JSON)</li>
            </ul>
            <h3>{ctx[TR.SemiAnnualReport]}</h3>
            <ul class="report-nav">
            <li><a href="/stats/report/{current}{lang}">{current.ToString()}</a></li>
            <li><a href="/stats/report/{current.Previous}{lang}">{current.Previous.ToString()}</a></li>
            <li><a href="/stats/report/{current.Previous.Previous}{lang}">{current.Previous.Previous.ToString()}</a></li>
            </ul>
            </section>
            """);
    }

    private static string Summary(PageContext ctx, IReadOnlyList<StatisticsBucket> buckets, Func<StatisticsBucket, string> name, Func<StatisticsBucket, string> value) =>
        string.Join("; ", buckets.Select(b => $"{name(b)}: {value(b)}"));
}
