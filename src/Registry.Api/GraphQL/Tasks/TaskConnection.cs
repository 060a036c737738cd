using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>A page of tasks (Relay connection).</summary>
/// <param name="FacetScope">The search whose facets <c>facets(names)</c> counts (same text and filters).</param>
public sealed record TaskConnection(
    IReadOnlyList<TaskEdge> Edges, bool HasNextPage, bool HasPreviousPage, string? EndCursor, long TotalCount, SearchRequest FacetScope)
{
    /// <summary>The search was relaxed (see docs/search.md, "Query semantics").</summary>
    public bool Relaxed { get; init; }

    /// <summary>The query spelled with diacritics, when typed without them.</summary>
    public string? Suggestion { get; init; }
}

public sealed record TaskEdge(string Cursor, TaskRecord Node);

public sealed class TaskConnectionType : ObjectGraphType<TaskConnection>
{
    public TaskConnectionType()
    {
        Name = "TaskConnection";
        Description = "Một trang nhiệm vụ (a page of tasks, Relay connection).";
        Field<NonNullGraphType<LongGraphType>>("totalCount").Description("Tổng số nhiệm vụ khớp (how many tasks match in all).").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<BooleanGraphType>>("relaxed")
            .Description("Không nhiệm vụ nào chứa đủ các từ tìm; kết quả chứa ít từ hơn (no task held enough of the words searched for; the results hold fewer of them).")
            .Resolve(c => c.Source.Relaxed);
        Field<StringGraphType>("suggestion")
            .Description("Câu tìm có dấu, khi câu tìm gõ không dấu hoặc kiểu Telex (the query spelled with diacritics when typed without them or in Telex).")
            .Resolve(c => c.Source.Suggestion);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Thông tin phân trang (paging).")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.Edges.FirstOrDefault()?.Cursor, c.Source.EndCursor));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskEdgeType>>>>("edges").Description("Các nhiệm vụ kèm con trỏ (tasks with cursors).").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskType>>>>("nodes").Description("Các nhiệm vụ (the tasks).").Resolve(c => c.Source.Edges.Select(e => e.Node).ToList());
        Field<ListGraphType<NonNullGraphType<FacetType>>>("facets")
            .Description("Đếm theo nhóm trên toàn bộ kết quả; mỗi nhóm bỏ qua bộ lọc của chính nó (counts per value over all matches; each facet ignores its own filter, so a filtered facet still lists its other values).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FacetNameType>>>>("names", "Các nhóm cần đếm (facets to count).")
            .ResolveAsync(async c => await FacetResolver.ResolveAsync(c, c.Source.FacetScope));
    }
}

public sealed class TaskEdgeType : ObjectGraphType<TaskEdge>
{
    public TaskEdgeType()
    {
        Name = "TaskEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Truyền vào after để đọc tiếp sau mục này (pass as after to continue after this task).").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TaskType>>("node").Description("Nhiệm vụ (the task).").Resolve(c => c.Source.Node);
    }
}
