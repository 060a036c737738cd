using System.Text.Json;
using GraphQL;
using Registry.Api.Auth;
using Registry.Api.GraphQL.Common;
using Registry.Api.Tasks;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Writes;

/// <summary>Resolvers of the curator mutations, over <see cref="ITaskStore"/> like the REST handlers.</summary>
public static class TaskWrites
{
    /// <summary>User-context key: whether the request carried an X-Api-Key header (to word the auth error).</summary>
    public const string KeyPresented = "registry.apiKeyPresented";

    public static async Task<object?> CreateAsync(IResolveFieldContext context)
    {
        var actor = Curator(context);
        var record = ToRecord(context.GetArgument<Dictionary<string, object?>>("input"));
        var result = await Store(context).CreateAsync(record, actor, context.CancellationToken);
        return Payload(result, record.Code, r => TaskOutcomes.Created(r.Task!));
    }

    public static async Task<object?> UpdateAsync(IResolveFieldContext context)
    {
        var actor = Curator(context);
        var record = ToRecord(context.GetArgument<Dictionary<string, object?>>("input"));
        var result = await Store(context).UpdateAsync(context.GetArgument<string>("id"), record,
            context.GetArgument<long>("expectedVersion"), actor, context.CancellationToken);
        return Payload(result, record.Code, TaskOutcomes.Updated);
    }

    public static async Task<object?> PublishAsync(IResolveFieldContext context)
    {
        var actor = Curator(context);
        var result = await Store(context).SetVisibilityAsync(context.GetArgument<string>("id"), Visibility.Published, null,
            context.GetArgument<long?>("expectedVersion"), actor, context.CancellationToken);
        return Payload(result, null, TaskOutcomes.Published);
    }

    public static async Task<object?> WithdrawAsync(IResolveFieldContext context)
    {
        var actor = Curator(context);
        var reason = context.GetArgument<string>("reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RegistryError.Invalid("reason", "Hãy nêu lý do rút nhiệm vụ (give the reason for withdrawing the task).");
        }

        var result = await Store(context).SetVisibilityAsync(context.GetArgument<string>("id"), Visibility.Withdrawn, reason.Trim(),
            context.GetArgument<long?>("expectedVersion"), actor, context.CancellationToken);
        return Payload(result, null, TaskOutcomes.Withdrawn);
    }

    /// <summary>The input as a record v1, through the record's own JSON mapping (enums, dates, money as REST reads them).</summary>
    internal static TaskRecord ToRecord(Dictionary<string, object?> input)
    {
        var json = JsonSerializer.SerializeToElement(input, RegistryJson.Options);
        return json.Deserialize<TaskRecord>(RegistryJson.Options) ?? new TaskRecord();
    }

    internal static Actor Curator(IResolveFieldContext context)
    {
        var user = context.User;
        if (user is null || RegistryRoles.ActorOf(user) is not { } actor)
        {
            var presented = context.UserContext.TryGetValue(KeyPresented, out var p) && p is true;
            throw new RegistryError(ErrorCodes.Unauthenticated, presented
                ? "Khóa API không đúng hoặc đã bị thu hồi (the API key is unknown or revoked)."
                : "Gửi khóa API của cán bộ cập nhật trong tiêu đề X-Api-Key (send a curator API key in the X-Api-Key header).");
        }

        if (!RegistryRoles.IsCurator(user))
        {
            throw new RegistryError(ErrorCodes.Forbidden, "Khóa API này không có quyền thực hiện thao tác (this API key's role may not do this).");
        }

        return actor;
    }

    private static ITaskStore Store(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ITaskStore>();

    /// <summary>The payload shows the task as the write left it (public record, whatever its visibility).</summary>
    private static TaskPayload Payload(WriteResult result, string? code, Func<WriteResult, TaskWriteResponse> describe)
    {
        if (!result.Succeeded) throw Failure(result, code);
        var stored = result.Task!;
        var words = describe(result);
        return new TaskPayload(words.Outcome, words.Message, stored.Version, TaskRecordProjection.ForPublic(stored.Record));
    }

    private static RegistryError Failure(WriteResult result, string? code) => result.Status switch
    {
        WriteStatus.Invalid => RegistryError.Invalid((result.Errors ?? []).Select(e => new FieldError("input." + e.Path.TrimStart('$', '.'), e.Message))),
        WriteStatus.StateSecret => new RegistryError(ErrorCodes.StateSecret,
            "Nhiệm vụ có độ mật (Mật, Tối mật, Tuyệt mật) không được đưa vào cơ sở dữ liệu công khai; không có nội dung nào được lưu " +
            "(tasks classified as state secrets cannot enter the public registry; nothing was stored)."),
        WriteStatus.NotFound => new RegistryError(ErrorCodes.NotFound, "Không có nhiệm vụ với id này (no task with this id)."),
        WriteStatus.VersionMismatch => new RegistryError(ErrorCodes.VersionMismatch,
            "Nhiệm vụ đã được sửa sau khi bạn đọc; hãy đọc lại rồi gửi expectedVersion mới (the task changed since you read it; read it again and retry).",
            details: result.Task is null ? null : new Dictionary<string, object?> { ["currentVersion"] = result.Task.Version }),
        WriteStatus.DuplicateCode => RegistryError.Invalid("input.code",
            $"Mã số '{code}' đã được dùng cho nhiệm vụ khác (code '{code}' is already used by another task)."),
        _ => new RegistryError(ErrorCodes.Internal, "Không ghi được (the write failed)."),
    };
}
