using GraphQL.Types;
using Registry.Api.GraphQL.Loaders;
using Registry.Api.GraphQL.Queries;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Types;

/// <summary>A page of tasks (Relay connection). <paramref name="TotalCount"/> is a long or a pending loader result.</summary>
/// <param name="FacetScope">The search whose facets <c>facets(names)</c> counts (same text and filters).</param>
public sealed record TaskConnection(
    IReadOnlyList<TaskEdge> Edges, bool HasNextPage, bool HasPreviousPage, string? EndCursor, object TotalCount, SearchRequest FacetScope)
{
    /// <summary>The search was relaxed (see docs/search.md, "Query semantics").</summary>
    public bool Relaxed { get; init; }

    /// <summary>The query spelled with diacritics, when typed without them.</summary>
    public string? Suggestion { get; init; }
}

public sealed record TaskEdge(string Cursor, TaskNode Node);

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

/// <summary>Relay page information, shared by every connection.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Phân trang theo con trỏ (cursor paging).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Còn trang sau (there is a next page).").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Trang này không phải trang đầu (this is not the first page).").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Con trỏ của mục đầu (cursor of the first edge).").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Truyền vào after để lấy trang sau (pass as after for the next page).").Resolve(c => c.Source.EndCursor);
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

/// <summary>Facet names, generated from <see cref="SearchFacets.All"/> so the schema follows the search model.</summary>
public sealed class FacetNameType : EnumerationGraphType
{
    public FacetNameType()
    {
        Name = "FacetName";
        Description = "Nhóm đếm (a facet).";
        foreach (var facet in SearchFacets.All) Add(facet.Name, facet.Name, facet.Description);
    }
}

public sealed class FacetType : ObjectGraphType<KeyValuePair<string, IReadOnlyList<FacetBucket>>>
{
    public FacetType()
    {
        Name = "Facet";
        Field<NonNullGraphType<FacetNameType>>("name").Description("Tên nhóm (facet name).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetBucketType>>>>("buckets")
            .Description("Giá trị và số lượng, nhiều nhất trước (values with counts, most frequent first).").Resolve(c => c.Source.Value);
    }
}

public sealed class FacetBucketType : ObjectGraphType<FacetBucket>
{
    public FacetBucketType()
    {
        Name = "FacetBucket";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Giá trị dùng để lọc (the value to filter by).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Tên hiển thị tiếng Việt (Vietnamese label).").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<LongGraphType>>("count").Description("Số nhiệm vụ (how many tasks).").Resolve(c => c.Source.Count);
    }
}
