using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Registry.Api.Catalog;
using Registry.Api.Feeds;
using Registry.Api.Http;
using Registry.Api.Problems;
using Registry.Data;
using Registry.Data.Catalog;

namespace Registry.Api.Coverage;

/// <summary>
/// The "100 % communicated" KPI beyond GET /coverage: the gap lists and the semi-annual report (JSON and .xlsx).
/// </summary>
public static class CoverageApi
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Entries of each gap list in a report; the gaps endpoint pages through all of them.</summary>
    public const int ReportGapLimit = 1000;

    public static void MapCoverageApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/coverage/gaps", Gaps)
            .WithTags(StatisticsApi.Tag)
            .WithName("ListCoverageGaps")
            .WithSummary("Nhiệm vụ chưa truyền thông hoặc chưa có kết quả (coverage gaps)")
            .WithDescription("Published tasks in one gap list, ordered by code: notCommunicated (no coverage item; with period, none dated by its last day) or noResults (accepted, results-registered or applied, without results). Filters: agency, reporting year, period. meta.count is the whole list; cursor paging, pageSize 1–200 (default 50). Withdrawn tasks are never listed.")
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();

        v1.MapGet("/coverage/reports/{period}", Report)
            .WithTags(StatisticsApi.Tag)
            .WithName("GetCoverageReport")
            .WithSummary("Báo cáo sáu tháng về công bố và truyền thông (semi-annual coverage report)")
            .WithDescription("The report for a period (YYYY-H1 ends 1 June, YYYY-H2 ends 1 December, Vietnam time, end day inclusive): per managing agency the tasks registered, published and communicated as of the period's end (or as of now, provisional, while it is in progress), the same as of the previous period's end and the change; the gap lists (first 1000 each by code, with full counts). The same report as a spreadsheet: append .xlsx. 400 for a malformed period or one that has not begun.")
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();

        v1.MapGet("/coverage/reports/{period}.xlsx", ReportXlsx)
            .WithTags(StatisticsApi.Tag)
            .WithName("GetCoverageReportXlsx")
            .WithSummary("Báo cáo sáu tháng dạng .xlsx (semi-annual coverage report as a spreadsheet)")
            .WithDescription("The report of GET /coverage/reports/{period} as an Excel workbook, sent as an attachment: sheets Tổng hợp (per agency), Chưa truyền thông and Chưa có kết quả (gap lists), Ghi chú (period, as-of, definitions, source).")
            .Produces(StatusCodes.Status200OK, contentType: XlsxMediaType)
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();
    }

    public static async Task<Results<Ok<CoverageGapsResponse>, ProblemHttpResult>> Gaps(
        [AsParameters] CoverageGapsRequest request, ICoverageReport coverage, TimeProvider clock, CancellationToken ct)
    {
        if (!TryKind(request.Kind, out var kind))
        {
            return ApiProblems.Validation("kind", "kind bắt buộc, một trong: notCommunicated, noResults (kind is required, one of: notCommunicated, noResults).");
        }
        if (CatalogProblems.CheckPageSize(request.PageSize, CoverageGapsRequest.MaxPageSize) is { } badSize) return badSize;
        if (request.Year is < StatisticsQuery.MinYear or > StatisticsQuery.MaxYear) return StatisticsApi.YearProblem();
        ReportingPeriod? period = null;
        if (request.Period is not null)
        {
            if (!CoveragePeriods.TryRead(request.Period, clock.GetUtcNow(), out var p, out var error)) return ApiProblems.Validation("period", error);
            period = p;
        }
        var size = request.PageSize ?? CoverageGapsRequest.DefaultPageSize;
        var agency = string.IsNullOrEmpty(request.Agency) ? null : request.Agency;
        try
        {
            var page = await coverage.GetGapsAsync(new CoverageGapQuery(kind, agency, request.Year, period,
                string.IsNullOrEmpty(request.Cursor) ? null : request.Cursor, size), ct);
            return TypedResults.Ok(new CoverageGapsResponse(
                new CoverageGapsMeta(CoverageReportText.Key(kind), page.Count, page.NextCursor, size, agency, request.Year, period?.ToString()), page.Items));
        }
        catch (InvalidCursorException)
        {
            return CatalogProblems.Cursor("cursor");
        }
    }

    public static async Task<Results<Ok<CoverageReportResponse>, ProblemHttpResult>> Report(
        string period, HttpRequest request, ICoverageReport coverage, PublicUrls urls, TimeProvider clock, CancellationToken ct)
    {
        if (!CoveragePeriods.TryRead(period, clock.GetUtcNow(), out var p, out var error)) return ApiProblems.Validation("period", error);
        var report = await coverage.GetPeriodReportAsync(p, ReportGapLimit, ct);
        return TypedResults.Ok(Response(report, new CoverageReportLinks(urls.Base(request), p)));
    }

    public static async Task<IResult> ReportXlsx(
        string period, HttpRequest request, HttpResponse response, ICoverageReport coverage, PublicUrls urls, TimeProvider clock, CancellationToken ct)
    {
        if (!CoveragePeriods.TryRead(period, clock.GetUtcNow(), out var p, out var error)) return ApiProblems.Validation("period", error);
        var report = await coverage.GetPeriodReportAsync(p, ReportGapLimit, ct);
        var bytes = CoverageReportWorkbook.Write(report, new CoverageReportLinks(urls.Base(request), p));
        response.Headers.ContentDisposition = Disposition(p);
        return Results.File(bytes, XlsxMediaType);
    }

    /// <summary>
    /// An ASCII filename for old clients and the Vietnamese one as RFC 5987 <c>filename*</c>:
    /// <c>bao-cao-truyen-thong-2026-H1.xlsx</c> / <c>báo-cáo-truyền-thông-2026-H1.xlsx</c>.
    /// </summary>
    public static string Disposition(ReportingPeriod period)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName($"báo-cáo-truyền-thông-{period}.xlsx");
        header.FileName = $"\"bao-cao-truyen-thong-{period}.xlsx\"";
        return header.ToString();
    }

    public static CoverageReportResponse Response(CoveragePeriodReport report, CoverageReportLinks links)
    {
        var meta = new CoverageReportMeta(report.Period.ToString(), report.Period.StartDate, report.Period.EndDate, report.AsOf,
            report.Provisional, report.GeneratedAt, report.Period.Previous.ToString(), report.PreviousAsOf, report.Rows.Count);
        var gaps = new CoverageReportGaps(View(report.NotCommunicated), View(report.NoResults));
        var linkSet = new CoverageReportLinkSet(links.Json, links.Xlsx, links.Page, new CoverageReportLinks(links.BaseUrl, report.Period.Previous).Json,
            links.Gaps(CoverageGapKind.NotCommunicated), links.Gaps(CoverageGapKind.NoResults));
        return new CoverageReportResponse(meta, report.Rows, report.Totals, gaps, linkSet);
    }

    private static CoverageGapListView View(CoverageGapList list) => new(list.Count, list.Truncated, list.Items);

    private static bool TryKind(string? key, out CoverageGapKind kind)
    {
        kind = key switch
        {
            "notCommunicated" => CoverageGapKind.NotCommunicated,
            "noResults" => CoverageGapKind.NoResults,
            _ => (CoverageGapKind)(-1),
        };
        return Enum.IsDefined(kind);
    }
}
