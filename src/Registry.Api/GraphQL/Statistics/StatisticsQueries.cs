using GraphQL;
using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Statistics;

/// <summary>
/// The statistics fields of <c>Query</c>: <c>fields</c>, <c>stats</c> and <c>coverage</c>, over the same Data-level
/// services as REST's <c>/fields</c>, <c>/stats</c> and <c>/coverage</c> (counts from the store).
/// </summary>
public static class StatisticsQueries
{
    public static ObjectGraphType AddStatisticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldOfScienceType>>>>("fields")
            .Description("Cây lĩnh vực KH&CN kèm số nhiệm vụ đã công bố (the field-of-science tree with counts of published tasks).")
            .ResolveAsync(FieldsAsync);
        query.Field<ListGraphType<NonNullGraphType<StatisticsBucketType>>>("stats")
            .Description("Thống kê nhiệm vụ đã công bố theo nhóm: số lượng và kinh phí (counts and budgets of published tasks per group).")
            .Argument<NonNullGraphType<RecordEnumType<StatisticsGroupBy>>>("groupBy", "Nhóm theo (group by).")
            .Argument<IntGraphType>("yearFrom", "Năm bắt đầu từ (start year at least).")
            .Argument<IntGraphType>("yearTo", "Năm bắt đầu đến (start year at most).")
            .Argument<StringGraphType>("field", "Mã lĩnh vực, lọc theo tiền tố (field-of-science code prefix).")
            .ResolveAsync(StatsAsync);
        query.Field<CoverageReportType>("coverage")
            .Description("Báo cáo mức độ công bố theo cơ quan quản lý và năm (publication coverage per agency and year).")
            .Argument<IntGraphType>("year", "Chỉ năm báo cáo này (only this reporting year).")
            .Argument<StringGraphType>("period", "Số liệu tại cuối kỳ này, YYYY-H1 hoặc YYYY-H2 (figures as of this period's end).")
            .ResolveAsync(CoverageAsync);
        query.Field<CoveragePeriodReportType>("coverageReport")
            .Description("Báo cáo sáu tháng về công bố và truyền thông theo cơ quan quản lý (the semi-annual report per agency).")
            .Argument<NonNullGraphType<StringGraphType>>("period", "YYYY-H1 (kết thúc 1/6) hoặc YYYY-H2 (kết thúc 1/12) (the period).")
            .ResolveAsync(CoverageReportAsync);
        return query;
    }

    /// <summary>The classification tree with counts of published tasks, as REST's <c>/fields</c>.</summary>
    private static async Task<object?> FieldsAsync(IResolveFieldContext context) =>
        await context.RequestServices!.GetRequiredService<ITaskStatistics>().FieldTreeAsync(context.CancellationToken);

    private static async Task<object?> StatsAsync(IResolveFieldContext context)
    {
        var query = new StatisticsQuery(context.GetArgument<StatisticsGroupBy>("groupBy"),
            context.GetArgument<int?>("yearFrom"), context.GetArgument<int?>("yearTo"), context.GetArgument<string?>("field"));
        var errors = query.Validate();
        if (errors.Count > 0) throw RegistryError.Invalid(errors.Select(e => new Registry.Data.Abstractions.FieldError(e.Parameter, e.Message)));
        return await context.RequestServices!.GetRequiredService<ITaskStatistics>().GroupAsync(query, context.CancellationToken);
    }

    private static async Task<object?> CoverageAsync(IResolveFieldContext context)
    {
        var year = context.GetArgument<int?>("year");
        if (year is < StatisticsQuery.MinYear or > StatisticsQuery.MaxYear)
        {
            throw RegistryError.Invalid("year", $"Năm phải trong khoảng {StatisticsQuery.MinYear}–{StatisticsQuery.MaxYear} (year out of range).");
        }

        var period = context.GetArgument<string?>("period") is { } text ? Period(context, text) : (ReportingPeriod?)null;
        return await context.RequestServices!.GetRequiredService<ICoverageReport>().GetAsync(year, period, context.CancellationToken);
    }

    private static async Task<object?> CoverageReportAsync(IResolveFieldContext context)
    {
        var period = Period(context, context.GetArgument<string>("period"));
        return await context.RequestServices!.GetRequiredService<ICoverageReport>()
            .GetPeriodReportAsync(period, Registry.Api.Coverage.CoverageApi.ReportGapLimit, context.CancellationToken);
    }

    private static ReportingPeriod Period(IResolveFieldContext context, string text)
    {
        var now = context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
        return Registry.Api.Coverage.CoveragePeriods.TryRead(text, now, out var period, out var error) ? period : throw RegistryError.Invalid("period", error);
    }
}
