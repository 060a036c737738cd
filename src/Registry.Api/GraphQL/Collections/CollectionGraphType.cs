using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Api.GraphQL.Tasks;
using Registry.Data.Collections;

namespace Registry.Api.GraphQL.Collections;

/// <summary>Bộ sưu tập: curated tasks for a day, a campaign or a theme. Its tasks load in one batch per level.</summary>
public sealed class CollectionGraphType : ObjectGraphType<CollectionSummary>
{
    public CollectionGraphType()
    {
        Name = "Collection";
        Description = "Bộ sưu tập nhiệm vụ do cán bộ tuyển chọn cho một ngày, chiến dịch hay chủ đề (a curated collection of tasks).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Mã công khai, c + 12 ký tự (stable public id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Tên tiếng Việt (Vietnamese title).").Resolve(c => c.Source.Title);
        Field<StringGraphType>("titleEn").Description("Tên tiếng Anh (English title).").Resolve(c => c.Source.TitleEn);
        Field<StringGraphType>("description").Description("Giới thiệu (description, Vietnamese).").Resolve(c => c.Source.Description);
        Field<StringGraphType>("descriptionEn").Description("Giới thiệu tiếng Anh (description, English).").Resolve(c => c.Source.DescriptionEn);
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Description("Ngày của bộ sưu tập, ví dụ 2027-05-18 (the day it is for).").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("Lần sửa gần nhất (last change).").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<IntGraphType>>("taskCount").Description("Số nhiệm vụ đã công bố (published tasks in it).").Resolve(c => c.Source.TaskCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollectionItemGraphType>>>>("items")
            .Description("Các nhiệm vụ đã công bố theo thứ tự của người biên tập, kèm ghi chú (published tasks in the curators' order, with notes).")
            .Resolve(c => CollectionLoaders.Of(c).ById.Load(c.Source.Id).Then(r => r?.Items ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskType>>>>("tasks")
            .Description("Các nhiệm vụ đã công bố theo thứ tự (published tasks in order).")
            .Resolve(c => CollectionLoaders.Of(c).ById.Load(c.Source.Id).Then(r => (r?.Items ?? []).Select(i => i.Task).ToList()));
    }
}

public sealed class CollectionItemGraphType : ObjectGraphType<CollectionEntry>
{
    public CollectionItemGraphType()
    {
        Name = "CollectionItem";
        Description = "Một nhiệm vụ trong bộ sưu tập (a task in a collection).";
        Field<NonNullGraphType<IntGraphType>>("position").Description("Vị trí, từ 1 (place, from 1).").Resolve(c => c.Source.Position);
        Field<StringGraphType>("note").Description("Ghi chú của người biên tập (the curator's note).").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<TaskType>>("task").Description("Nhiệm vụ (the task).").Resolve(c => c.Source.Task);
    }
}

/// <summary>A page of collections.</summary>
public sealed record CollectionConnection(IReadOnlyList<CollectionSummary> Nodes, PageInfo PageInfo, long TotalCount);

public sealed class CollectionConnectionType : ObjectGraphType<CollectionConnection>
{
    public CollectionConnectionType()
    {
        Name = "CollectionConnection";
        Description = "Một trang bộ sưu tập, ngày mới nhất trước (a page of collections, latest date first).";
        Field<NonNullGraphType<LongGraphType>>("totalCount").Description("Tổng số bộ sưu tập (how many in all).").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Thông tin phân trang (paging).").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollectionGraphType>>>>("nodes").Description("Các bộ sưu tập (the collections).").Resolve(c => c.Source.Nodes);
    }
}
