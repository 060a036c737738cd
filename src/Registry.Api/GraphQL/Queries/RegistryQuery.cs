using GraphQL;
using GraphQL.Types;
using Registry.Api.GraphQL.Types;

namespace Registry.Api.GraphQL.Queries;

/// <summary>The public read side. Only published tasks are reachable from any field.</summary>
public sealed class RegistryQuery : ObjectGraphType
{
    public RegistryQuery()
    {
        Name = "Query";
        Description = "Truy vấn công khai: chỉ nhiệm vụ đã công bố (public queries: published tasks only).";

        Field<TaskType>("task").Description("Một nhiệm vụ theo id; nhiệm vụ đã rút trả null kèm lỗi GONE (a task by id; withdrawn: null with a GONE error).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Resolve(TaskLookup.ById);
        Field<TaskType>("taskByCode").Description("Một nhiệm vụ theo mã số (a task by its registry code).")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Mã số, ví dụ ĐT-2024-40101-PT (registry code).")
            .ResolveAsync(TaskLookup.ByCodeAsync);
        Field<TaskConnectionType>("tasks")
            .Description("Tìm kiếm tiếng Việt có lọc, sắp xếp, đếm nhóm và phân trang (Vietnamese search with filters, sort, facets, paging).")
            .Argument<StringGraphType>("query", "Từ khóa, có dấu hoặc không dấu (what to search for, with or without diacritics).")
            .Argument<TaskFilterInputType>("filter", "Bộ lọc (filters).")
            .Argument<TaskOrderInputType>("orderBy", "Thứ tự (sort order).")
            .Argument<IntGraphType>("first", $"Số mục, 1–{Paging.MaxFirst}, mặc định {Paging.DefaultFirst} (page size).")
            .Argument<StringGraphType>("after", "Con trỏ: endCursor của trang trước hoặc cursor của một mục (a cursor).")
            .ResolveAsync(TaskSearch.ResolveAsync);
        Field<ListGraphType<NonNullGraphType<TaskType>>>("related")
            .Description("Nhiệm vụ tương tự (similar tasks by text and sector).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai của nhiệm vụ gốc (the task's public id).")
            .Argument<IntGraphType>("first", "Số mục, 1–20, mặc định 5 (how many).")
            .ResolveAsync(TaskLookup.RelatedAsync);
        Field<ListGraphType<NonNullGraphType<SuggestionType>>>("suggest")
            .Description("Gợi ý cho ô tìm kiếm, tối đa 10 (search-box completions, at most 10).")
            .Argument<NonNullGraphType<StringGraphType>>("query", "Phần đầu đã gõ (the prefix typed so far).")
            .ResolveAsync(TaskLookup.SuggestAsync);
        Field<OrganizationGraphType>("organization").Description("Một tổ chức chủ trì theo id (a host organization by id).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Resolve(c => TaskType.Loaders(c).OrganizationById.Load(c.GetArgument<string>("id")));
        Field<OrganizationConnectionType>("organizations")
            .Description("Tổ chức chủ trì có nhiệm vụ đã công bố, theo tên (host organizations with published tasks, by name).")
            .Argument<StringGraphType>("query", "Một phần tên, có dấu (part of the name, with diacritics).")
            .Argument<IntGraphType>("first", $"Số mục, 1–{Paging.MaxFirst}, mặc định {Paging.DefaultFirst} (page size).")
            .Argument<StringGraphType>("after", "Con trỏ endCursor của trang trước (endCursor of the previous page).")
            .ResolveAsync(DirectoryQueries.OrganizationsAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldOfScienceType>>>>("fields")
            .Description("Cây lĩnh vực KH&CN kèm số nhiệm vụ đã công bố (the field-of-science tree with counts of published tasks).")
            .ResolveAsync(DirectoryQueries.FieldsAsync);
        Field<ListGraphType<NonNullGraphType<StatisticsBucketType>>>("stats")
            .Description("Thống kê nhiệm vụ đã công bố theo nhóm: số lượng và kinh phí (counts and budgets of published tasks per group).")
            .Argument<NonNullGraphType<RecordEnumType<Registry.Data.Catalog.StatisticsGroupBy>>>("groupBy", "Nhóm theo (group by).")
            .Argument<IntGraphType>("yearFrom", "Năm bắt đầu từ (start year at least).")
            .Argument<IntGraphType>("yearTo", "Năm bắt đầu đến (start year at most).")
            .Argument<StringGraphType>("field", "Mã lĩnh vực, lọc theo tiền tố (field-of-science code prefix).")
            .ResolveAsync(StatisticsQueries.StatsAsync);
        Field<CoverageReportType>("coverage")
            .Description("Báo cáo mức độ công bố theo cơ quan quản lý và năm (publication coverage per agency and year).")
            .Argument<IntGraphType>("year", "Chỉ năm báo cáo này (only this reporting year).")
            .ResolveAsync(StatisticsQueries.CoverageAsync);
    }
}
