using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Coverage;
using Registry.Api.Http;
using Registry.Api.Problems;
using Registry.Data.Catalog;

namespace Registry.Api.Catalog;

/// <summary>GET /fields, /stats and /coverage: figures over published tasks (coverage also counts drafts as registered).</summary>
public static class StatisticsApi
{
    public const string Tag = "Statistics";

    private static readonly Dictionary<string, StatisticsGroupBy> Groupings =
        Enum.GetValues<StatisticsGroupBy>().ToDictionary(g => CatalogLabels.Key(g), g => g, StringComparer.Ordinal);

    public static void MapStatisticsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/fields", Fields)
            .WithTags(Tag)
            .WithName("ListFields")
            .WithSummary("Lĩnh vực khoa học và số nhiệm vụ (fields of science with task counts)")
            .WithDescription("The classification of Circular 24/2025/TT-BKHCN: 6 fields, each with its sectors (46 in all), and how many published tasks each holds. A task counts once per field even with several sectors in it.")
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();

        v1.MapGet("/stats", Stats)
            .WithTags(Tag)
            .WithName("GetStatistics")
            .WithSummary("Thống kê nhiệm vụ đã công bố (statistics of published tasks)")
            .WithDescription("Counts and budget sums (VND) of published tasks grouped by year, field, sector, level, kind, status, organization or managingAgency, optionally filtered by start year and field. Years ascend (unknown last); other groupings go by count, then key.")
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();

        v1.MapGet("/coverage", Coverage)
            .WithTags(Tag)
            .WithName("GetCoverage")
            .WithSummary("Tỷ lệ công bố theo cơ quan quản lý và năm (publication coverage)")
            .WithDescription("Per managing agency and year: tasks registered (not withdrawn), published, share published (%), communicated (published with at least one coverage item), shareCommunicated (% of registered: the KPI \"every task published and communicated\") and shareCommunicatedOfPublished, published records missing a summary, finished records missing results; totals; asOf and the next reporting deadline (1 June or 1 December). With period (YYYY-H1 ends 1 June, YYYY-H2 ends 1 December): the figures as of that period's end (as of now, provisional, while it is in progress) and each row's change since the previous period's end. Gap lists: GET /coverage/gaps; the semi-annual report: GET /coverage/reports/{period}.")
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();
    }

    public static async Task<Ok<FieldTreeResponse>> Fields(ITaskStatistics statistics, CancellationToken ct)
    {
        var tree = await statistics.FieldTreeAsync(ct);
        var results = tree.Select(f => new FieldView(f.Code, f.DisplayName, f.DisplayNameEn, f.Count,
            f.Sectors.Select(s => new FieldView(s.Code, s.DisplayName, s.DisplayNameEn, s.Count, null)).ToList())).ToList();
        return TypedResults.Ok(new FieldTreeResponse(new FieldTreeMeta(results.Count, results.Sum(f => f.Sectors!.Count)), results));
    }

    public static async Task<Results<Ok<StatisticsResponse>, ProblemHttpResult>> Stats(
        [AsParameters] StatisticsRequest request, ITaskStatistics statistics, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.GroupBy) || !Groupings.TryGetValue(request.GroupBy, out var groupBy))
        {
            var valid = string.Join(", ", Groupings.Keys);
            return ApiProblems.Validation("groupBy", $"groupBy bắt buộc, một trong: {valid} (groupBy is required, one of: {valid}).");
        }
        var query = new StatisticsQuery(groupBy, request.YearFrom, request.YearTo, string.IsNullOrEmpty(request.Field) ? null : request.Field);
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var buckets = await statistics.GroupAsync(query, ct);
        var meta = new StatisticsMeta(request.GroupBy, buckets.Count, buckets.Sum(b => b.Count), query.YearFrom, query.YearTo, query.Field);
        return TypedResults.Ok(new StatisticsResponse(meta, buckets));
    }

    public static async Task<Results<Ok<CoverageResponse>, ProblemHttpResult>> Coverage(
        [AsParameters] CoverageRequest request, ICoverageReport coverage, TimeProvider clock, CancellationToken ct)
    {
        if (request.Year is < StatisticsQuery.MinYear or > StatisticsQuery.MaxYear) return YearProblem();
        ReportingPeriod? period = null;
        if (request.Period is not null)
        {
            if (!CoveragePeriods.TryRead(request.Period, clock.GetUtcNow(), out var p, out var error)) return ApiProblems.Validation("period", error);
            period = p;
        }
        var report = await coverage.GetAsync(request.Year, period, ct);
        var meta = new CoverageMeta(report.AsOf, report.NextReportingDeadline, report.Year, report.Rows.Count,
            report.Period?.ToString(), report.Provisional, report.PreviousAsOf);
        return TypedResults.Ok(new CoverageResponse(meta, report.Rows, report.Totals));
    }

    public static ProblemHttpResult YearProblem() => ApiProblems.Validation("year",
        $"Năm phải trong khoảng {StatisticsQuery.MinYear}–{StatisticsQuery.MaxYear} (year must be between {StatisticsQuery.MinYear} and {StatisticsQuery.MaxYear}).");
}
