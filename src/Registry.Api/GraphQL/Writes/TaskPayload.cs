using GraphQL.Types;
using Registry.Api.GraphQL.Tasks;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Writes;

/// <summary>What a write did and the task as it now stands.</summary>
public sealed record TaskPayload(string Outcome, string Message, long Version, TaskRecord Task);

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
