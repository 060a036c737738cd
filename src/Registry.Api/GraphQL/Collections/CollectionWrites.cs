using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Api.GraphQL.Writes;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Collections;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Collections;

/// <summary>A collection as curators write it: every field optional here so the store's validator reports all at once.</summary>
public sealed class CollectionInputType : InputObjectGraphType
{
    public CollectionInputType()
    {
        Name = "CollectionInput";
        Description = "Nội dung bộ sưu tập (a collection's content).";
        Field<StringGraphType>("title").Description("Tên tiếng Việt, bắt buộc (Vietnamese title, required).");
        Field<StringGraphType>("titleEn").Description("Tên tiếng Anh (English title).");
        Field<StringGraphType>("description").Description($"Giới thiệu, tối đa {CollectionLimits.Description} ký tự (description).");
        Field<StringGraphType>("descriptionEn").Description("Giới thiệu tiếng Anh (description, English).");
        Field<CalendarDateGraphType>("date").Description("Ngày của bộ sưu tập, bắt buộc (the day it is for, required).");
        Field<ListGraphType<NonNullGraphType<CollectionItemInputType>>>("items")
            .Description($"Các nhiệm vụ theo thứ tự, tối đa {CollectionLimits.MaxItems}, mỗi nhiệm vụ một lần (tasks in order).");
    }
}

public sealed class CollectionItemInputType : InputObjectGraphType
{
    public CollectionItemInputType()
    {
        Name = "CollectionItemInput";
        Description = "Một nhiệm vụ của bộ sưu tập (a task of a collection).";
        Field<StringGraphType>("task").Description("Id công khai (t…) hoặc mã số của nhiệm vụ (the task's public id or code).");
        Field<StringGraphType>("note").Description("Ghi chú (curator's note).");
    }
}

/// <summary>What a collection write did and the collection as it now stands (public view).</summary>
public sealed record CollectionPayload(string Outcome, string Message, long? Version, CollectionSummary? Collection);

public sealed class CollectionPayloadType : ObjectGraphType<CollectionPayload>
{
    public CollectionPayloadType()
    {
        Name = "CollectionPayload";
        Description = "Kết quả ghi bộ sưu tập (the outcome of a collection write).";
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("created, updated, unchanged hoặc deleted.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<StringGraphType>>("message").Description("Kết quả bằng lời (the outcome in words).").Resolve(c => c.Source.Message);
        Field<LongGraphType>("version").Description("Phiên bản hiện tại, dùng cho expectedVersion (current version).").Resolve(c => c.Source.Version);
        Field<CollectionGraphType>("collection").Description("Bộ sưu tập sau khi ghi (the collection after the write).").Resolve(c => c.Source.Collection);
    }
}

/// <summary>Resolvers of the collection mutations, over <see cref="ICollectionStore"/> like the REST handlers.</summary>
public static class CollectionWrites
{
    public static RegistryMutation AddCollectionMutations(this RegistryMutation mutation)
    {
        mutation.Field<CollectionPayloadType>("createCollection").Description("Tạo bộ sưu tập (create a collection).")
            .Argument<NonNullGraphType<CollectionInputType>>("input", "Nội dung (content).")
            .ResolveAsync(CreateAsync);
        mutation.Field<CollectionPayloadType>("updateCollection").Description("Thay nội dung bộ sưu tập (replace a collection).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Argument<NonNullGraphType<CollectionInputType>>("input", "Nội dung mới (new content).")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "Phiên bản đã đọc; khác thì lỗi VERSION_MISMATCH (the version you read).")
            .ResolveAsync(UpdateAsync);
        mutation.Field<CollectionPayloadType>("deleteCollection").Description("Xóa bộ sưu tập; các nhiệm vụ không bị ảnh hưởng (delete a collection; its tasks stay).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Argument<LongGraphType>("expectedVersion", "Phiên bản đã đọc, tùy chọn (the version you read, optional).")
            .ResolveAsync(DeleteAsync);
        return mutation;
    }

    private static async Task<object?> CreateAsync(IResolveFieldContext context)
    {
        var actor = TaskWrites.Curator(context);
        var result = await Store(context).CreateAsync(ToInput(context), actor, context.CancellationToken);
        return await PayloadAsync(context, result, "created", "Đã tạo bộ sưu tập (collection created).");
    }

    private static async Task<object?> UpdateAsync(IResolveFieldContext context)
    {
        var actor = TaskWrites.Curator(context);
        var result = await Store(context).UpdateAsync(context.GetArgument<string>("id"), ToInput(context),
            context.GetArgument<long>("expectedVersion"), actor, context.CancellationToken);
        return result.Status == WriteStatus.Unchanged
            ? await PayloadAsync(context, result, "unchanged", "Nội dung không thay đổi; không có gì được ghi (content unchanged; nothing was written).")
            : await PayloadAsync(context, result, "updated", "Đã cập nhật bộ sưu tập (collection updated).");
    }

    private static async Task<object?> DeleteAsync(IResolveFieldContext context)
    {
        var actor = TaskWrites.Curator(context);
        var result = await Store(context).DeleteAsync(context.GetArgument<string>("id"), context.GetArgument<long?>("expectedVersion"), actor, context.CancellationToken);
        if (!result.Succeeded) throw Failure(result);
        return new CollectionPayload("deleted", "Đã xóa bộ sưu tập; các nhiệm vụ không bị ảnh hưởng (collection deleted; its tasks are untouched).", null, null);
    }

    /// <summary>The input through the same JSON mapping REST reads (dates as ISO 8601).</summary>
    private static CollectionInput ToInput(IResolveFieldContext context)
    {
        var json = JsonSerializer.SerializeToElement(context.GetArgument<Dictionary<string, object?>>("input"), RegistryJson.Options);
        return json.Deserialize<CollectionInput>(RegistryJson.Options) ?? new CollectionInput();
    }

    private static ICollectionStore Store(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ICollectionStore>();

    /// <summary>The payload shows the collection as the public sees it now (published tasks only), like task payloads.</summary>
    private static async Task<CollectionPayload> PayloadAsync(IResolveFieldContext context, CollectionWriteResult result, string outcome, string message)
    {
        if (!result.Succeeded) throw Failure(result);
        var written = result.Collection!;
        var view = await Store(context).FindAsync(written.Id, CatalogReader.Public, context.CancellationToken);
        return new CollectionPayload(outcome, message, written.Version, view is null ? null : CollectionLoaders.Summary(view));
    }

    private static RegistryError Failure(CollectionWriteResult result) => result.Status switch
    {
        WriteStatus.Invalid => RegistryError.Invalid((result.Errors ?? []).Select(e => new FieldError("input." + e.Path.TrimStart('$', '.'), e.Message))),
        WriteStatus.NotFound => new RegistryError(ErrorCodes.NotFound, "Không có bộ sưu tập với id này (no collection with this id)."),
        WriteStatus.VersionMismatch => new RegistryError(ErrorCodes.VersionMismatch,
            "Bộ sưu tập đã được sửa sau khi bạn đọc; hãy đọc lại rồi gửi expectedVersion mới (the collection changed since you read it; read it again and retry).",
            details: result.Collection is null ? null : new Dictionary<string, object?> { ["currentVersion"] = result.Collection.Version }),
        _ => new RegistryError(ErrorCodes.Internal, "Không ghi được (the write failed)."),
    };
}
