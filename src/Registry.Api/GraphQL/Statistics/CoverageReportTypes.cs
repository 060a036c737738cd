using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.GraphQL.Statistics;

public sealed class CoverageChangeType : ObjectGraphType<CoverageChange>
{
    public CoverageChangeType()
    {
        Name = "CoverageChange";
        Description = "Số liệu kỳ này trừ số liệu cuối kỳ trước (this period's figures minus the previous period's).";
        Field<NonNullGraphType<IntGraphType>>("registered").Description("Đã đăng ký (registered).").Resolve(c => c.Source.Registered);
        Field<NonNullGraphType<IntGraphType>>("published").Description("Đã công bố (published).").Resolve(c => c.Source.Published);
        Field<NonNullGraphType<IntGraphType>>("communicated").Description("Đã truyền thông (communicated).").Resolve(c => c.Source.Communicated);
        Field<NonNullGraphType<FloatGraphType>>("sharePublished").Description("Tỷ lệ công bố, điểm % (share published, points).").Resolve(c => c.Source.SharePublished);
        Field<NonNullGraphType<FloatGraphType>>("shareCommunicated").Description("Tỷ lệ truyền thông, điểm % (share communicated, points).").Resolve(c => c.Source.ShareCommunicated);
    }
}

public sealed class CoverageFiguresType : ObjectGraphType<CoverageFigures>
{
    public CoverageFiguresType()
    {
        Name = "CoverageFigures";
        Description = "Số liệu của một cơ quan tại một thời điểm (one agency's figures at one moment).";
        Field<NonNullGraphType<IntGraphType>>("registered").Description("Đã đăng ký, chưa rút (registered, not withdrawn).").Resolve(c => c.Source.Registered);
        Field<NonNullGraphType<IntGraphType>>("published").Description("Đã công bố (published).").Resolve(c => c.Source.Published);
        Field<NonNullGraphType<IntGraphType>>("communicated").Description("Đã công bố và có tin, bài truyền thông (published with coverage).").Resolve(c => c.Source.Communicated);
        Field<NonNullGraphType<FloatGraphType>>("sharePublished").Description("Tỷ lệ công bố, % (share published).").Resolve(c => c.Source.SharePublished);
        Field<NonNullGraphType<FloatGraphType>>("shareCommunicated").Description("Tỷ lệ truyền thông trên số đăng ký, % (share communicated of registered).").Resolve(c => c.Source.ShareCommunicated);
        Field<NonNullGraphType<FloatGraphType>>("shareCommunicatedOfPublished").Description("Tỷ lệ truyền thông trên số công bố, % (share communicated of published).").Resolve(c => c.Source.ShareCommunicatedOfPublished);
        Field<NonNullGraphType<IntGraphType>>("finishedMissingResults").Description("Đã xong nhưng chưa có kết quả (finished without results).").Resolve(c => c.Source.FinishedMissingResults);
    }
}

public sealed class CoverageAgencyRowType : ObjectGraphType<CoverageAgencyRow>
{
    public CoverageAgencyRowType()
    {
        Name = "CoverageAgencyRow";
        Field<StringGraphType>("managingAgency").Description("Cơ quan quản lý; null khi không ghi hoặc ở dòng tổng (managing agency).").Resolve(c => c.Source.ManagingAgency);
        Field<NonNullGraphType<CoverageFiguresType>>("figures").Description("Tại cuối kỳ, hoặc hiện tại nếu kỳ chưa kết thúc (as of the period's end).").Resolve(c => c.Source.Figures);
        Field<NonNullGraphType<CoverageFiguresType>>("previous").Description("Tại cuối kỳ trước (as of the previous period's end).").Resolve(c => c.Source.Previous);
        Field<NonNullGraphType<CoverageChangeType>>("change").Description("Thay đổi (change).").Resolve(c => c.Source.Change);
    }
}

public sealed class CoverageGapType : ObjectGraphType<CoverageGap>
{
    public CoverageGapType()
    {
        Name = "CoverageGap";
        Description = "Một nhiệm vụ đang công khai trong danh sách còn thiếu (a public task in a gap list).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Mã định danh công khai (public id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("code").Description("Mã số (code).").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Tên nhiệm vụ (title).").Resolve(c => c.Source.Title);
        Field<StringGraphType>("managingAgency").Description("Cơ quan quản lý (managing agency).").Resolve(c => c.Source.ManagingAgency);
        Field<NonNullGraphType<IntGraphType>>("year").Description("Năm báo cáo (reporting year).").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<RecordEnumType<TaskStatus>>>("status").Description("Tình trạng (status).").Resolve(c => c.Source.Status);
        Field<DateTimeOffsetGraphType>("publishedAt").Description("Công bố lần đầu (first published).").Resolve(c => c.Source.PublishedAt);
    }
}

public sealed class CoverageGapListType : ObjectGraphType<CoverageGapList>
{
    public CoverageGapListType()
    {
        Name = "CoverageGapList";
        Field<NonNullGraphType<IntGraphType>>("count").Description("Tổng số nhiệm vụ trong danh sách (all tasks in the list).").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("Chỉ liệt kê phần đầu theo mã số (only the first entries by code are listed).").Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageGapType>>>>("items").Description("Nhiệm vụ, theo cơ quan, năm, mã số (tasks).").Resolve(c => c.Source.Items);
    }
}

public sealed class CoveragePeriodReportType : ObjectGraphType<CoveragePeriodReport>
{
    public CoveragePeriodReportType()
    {
        Name = "CoveragePeriodReport";
        Description = "Báo cáo sáu tháng: số liệu theo cơ quan tại cuối kỳ, thay đổi so với kỳ trước, danh sách còn thiếu (the semi-annual report).";
        Field<NonNullGraphType<StringGraphType>>("period").Description("Kỳ báo cáo, YYYY-H1 hoặc YYYY-H2 (the period).").Resolve(c => c.Source.Period.ToString());
        Field<NonNullGraphType<CalendarDateGraphType>>("startDate").Description("Ngày đầu kỳ (first day).").Resolve(c => c.Source.Period.StartDate);
        Field<NonNullGraphType<CalendarDateGraphType>>("endDate").Description("Ngày cuối kỳ, tính cả ngày này (last day, inclusive).").Resolve(c => c.Source.Period.EndDate);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Description("Thời điểm của số liệu (the instant the figures describe).").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("provisional").Description("Kỳ chưa kết thúc: số liệu tạm tính (in progress).").Resolve(c => c.Source.Provisional);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("previousAsOf").Description("Cuối kỳ trước (end of the previous period).").Resolve(c => c.Source.PreviousAsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageAgencyRowType>>>>("rows").Description("Theo cơ quan quản lý (per agency).").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<CoverageAgencyRowType>>("totals").Description("Tổng cộng (totals).").Resolve(c => c.Source.Totals);
        Field<NonNullGraphType<CoverageGapListType>>("notCommunicated").Description("Đã công bố nhưng chưa truyền thông (published, never communicated).").Resolve(c => c.Source.NotCommunicated);
        Field<NonNullGraphType<CoverageGapListType>>("noResults").Description("Đã xong nhưng chưa có kết quả (finished, no results).").Resolve(c => c.Source.NoResults);
    }
}
