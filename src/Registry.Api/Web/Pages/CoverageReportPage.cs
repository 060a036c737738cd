using Registry.Api.Coverage;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;

namespace Registry.Api.Web.Pages;

/// <summary>
/// <c>/stats/report/{period}</c>: the semi-annual report as a printable page, the same figures as
/// <c>/api/v1/coverage/reports/{period}</c> and its .xlsx. <c>/stats/report</c> goes to the current period.
/// </summary>
public static class CoverageReportPage
{
    public static IResult Current(HttpContext http, TimeProvider clock)
    {
        var lang = http.Request.Query["lang"].ToString();
        var target = $"/stats/report/{ReportingPeriod.Containing(clock.GetUtcNow())}";
        return Results.Redirect(lang is "en" or "vi" ? $"{target}?lang={lang}" : target);
    }

    public static async Task<IResult> Handle(string period, HttpContext http, ICoverageReport coverage, TimeProvider clock, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (!CoveragePeriods.TryRead(period, clock.GetUtcNow(), out var p, out var error))
        {
            var bad = Html.Of($"""<div class="wrap"><h1>{ctx[TR.BadPeriod]}</h1><p>{error}</p><p><a href="/stats/report">{ctx[TR.Title]}</a></p></div>""");
            return WebResults.Page(ctx, new PageShell(ctx[TR.BadPeriod], error, bad), StatusCodes.Status400BadRequest);
        }
        var report = await coverage.GetPeriodReportAsync(p, CoverageApi.ReportGapLimit, ct);
        var links = new CoverageReportLinks("", p);
        var title = $"{ctx[TR.Title]} — {p}";
        var main = Html.Of($"""
            <div class="wrap report">
            <h1>{title}</h1>
            <p class="lead">{ctx[TR.Intro]}</p>
            {Navigation(ctx, p, clock.GetUtcNow(), links)}
            <dl class="facts">
            <dt>{ctx[TR.Period]}</dt><dd>{p} · {ctx[TR.From]} {ctx.Format.Date(p.StartDate)} {ctx[TR.Through]} {ctx.Format.Date(p.EndDate)} ({ctx[TR.VietnamTime]})</dd>
            <dt>{ctx[TR.AsOf]}</dt><dd>{CoverageReportText.Instant(report.AsOf)}</dd>
            <dt>{ctx[TR.PreviousPeriod]}</dt><dd>{p.Previous.ToString()} · {CoverageReportText.Instant(report.PreviousAsOf)}</dd>
            </dl>
            {Html.When(report.Provisional, Html.Of($"""<p class="notice" role="status">{ctx[TR.Provisional]}</p>"""))}
            <section aria-labelledby="agencies-h">
            <h2 id="agencies-h">{ctx[TR.ByAgency]}</h2>
            {AgencyTable(ctx, report)}
            </section>
            {GapSection(ctx, "not-communicated", TR.NotCommunicated, report.NotCommunicated, links.Gaps(CoverageGapKind.NotCommunicated))}
            {GapSection(ctx, "no-results", TR.NoResults, report.NoResults, links.Gaps(CoverageGapKind.NoResults))}
            {Definitions(ctx)}
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(title, ctx[TR.Intro], main, $"/stats/report/{p}"));
    }

    private static Markup Navigation(PageContext ctx, ReportingPeriod p, DateTimeOffset now, CoverageReportLinks links)
    {
        var current = ReportingPeriod.Containing(now);
        // Only the language travels with the picker: the page takes no other parameter.
        string Link(ReportingPeriod to) => ctx.Http.Request.Query.ContainsKey(LanguageSelection.QueryKey)
            ? $"/stats/report/{to}?{LanguageSelection.QueryKey}={ctx.Language.Code()}"
            : $"/stats/report/{to}";
        var next = p.Next.CompareTo(current) <= 0
            ? Html.Of($"""<li><a href="{Link(p.Next)}" rel="next">{ctx[TR.NextPeriod]}: {p.Next.ToString()} →</a></li>""")
            : Markup.Empty;
        return Html.Of($"""
            <nav aria-label="{ctx[TR.Periods]}">
            <ul class="report-nav">
            <li><a href="{Link(p.Previous)}" rel="prev">← {ctx[TR.PreviousPeriod]}: {p.Previous.ToString()}</a></li>
            {next}
            <li><a href="{links.Xlsx}" download>{ctx[TR.DownloadXlsx]}</a></li>
            <li><a href="{links.Json}" type="application/json">{ctx[TR.Json]}</a></li>
            </ul>
            </nav>
            """);
    }

    private static Markup AgencyTable(PageContext ctx, CoveragePeriodReport report)
    {
        if (report.Totals.Figures.Registered == 0 && report.Totals.Previous.Registered == 0) return Html.Of($"<p>{ctx[TR.NoData]}</p>");
        var rows = Html.Join(report.Rows.Select(r => Row(ctx, r.ManagingAgency ?? UiString.From(CoverageReportText.UnknownAgency).In(ctx.Language), r)));
        return Html.Of($"""
            <table class="data report">
            <thead>
            <tr><th scope="col" rowspan="2">{ctx[TR.Agency]}</th><th scope="col" rowspan="2">{ctx[TR.Registered]}</th><th scope="col" rowspan="2">{ctx[TR.Published]}</th><th scope="col" rowspan="2">{ctx[TR.Communicated]}</th><th scope="col" rowspan="2">{ctx[TR.SharePublished]}</th><th scope="col" rowspan="2">{ctx[TR.ShareCommunicated]}</th><th scope="colgroup" colspan="4">{ctx[TR.Change]}</th></tr>
            <tr><th scope="col">{ctx[TR.Registered]}</th><th scope="col">{ctx[TR.Published]}</th><th scope="col">{ctx[TR.Communicated]}</th><th scope="col">{ctx[TR.ShareCommunicated]}</th></tr>
            </thead>
            <tbody>
            {rows}
            </tbody>
            <tfoot>
            {Row(ctx, ctx[TR.Total], report.Totals)}
            </tfoot>
            </table>
            """);
    }

    private static Markup Row(PageContext ctx, string agency, CoverageAgencyRow row)
    {
        var f = row.Figures;
        var c = row.Change;
        return Html.Of($"""
            <tr><th scope="row">{agency}</th><td class="num">{ctx.Format.Number(f.Registered)}</td><td class="num">{ctx.Format.Number(f.Published)}</td><td class="num">{ctx.Format.Number(f.Communicated)}</td><td class="num">{ctx.Format.Percent(f.SharePublished / 100)}</td><td class="num">{ctx.Format.Percent(f.ShareCommunicated / 100)}</td>{Signed(ctx, c.Registered)}{Signed(ctx, c.Published)}{Signed(ctx, c.Communicated)}{Points(ctx, c.ShareCommunicated)}</tr>
            """);
    }

    private static Markup Signed(PageContext ctx, int n) => Html.Of($"""<td class="num {Trend(n)}">{(n > 0 ? "+" : n < 0 ? "−" : "")}{ctx.Format.Number(Math.Abs(n))}</td>""");

    private static Markup Points(PageContext ctx, double points) =>
        Html.Of($"""<td class="num {Trend(points)}">{(points > 0 ? "+" : points < 0 ? "−" : "")}{ctx.Format.Decimal(Math.Abs(points), 1)}</td>""");

    private static string Trend(double n) => n > 0 ? "up" : n < 0 ? "down" : "";

    private static Markup GapSection(PageContext ctx, string id, UiString heading, CoverageGapList list, string fullList)
    {
        var body = list.Count == 0
            ? Html.Of($"<p>{ctx[TR.NoGaps]}</p>")
            : Html.Of($"""
                <table class="data report">
                <thead><tr><th scope="col">{ctx[TR.Code]}</th><th scope="col">{ctx[TR.TaskTitle]}</th><th scope="col">{ctx[TR.Agency]}</th><th scope="col">{ctx[TR.Year]}</th></tr></thead>
                <tbody>
                {Html.Join(list.Items.Select(g => Html.Of($"""<tr><td><a href="/tasks/{g.Id}">{g.Code}</a></td><td>{g.Title}</td><td>{g.ManagingAgency ?? UiString.From(CoverageReportText.UnknownAgency).In(ctx.Language)}</td><td class="num">{g.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}</td></tr>""")))}
                </tbody>
                </table>
                """);
        var truncated = Html.When(list.Truncated, Html.Of($"""<p>{ctx[TR.FirstListed]}: <a href="{fullList}">{fullList}</a></p>"""));
        return Html.Of($"""
            <section class="report-section" aria-labelledby="{id}-h">
            <h2 id="{id}-h">{ctx[heading]} <span class="badge">{ctx.Format.Number(list.Count)} {ctx[TR.TasksCount]}</span></h2>
            {truncated}
            {body}
            </section>
            """);
    }

    private static Markup Definitions(PageContext ctx) => Html.Of($"""
        <section class="report-section" aria-labelledby="definitions-h">
        <h2 id="definitions-h">{ctx[TR.Definitions]}</h2>
        <dl class="facts">
        {Html.Join(CoverageReportText.Definitions.Select(d => Html.Of($"<dt>{UiString.From(d.Term).In(ctx.Language)}</dt><dd>{UiString.From(d.Definition).In(ctx.Language)}</dd>")))}
        </dl>
        <h3>{ctx[TR.Limits]}</h3>
        <ul>
        {Html.Join(CoverageReportText.Limits.Select(l => Html.Of($"<li>{UiString.From(l).In(ctx.Language)}</li>")))}
        </ul>
        </section>
        """);
}
