using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Auth;
using Registry.Api.Catalog;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Collections;

namespace Registry.Api.Collections;

/// <summary>Handlers of the collection endpoints.</summary>
public static class CollectionHandlers
{
    public static string LocationOf(string id) => $"/api/v1/collections/{Uri.EscapeDataString(id)}";

    public static async Task<Results<Ok<CollectionListResponse>, ProblemHttpResult>> List(
        [AsParameters] CollectionListQuery query, ICollectionStore store, CancellationToken ct)
    {
        if (CatalogProblems.CheckPageSize(query.PageSize, CollectionListQuery.MaxPageSize) is { } bad) return bad;
        var size = query.PageSize ?? CollectionListQuery.DefaultPageSize;
        try
        {
            var page = await store.ListAsync(string.IsNullOrEmpty(query.Cursor) ? null : query.Cursor, size, ct);
            return TypedResults.Ok(new CollectionListResponse(new CatalogListMeta(page.Count, page.NextCursor, size), page.Results));
        }
        catch (FormatException) // InvalidCursorException, or base64url the decoder refused outright
        {
            return CatalogProblems.Cursor("cursor");
        }
    }

    // The public view depends on the tasks' visibility as well as on the collection, so only curators get the version
    // as ETag (for If-Match); public answers are tagged by their content (ConditionalGetMiddleware).
    public static async Task<Results<Ok<CollectionRecord>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, ICollectionStore store, HttpResponse response, CancellationToken ct)
    {
        var curator = RegistryRoles.IsCurator(user);
        var collection = await store.FindAsync(id, curator ? CatalogReader.Curator : CatalogReader.Public, ct);
        if (collection is null) return CollectionProblems.NotFound();
        if (curator) response.Headers.ETag = ETags.For(collection.Version);
        return TypedResults.Ok(collection);
    }

    public static async Task<Results<Created<CollectionWriteResponse>, ProblemHttpResult>> Create(
        JsonBody<CollectionInput> body, ClaimsPrincipal user, ICollectionStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var result = await store.CreateAsync(body.Value!, RegistryRoles.ActorOf(user)!, ct);
        if (!result.Succeeded) return CollectionProblems.FromWrite(result);
        var collection = result.Collection!;
        response.Headers.ETag = ETags.For(collection.Version);
        return TypedResults.Created(LocationOf(collection.Id),
            new CollectionWriteResponse("created", "Đã tạo bộ sưu tập (collection created).", collection));
    }

    // The body is judged before If-Match is looked at, as for tasks.
    public static async Task<Results<Ok<CollectionWriteResponse>, ProblemHttpResult>> Update(
        string id, JsonBody<CollectionInput> body, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ICollectionStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var precondition = ETags.Parse(ifMatch);
        if (!precondition.Present) return CollectionProblems.PreconditionRequired();
        var result = await store.UpdateAsync(id, body.Value!, precondition.ExpectedVersion, RegistryRoles.ActorOf(user)!, ct);
        if (!result.Succeeded) return CollectionProblems.FromWrite(result, response);
        var collection = result.Collection!;
        response.Headers.ETag = ETags.For(collection.Version);
        return TypedResults.Ok(result.Status == WriteStatus.Unchanged
            ? new CollectionWriteResponse("unchanged", "Nội dung không thay đổi; không có gì được ghi (content unchanged; nothing was written).", collection)
            : new CollectionWriteResponse("updated", "Đã cập nhật bộ sưu tập (collection updated).", collection));
    }

    public static async Task<Results<Ok<CollectionWriteResponse>, ProblemHttpResult>> Delete(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, ICollectionStore store, HttpResponse response, CancellationToken ct)
    {
        var result = await store.DeleteAsync(id, ETags.Parse(ifMatch).ExpectedVersion, RegistryRoles.ActorOf(user)!, ct);
        if (!result.Succeeded) return CollectionProblems.FromWrite(result, response);
        return TypedResults.Ok(new CollectionWriteResponse("deleted", "Đã xóa bộ sưu tập; các nhiệm vụ không bị ảnh hưởng (collection deleted; its tasks are untouched).", null));
    }
}

/// <summary>The collection endpoints' problems.</summary>
internal static class CollectionProblems
{
    public static ProblemHttpResult NotFound() => ApiProblems.Create(ProblemKind.NotFound,
        "Không có bộ sưu tập với id này (no collection with this id).");

    public static ProblemHttpResult PreconditionRequired() => ApiProblems.Create(ProblemKind.PreconditionRequired,
        "Gửi tiêu đề If-Match với ETag nhận được khi đọc bộ sưu tập (send an If-Match header with the ETag you read).");

    public static ProblemHttpResult VersionMismatch(string? currentETag) => ApiProblems.Create(ProblemKind.VersionMismatch,
        "Bộ sưu tập đã được sửa sau khi bạn đọc; hãy đọc lại rồi gửi với If-Match mới " +
        "(the collection changed since you read it; read it again and retry with the new If-Match).",
        new Dictionary<string, object?> { ["currentETag"] = currentETag });

    public static ProblemHttpResult FromWrite(CollectionWriteResult result, HttpResponse? response = null)
    {
        switch (result.Status)
        {
            case WriteStatus.Invalid:
                return ApiProblems.Validation(result.Errors ?? []);
            case WriteStatus.NotFound:
                return NotFound();
            case WriteStatus.VersionMismatch:
                var current = result.Collection is null ? null : ETags.For(result.Collection.Version);
                if (current is not null && response is not null) response.Headers.ETag = current;
                return VersionMismatch(current);
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a failed collection write.");
        }
    }
}
