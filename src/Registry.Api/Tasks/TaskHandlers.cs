using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Registry.Api.Auth;
using Registry.Api.Citations;
using Registry.Api.Feeds;
using Registry.Api.Feeds.SchemaOrg;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>Handlers of the task endpoints: single-record reads and writes.</summary>
public static class TaskHandlers
{
    public static string LocationOf(string id) => $"/api/v1/tasks/{Uri.EscapeDataString(id)}";

    // No XML summary on mapped handlers: it would replace the route's summary in the OpenAPI document.
    // POST /tasks: the body is read strictly first (TaskRecordBody).
    public static async Task<Results<Created<TaskWriteResponse>, ProblemHttpResult>> CreateTaskFromBody(
        TaskRecordBody body, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        return await CreateTask(body.Record!, user, store, response, ct);
    }

    public static async Task<Results<Created<TaskWriteResponse>, ProblemHttpResult>> CreateTask(
        TaskRecord record, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        var result = await store.CreateAsync(record, RegistryRoles.ActorOf(user)!, ct);
        if (!result.Succeeded) return ApiProblems.FromWrite(result, new Label("mới", "new"), record.Code);

        var task = result.Task!;
        response.Headers.ETag = ETags.For(task);
        return TypedResults.Created(LocationOf(task.Id), TaskOutcomes.Created(task));
    }

    public static readonly Label WithThisId = new("với id này", "with this id");

    private static readonly Label WithThisCode = new("với mã số này", "with this code");

    // GET /tasks/{id}: record v1, a citation (RIS, BibTeX, CSL-JSON) or schema.org JSON-LD for a client that prefers one. Both
    // representations say they depend on Accept, so no cache hands one to a client that asked for the other.
    public static async Task<IResult> ReadTask(string id, HttpRequest request, ClaimsPrincipal user, ITaskStore store,
        IPublicCatalog catalog, PublicUrls urls, HttpResponse response, CancellationToken ct)
    {
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (CitationFormat.Preferred(request) is { } citation)
            return await CitationHandler.Get(citation, id, attachment: false, request, catalog, urls, response, ct);
        if (TaskJsonLdHandler.IsPreferred(request)) return await TaskJsonLdHandler.Get(id, request, catalog, urls, response, ct);
        return await GetTask(id, user, store, response, ct);
    }

    /// <summary>Record v1 by id; curators read every stored task through it, the public only published ones.</summary>
    public static async Task<Results<Ok<TaskRecord>, ProblemHttpResult>> GetTask(
        string id, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct) =>
        Present(PublicTaskLookup.Of(await store.FindByIdAsync(id, ct), ReaderOf(user)), WithThisId, response);

    public static async Task<Results<Ok<TaskRecord>, ProblemHttpResult>> GetTaskByCode(
        string code, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct) =>
        Present(PublicTaskLookup.Of(await store.FindByCodeAsync(code, ct), ReaderOf(user)), WithThisCode, response);

    private static CatalogReader ReaderOf(ClaimsPrincipal user) => RegistryRoles.IsCurator(user) ? CatalogReader.Curator : CatalogReader.Public;

    private static Results<Ok<TaskRecord>, ProblemHttpResult> Present(PublicTaskLookup lookup, Label what, HttpResponse response)
    {
        if (lookup is not PublicTaskLookup.Found found) return NotPublic(lookup, what);
        response.Headers.ETag = ETags.For(found.Version);
        return TypedResults.Ok(found.Record);
    }

    /// <summary>The answer for a task the reader may not see: 410 with the tombstone when withdrawn, else 404.</summary>
    internal static ProblemHttpResult NotPublic(PublicTaskLookup lookup, Label what) =>
        lookup is PublicTaskLookup.Gone gone ? Tombstone(gone.Tombstone) : ApiProblems.TaskNotFound(what);

    private static ProblemHttpResult Tombstone(TaskTombstone tombstone) => ApiProblems.Create(ProblemKind.Gone,
        "Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai; chỉ còn lại thông tin dưới đây (this task was withdrawn; only this tombstone remains).",
        new Dictionary<string, object?>
        {
            ["id"] = tombstone.Id,
            ["code"] = tombstone.Code,
            ["withdrawnAt"] = tombstone.WithdrawnAt,
            ["withdrawalReason"] = tombstone.WithdrawalReason,
        });

    // PUT /tasks/{id}: the body is judged (secret, shape, values) before If-Match is looked at.
    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> UpdateTaskFromBody(
        string id, TaskRecordBody body, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        return await UpdateTask(id, body.Record!, ifMatch, user, store, response, ct);
    }

    /// <summary>Replaces the content; a record asking for visibility withdrawn is refused by the store (no reason given).</summary>
    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> UpdateTask(
        string id, TaskRecord record, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        var precondition = ETags.Parse(ifMatch);
        if (!precondition.Present) return ApiProblems.PreconditionRequired();

        var result = await store.UpdateAsync(id, record, precondition.ExpectedVersion, RegistryRoles.ActorOf(user)!, ct);
        return await Respond(result, id, record.Code, store, response, TaskOutcomes.Updated, ct);
    }

    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> PublishTask(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        var expected = ETags.Parse(ifMatch).ExpectedVersion;
        var result = await store.SetVisibilityAsync(id, Visibility.Published, null, expected, RegistryRoles.ActorOf(user)!, ct);
        return await Respond(result, id, null, store, response, TaskOutcomes.Published, ct);
    }

    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> WithdrawTaskFromBody(
        string id, JsonBody<WithdrawRequest> body, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        return await WithdrawTask(id, body.Value!, ifMatch, user, store, response, ct);
    }

    public static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> WithdrawTask(
        string id, WithdrawRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ApiProblems.Validation("reason", "Hãy nêu lý do rút nhiệm vụ (give the reason for withdrawing the task).");
        }

        var expected = ETags.Parse(ifMatch).ExpectedVersion;
        var result = await store.SetVisibilityAsync(id, Visibility.Withdrawn, request.Reason.Trim(), expected, RegistryRoles.ActorOf(user)!, ct);
        return await Respond(result, id, null, store, response, TaskOutcomes.Withdrawn, ct);
    }

    private static async Task<Results<Ok<TaskWriteResponse>, ProblemHttpResult>> Respond(
        WriteResult result, string id, string? code, ITaskStore store, HttpResponse response,
        Func<WriteResult, TaskWriteResponse> describe, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            response.Headers.ETag = ETags.For(result.Task!);
            return TypedResults.Ok(describe(result));
        }

        if (result.Status == WriteStatus.VersionMismatch)
        {
            // The client needs the current ETag to retry; the store may not have returned the task with the refusal.
            var current = result.Task ?? await store.FindByIdAsync(id, ct);
            if (current is not null) response.Headers.ETag = ETags.For(current);
            return ApiProblems.VersionMismatch(current is null ? null : ETags.For(current));
        }

        return ApiProblems.FromWrite(result, WithThisId, code);
    }
}
