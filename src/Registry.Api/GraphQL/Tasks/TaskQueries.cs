using GraphQL.Types;
using Registry.Api.GraphQL.Common;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>The task fields of <c>Query</c>: lookups, search, related tasks and suggestions.</summary>
public static class TaskQueries
{
    public static ObjectGraphType AddTaskQueries(this ObjectGraphType query)
    {
        query.Field<TaskType>("task").Description("Một nhiệm vụ theo id; nhiệm vụ đã rút trả null kèm lỗi GONE (a task by id; withdrawn: null with a GONE error).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Resolve(TaskLookup.ById);
        query.Field<TaskType>("taskByCode").Description("Một nhiệm vụ theo mã số (a task by its registry code).")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Mã số, ví dụ ĐT-2024-40101-PT (registry code).")
            .ResolveAsync(TaskLookup.ByCodeAsync);
        query.Field<TaskConnectionType>("tasks")
            .Description("Tìm kiếm tiếng Việt có lọc, sắp xếp, đếm nhóm và phân trang (Vietnamese search with filters, sort, facets, paging).")
            .Argument<StringGraphType>("query", "Từ khóa, có dấu hoặc không dấu (what to search for, with or without diacritics).")
            .Argument<TaskFilterInputType>("filter", "Bộ lọc (filters).")
            .Argument<TaskOrderInputType>("orderBy", "Thứ tự (sort order).")
            .Argument<IntGraphType>("first", $"Số mục, 1–{Paging.MaxFirst}, mặc định {Paging.DefaultFirst} (page size).")
            .Argument<StringGraphType>("after", "Con trỏ: endCursor của trang trước hoặc cursor của một mục (a cursor).")
            .ResolveAsync(TaskSearch.ResolveAsync);
        query.Field<ListGraphType<NonNullGraphType<TaskType>>>("related")
            .Description("Nhiệm vụ tương tự (similar tasks by text and sector).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai của nhiệm vụ gốc (the task's public id).")
            .Argument<IntGraphType>("first", "Số mục, 1–20, mặc định 5 (how many).")
            .ResolveAsync(TaskLookup.RelatedAsync);
        query.Field<ListGraphType<NonNullGraphType<SuggestionType>>>("suggest")
            .Description("Gợi ý cho ô tìm kiếm, tối đa 10 (search-box completions, at most 10).")
            .Argument<NonNullGraphType<StringGraphType>>("query", "Phần đầu đã gõ (the prefix typed so far).")
            .ResolveAsync(TaskLookup.SuggestAsync);
        return query;
    }
}
