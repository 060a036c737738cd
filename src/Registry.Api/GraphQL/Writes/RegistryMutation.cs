using GraphQL.Types;
using Registry.Api.GraphQL.Collections;

namespace Registry.Api.GraphQL.Writes;

/// <summary>Curator writes: the same X-Api-Key rules, validation and state-secret refusal as REST.</summary>
public sealed class RegistryMutation : ObjectGraphType
{
    public RegistryMutation()
    {
        Name = "Mutation";
        Description = "Ghi dữ liệu, cần khóa API của cán bộ cập nhật trong tiêu đề X-Api-Key (curator writes; send an X-Api-Key header).";
        Field<TaskPayloadType>("createTask").Description("Tạo nhiệm vụ mới ở trạng thái nháp (create a task as a draft).")
            .Argument<NonNullGraphType<TaskInputType>>("input", "Nội dung (content).")
            .ResolveAsync(TaskWrites.CreateAsync);
        Field<TaskPayloadType>("updateTask").Description("Thay nội dung nhiệm vụ (replace a task's content).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Argument<NonNullGraphType<TaskInputType>>("input", "Nội dung mới (new content).")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "Phiên bản đã đọc; khác thì lỗi VERSION_MISMATCH (the version you read).")
            .ResolveAsync(TaskWrites.UpdateAsync);
        Field<TaskPayloadType>("publishTask").Description("Công bố nhiệm vụ (publish a task).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Argument<LongGraphType>("expectedVersion", "Phiên bản đã đọc, tùy chọn (the version you read, optional).")
            .ResolveAsync(TaskWrites.PublishAsync);
        Field<TaskPayloadType>("withdrawTask").Description("Rút nhiệm vụ khỏi cơ sở dữ liệu công khai (withdraw a task).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Lý do rút, hiện trong bia mộ (why; shown in the tombstone).")
            .Argument<LongGraphType>("expectedVersion", "Phiên bản đã đọc, tùy chọn (the version you read, optional).")
            .ResolveAsync(TaskWrites.WithdrawAsync);
        this.AddCollectionMutations();
    }
}
