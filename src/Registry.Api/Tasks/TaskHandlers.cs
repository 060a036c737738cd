using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Auth;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
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
        if (!result.Succeeded) return ApiProblems.FromWrite(result, "mới (new)", record.Code);

        var task = result.Task!;
        response.Headers.ETag = ETags.For(task);
        return TypedResults.Created(LocationOf(task.Id), TaskOutcomes.Created(task));
    }

    public static async Task<Results<Ok<TaskRecord>, ProblemHttpResult>> GetTask(
        string id, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct) =>
        Present(await store.FindByIdAsync(id, ct), "với id này (with this id)", user, response);

    public static async Task<Results<Ok<TaskRecord>, ProblemHttpResult>> GetTaskByCode(
        string code, ClaimsPrincipal user, ITaskStore store, HttpResponse response, CancellationToken ct) =>
        Present(await store.FindByCodeAsync(code, ct), "với mã số này (with this code)", user, response);

    /// <summary>Published: public view. Draft: curators only (404 otherwise). Withdrawn: 410 tombstone for the public.</summary>
    internal static Results<Ok<TaskRecord>, ProblemHttpResult> Present(StoredTask? task, string what, ClaimsPrincipal user, HttpResponse response)
    {
        var curator = RegistryRoles.IsCurator(user);
        if (task is null || (task.Visibility == Visibility.Draft && !curator)) return ApiProblems.TaskNotFound(what);
        if (task.Visibility == Visibility.Withdrawn && !curator) return Tombstone(task);

        response.Headers.ETag = ETags.For(task);
        return TypedResults.Ok(curator ? TaskViews.ForCurator(task) : TaskViews.ForPublic(task));
    }

    internal static ProblemHttpResult Tombstone(StoredTask task) => ApiProblems.Create(ProblemKind.Gone,
        "Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai; chỉ còn lại thông tin dưới đây (this task was withdrawn; only this tombstone remains).",
        new Dictionary<string, object?>
        {
            ["id"] = task.Id,
            ["code"] = task.Record.Code,
            ["withdrawnAt"] = task.Record.UpdatedAt,
            ["withdrawalReason"] = task.WithdrawalReason,
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

        return ApiProblems.FromWrite(result, "với id này (with this id)", code);
    }
}
