using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Statistics;

public sealed class StatisticsBucketType : ObjectGraphType<StatisticsBucket>
{
    public StatisticsBucketType()
    {
        Name = "StatisticsBucket";
        Description = "Một nhóm thống kê trên nhiệm vụ đã công bố (a group of published tasks).";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Giá trị nhóm, dùng được để lọc; unknown khi không ghi (the grouped value).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Tên tiếng Việt (Vietnamese label).").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<StringGraphType>>("displayNameEn").Description("Tên tiếng Anh (English label).").Resolve(c => c.Source.DisplayNameEn);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Số nhiệm vụ (tasks).").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<LongGraphType>>("budgetTotalVnd").Description("Tổng kinh phí, VND (total budget).").Resolve(c => c.Source.BudgetTotalVnd);
        Field<NonNullGraphType<LongGraphType>>("stateBudgetVnd").Description("Ngân sách nhà nước, VND (state budget).").Resolve(c => c.Source.StateBudgetVnd);
    }
}

public sealed class CoverageReportType : ObjectGraphType<CoverageReport>
{
    public CoverageReportType()
    {
        Name = "CoverageReport";
        Description = "Mức độ công bố theo cơ quan quản lý và năm, hướng tới 100% (how much of what is registered is published).";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Description("Thời điểm đọc số liệu (when read).").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<CalendarDateGraphType>>("nextReportingDeadline").Description("Hạn báo cáo tiếp theo: 1/6 hoặc 1/12 (next deadline).").Resolve(c => c.Source.NextReportingDeadline);
        Field<IntGraphType>("year").Description("Năm báo cáo nếu có lọc (the year asked for).").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageRowType>>>>("rows").Description("Theo cơ quan và năm (per agency and year).").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<CoverageRowType>>("totals").Description("Tổng cộng (totals).")
            .Resolve(c => new CoverageRow(null, c.Source.Year ?? 0, c.Source.Totals.Registered, c.Source.Totals.Published, c.Source.Totals.SharePublished,
                c.Source.Totals.PublishedMissingSummary, c.Source.Totals.FinishedMissingResults, c.Source.Totals.Communicated,
                c.Source.Totals.ShareCommunicated, c.Source.Totals.ShareCommunicatedOfPublished, c.Source.Totals.Change));
        Field<StringGraphType>("period").Description("Kỳ báo cáo nếu có (the period asked for, YYYY-H1 or YYYY-H2).").Resolve(c => c.Source.Period?.ToString());
        Field<NonNullGraphType<BooleanGraphType>>("provisional").Description("Kỳ chưa kết thúc: số liệu tạm tính (the period is in progress).").Resolve(c => c.Source.Provisional);
        Field<DateTimeOffsetGraphType>("previousAsOf").Description("Cuối kỳ trước, mốc so sánh (end of the previous period).").Resolve(c => c.Source.PreviousAsOf);
    }
}

public sealed class CoverageRowType : ObjectGraphType<CoverageRow>
{
    public CoverageRowType()
    {
        Name = "CoverageRow";
        Field<StringGraphType>("managingAgency").Description("Cơ quan quản lý; null khi không ghi (managing agency).").Resolve(c => c.Source.ManagingAgency);
        Field<NonNullGraphType<IntGraphType>>("year").Description("Năm báo cáo; 0 ở dòng tổng khi không lọc năm (reporting year).").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("registered").Description("Đã đăng ký, chưa rút (registered, not withdrawn).").Resolve(c => c.Source.Registered);
        Field<NonNullGraphType<IntGraphType>>("published").Description("Đã công bố (published).").Resolve(c => c.Source.Published);
        Field<NonNullGraphType<FloatGraphType>>("sharePublished").Description("Tỷ lệ công bố, % (share published).").Resolve(c => c.Source.SharePublished);
        Field<NonNullGraphType<IntGraphType>>("publishedMissingSummary").Description("Đã công bố nhưng thiếu tóm tắt (published without summary).").Resolve(c => c.Source.PublishedMissingSummary);
        Field<NonNullGraphType<IntGraphType>>("finishedMissingResults").Description("Đã xong nhưng thiếu kết quả (finished without results).").Resolve(c => c.Source.FinishedMissingResults);
        Field<NonNullGraphType<IntGraphType>>("communicated").Description("Đã công bố và có ít nhất một tin, bài truyền thông (published with coverage).").Resolve(c => c.Source.Communicated);
        Field<NonNullGraphType<FloatGraphType>>("shareCommunicated").Description("Tỷ lệ truyền thông trên số đăng ký, % (share communicated of registered).").Resolve(c => c.Source.ShareCommunicated);
        Field<NonNullGraphType<FloatGraphType>>("shareCommunicatedOfPublished").Description("Tỷ lệ truyền thông trên số công bố, % (share communicated of published).").Resolve(c => c.Source.ShareCommunicatedOfPublished);
        Field<CoverageChangeType>("change").Description("Thay đổi so với cuối kỳ trước, khi hỏi theo kỳ (change since the previous period).").Resolve(c => c.Source.Change);
    }
}
