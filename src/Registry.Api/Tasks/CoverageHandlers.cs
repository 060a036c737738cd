using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Auth;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
using Registry.Data;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Validation;

namespace Registry.Api.Tasks;

/// <summary>
/// The media coverage of one task as a subresource. Reads follow GET /tasks/{id} (published for the public, every
/// task for curators, 404 / 410 otherwise). Adding or removing an item is a task update through
/// <see cref="ITaskStore.UpdateAsync"/>: the same validation, version bump, audit entry and outbox entry in one
/// transaction, so the index, feeds and change log see it like any other edit.
/// </summary>
public static class CoverageHandlers
{
    /// <summary>Attempts when no If-Match was given and another writer changed the task between read and write.</summary>
    private const int Attempts = 3;

    public static string LocationOf(string id) => TaskHandlers.LocationOf(id) + "/coverage";

    public static async Task<Results<Ok<CoverageListResponse>, ProblemHttpResult>> ListCoverage(
        string id, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        var reader = RegistryRoles.IsCurator(user) ? CatalogReader.Curator : CatalogReader.Public;
        var lookup = PublicTaskLookup.Of(await store.FindByIdAsync(id, ct), reader);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        response.Headers.ETag = ETags.For(found.Version);
        var items = CoverageItemView.List(found.Record.Coverage);
        return TypedResults.Ok(new CoverageListResponse(new CoverageListMeta(items.Count), items));
    }

    // POST /tasks/{id}/coverage: the item is judged on its own first, so its errors name "url", "date"… as sent.
    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> AddCoverage(
        string id, JsonBody<CoverageRecord> body, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ITaskStore store, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var item = body.Value!;
        var errors = TaskRecordValidator.ValidateCoverageItem(item, clock);
        if (errors.Count > 0) return ApiProblems.Validation(errors);
        var key = CoverageLinks.Key(item.Url!);
        return await ChangeAsync(id, ifMatch, user, store, response, "Đã thêm mục truyền thông (coverage item added).", current =>
        {
            var index = IndexOf(current, key);
            return index >= 0
                ? (null, ApiProblems.Validation("url", $"Nhiệm vụ đã có đường dẫn này ở coverage[{index}]; mỗi bài/tin chỉ ghi một lần " +
                    $"(the task already has this link as coverage[{index}]; each item is recorded once)"))
                : ([.. current, item], null);
        }, ct);
    }

    // DELETE /tasks/{id}/coverage?url=…: the link is matched as duplicates are (scheme, host case, www., trailing '/', fragment aside).
    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> RemoveCoverage(
        string id, [FromQuery] string? url, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return ApiProblems.Validation("url", "Hãy gửi đường dẫn của mục cần xóa trong tham số url (send the link of the item to remove in the url parameter).");
        }
        if (url.Length > TextLimits.Url)
        {
            return ApiProblems.Validation("url", $"url dài tối đa {TextLimits.Url} ký tự (url may be at most {TextLimits.Url} characters).");
        }
        var key = CoverageLinks.Key(url);
        return await ChangeAsync(id, ifMatch, user, store, response, "Đã xóa mục truyền thông (coverage item removed).", current =>
        {
            var index = IndexOf(current, key);
            return index < 0
                ? (null, ApiProblems.Create(ProblemKind.NotFound,
                    "Nhiệm vụ không có mục truyền thông với đường dẫn này (the task has no coverage item with this link)."))
                : ([.. current.Where((_, i) => i != index)], null);
        }, ct);
    }

    private static int IndexOf(IReadOnlyList<CoverageRecord> items, string key)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Url is { } url && CoverageLinks.Key(url) == key) return i;
        }
        return -1;
    }

    private delegate (IReadOnlyList<CoverageRecord>? Next, ProblemHttpResult? Problem) CoverageChange(IReadOnlyList<CoverageRecord> current);

    /// <summary>
    /// Reads the task, applies <paramref name="change"/> to its coverage and writes the whole record back at the
    /// version read. With If-Match the client's version must be the current one (412 otherwise); without it a
    /// concurrent write makes the change start over on the new version, so no other edit is lost.
    /// </summary>
    private static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> ChangeAsync(
        string id, string? ifMatch, ClaimsPrincipal user, ITaskStore store, HttpResponse response, string message,
        CoverageChange change, CancellationToken ct)
    {
        var expected = ETags.Parse(ifMatch).ExpectedVersion;
        var actor = RegistryRoles.ActorOf(user)!;
        for (var attempt = 1; ; attempt++)
        {
            var task = await store.FindByIdAsync(id, ct);
            if (task is null) return ApiProblems.TaskNotFound(TaskHandlers.WithThisId);
            if (expected is { } v && v != task.Version) return Stale(task, response);
            var (next, problem) = change(task.Record.Coverage ?? []);
            if (problem is not null) return problem;

            var result = await store.UpdateAsync(id, task.Record with { Coverage = next }, expected ?? task.Version, actor, ct);
            if (result.Status == WriteStatus.VersionMismatch && expected is null && attempt < Attempts) continue;
            if (result.Succeeded)
            {
                response.Headers.ETag = ETags.For(result.Task!);
                var outcome = result.Status == WriteStatus.Unchanged ? TaskOutcomes.Updated(result) : new TaskWriteResponse("updated", message, TaskViews.ForCurator(result.Task!));
                return TypedResults.Ok(outcome);
            }
            if (result.Status == WriteStatus.VersionMismatch)
            {
                var current = result.Task ?? await store.FindByIdAsync(id, ct);
                return current is null ? ApiProblems.VersionMismatch(null) : Stale(current, response);
            }
            return ApiProblems.FromWrite(result, TaskHandlers.WithThisId, task.Record.Code);
        }
    }

    private static ProblemHttpResult Stale(StoredTask current, HttpResponse response)
    {
        response.Headers.ETag = ETags.For(current);
        return ApiProblems.VersionMismatch(ETags.For(current));
    }
}
