using GraphQL;
using GraphQL.Types;
using Registry.Api.GraphQL.Types;

namespace Registry.Api.GraphQL.Mutations;

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
    }
}

/// <summary>What a write did and the task as it now stands.</summary>
public sealed record TaskPayload(string Outcome, string Message, long Version, Loaders.TaskNode Task);

public sealed class TaskPayloadType : ObjectGraphType<TaskPayload>
{
    public TaskPayloadType()
    {
        Name = "TaskPayload";
        Description = "Kết quả ghi (the outcome of a write).";
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("created, updated, unchanged, published hoặc withdrawn.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<StringGraphType>>("message").Description("Kết quả bằng lời (the outcome in words).").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Phiên bản hiện tại, dùng cho expectedVersion (current version).").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<TaskType>>("task").Description("Nhiệm vụ sau khi ghi (the task after the write).").Resolve(c => c.Source.Task);
    }
}
