using Registry.Api.Http;
using Registry.Api.Problems;
using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>The routes of a task's media coverage (truyền thông), under /api/v1/tasks.</summary>
internal static class CoverageApi
{
    public static void MapCoverage(RouteGroupBuilder tasks)
    {
        tasks.MapGet("/{id}/coverage", CoverageHandlers.ListCoverage)
            .WithName("ListTaskCoverage")
            .WithSummary("Truyền thông về nhiệm vụ (a task's media coverage)")
            .WithDescription("The articles, broadcasts, posts and events that communicated the task, newest first: {meta: {count}, results: [{url, outlet, kind, kindDisplayName, kindDisplayNameEn, date, title}]}. " +
                "A task counts as communicated when it has at least one item. Same rules as GET /tasks/{id}: published tasks for the public (strong ETag, the task's version), drafts for curators only (404 for the public), withdrawn tasks 410 with the tombstone.")
            .Produces<CoverageListResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json")
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();

        tasks.MapPost("/{id}/coverage", CoverageHandlers.AddCoverage)
            .WithName("AddTaskCoverage")
            .WithSummary("Thêm mục truyền thông (add a media coverage item)")
            .WithDescription("Adds one item {url, outlet, kind, date, title} to the task's coverage (drafts too; it becomes public with the task). " +
                "url: absolute http or https, no user name or password, no spaces; kind: press, television, radio, portal, socialNetwork or event; date: yyyy-MM-dd, not after today in Vietnam (UTC+7). " +
                "A link the task already has (ignoring http/https, host case, www., a trailing '/' and the #fragment) answers 400 naming url. " +
                "If-Match is optional; when given and stale the answer is 412. The task's version and updatedAt change, and the audit log records the edit, as for PUT /tasks/{id}.")
            .Accepts<CoverageRecord>("application/json")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);

        tasks.MapDelete("/{id}/coverage", CoverageHandlers.RemoveCoverage)
            .WithName("RemoveTaskCoverage")
            .WithSummary("Xóa mục truyền thông (remove a media coverage item)")
            .WithDescription("Removes the item whose link is url (matched as duplicates are: http/https, host case, www., a trailing '/' and the #fragment aside). 404 when the task or the item does not exist. If-Match is optional; when given and stale the answer is 412.")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed)
            .RejectUnknownQueryParameters();
    }
}
