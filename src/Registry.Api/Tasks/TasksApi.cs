using Registry.Api.Auth;
using Registry.Api.Tasks;
using Registry.Data.Records;

namespace Microsoft.AspNetCore.Builder;

public static class TasksApi
{
    public const string Tag = "Tasks";

    /// <summary>Maps the task endpoints under <paramref name="v1"/> (<c>/api/v{version}</c>).</summary>
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder v1)
    {
        var tasks = v1.MapGroup("/tasks").WithTags(Tag);

        tasks.MapGet("/", TaskListing.ListTasks)
            .WithName("ListTasks")
            .WithSummary("Danh sách nhiệm vụ đã công bố (list published tasks)")
            .WithDescription("Published tasks, newest first, with cursor paging: pass meta.nextCursor (or follow the Link rel=\"next\" header) for the next page. pageSize 1–200, default 25.")
            .ProducesValidationProblem();

        tasks.MapGet("/{id}", TaskHandlers.GetTask)
            .WithName("GetTask")
            .WithSummary("Một nhiệm vụ theo id (a task by id)")
            .WithDescription("Public read. Published tasks answer 200 with a strong ETag; drafts are visible to curators only (404 for the public); withdrawn tasks answer 410 Gone with a tombstone (id, code, withdrawnAt, withdrawalReason). Contact e-mail and phone appear only for curators.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        tasks.MapGet("/by-code/{code}", TaskHandlers.GetTaskByCode)
            .WithName("GetTaskByCode")
            .WithSummary("Một nhiệm vụ theo mã số (a task by its code)")
            .WithDescription("Same rules as GET /tasks/{id}, looked up by the registry code, e.g. ĐT-2024-40101-PT.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        MapWrites(tasks);
        return tasks;
    }

    private static void MapWrites(RouteGroupBuilder tasks)
    {
        tasks.MapPost("/", TaskHandlers.CreateTask)
            .WithName("CreateTask")
            .WithSummary("Tạo nhiệm vụ (create a task)")
            .WithDescription("Creates a task from a record v1 (read-only fields are ignored); new tasks are drafts. Answers 201 with Location and ETag. A record classified Mật/Tối mật/Tuyệt mật is refused with 422 and nothing is stored.")
            .Accepts<TaskRecord>("application/json")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        tasks.MapPut("/{id}", TaskHandlers.UpdateTask)
            .WithName("UpdateTask")
            .WithSummary("Sửa nhiệm vụ (replace a task's content)")
            .WithDescription("Replaces the task's content. If-Match with the ETag you read is required (428 without it, 412 with the current ETag when stale). Unchanged content answers 200 with outcome \"unchanged\".")
            .Accepts<TaskRecord>("application/json")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);

        tasks.MapPost("/{id}/publish", TaskHandlers.PublishTask)
            .WithName("PublishTask")
            .WithSummary("Công bố nhiệm vụ (publish a task)")
            .WithDescription("Makes the task public. If-Match is optional; when given and stale the answer is 412.")
            .WriteProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status400BadRequest);

        tasks.MapPost("/{id}/withdraw", TaskHandlers.WithdrawTask)
            .WithName("WithdrawTask")
            .WithSummary("Rút nhiệm vụ (withdraw a task)")
            .WithDescription("Takes the task out of the public registry; the public then gets 410 Gone with a tombstone. Body {\"reason\": \"...\"} is required. If-Match is optional.")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
    }

    /// <summary>Curator-only endpoint: declares 401/403 and the listed problems, and requires the curator policy.</summary>
    internal static RouteHandlerBuilder WriteProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.RequireAuthorization(RegistryRoles.CuratorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest) builder.ProducesValidationProblem();
            else builder.ProducesProblem(status);
        }

        return builder;
    }
}
