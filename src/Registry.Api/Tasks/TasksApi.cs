using Registry.Api.Auth;
using Registry.Api.Exports;
using Registry.Api.Http;
using Registry.Api.Problems;
using Registry.Api.Search;
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

        tasks.MapGet("/", TaskSearch.SearchTasks)
            .WithName("ListTasks")
            .WithSummary("Tìm kiếm và liệt kê nhiệm vụ đã công bố (search and list published tasks)")
            .WithDescription("Full-text search (Vietnamese, with or without diacritics, Telex, abbreviations) with every filter of GET /api/v1/filters, facets, sort and cursor paging; without q, newest first. " +
                "Envelope {meta: {count, nextCursor, pageSize, q, sort, filters}, results: [record v1 …], facets: {name: [{key, displayName, count}]}}. " +
                "Each result is the public record v1, limited to the select fields (id always kept) and, with highlight=true, carrying \"highlights\": {\"title\": \"…<mark>…</mark>…\", \"summary\": \"…\"}. " +
                "Pass meta.nextCursor (or follow the Link rel=\"next\" header) for the next page. Unknown parameters, bad filter values and bad cursors answer 400 naming what is valid.")
            .WithQueryParameters(SearchParameters.Search)
            .Produces<TaskSearchResponse>()
            .ProducesValidationProblem()
            .CachePublicly(HttpCaching.SearchMaxAge)
            .RejectUnknownQueryParameters();

        MapExports(tasks);

        tasks.MapGet("/{id}", TaskHandlers.ReadTask)
            .WithName("GetTask")
            .WithSummary("Một nhiệm vụ theo id (a task by id)")
            .WithDescription("Public read. Published tasks answer 200 with a strong ETag; drafts are visible to curators only (404 for the public); withdrawn tasks answer 410 Gone with a tombstone (id, code, withdrawnAt, withdrawalReason). Contact e-mail and phone appear only for curators. " +
                "Content negotiation: Accept application/ld+json answers schema.org JSON-LD; application/x-research-info-systems (RIS), application/x-bibtex (BibTeX) and application/vnd.citationstyles.csl+json (CSL-JSON) answer that citation, as /tasks/{id}/citation.ris|.bib|.csl.json do; any other Accept answers record v1.")
            .Produces<TaskRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json")
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .VariesByAccept()
            .RejectUnknownQueryParameters();

        tasks.MapGet("/{id}/related", TaskDiscovery.Related)
            .WithName("RelatedTasks")
            .WithSummary("Nhiệm vụ liên quan (related tasks)")
            .WithDescription("Up to 10 published tasks like this one (words of title, keywords and summary; same sector), from the search engine. 404 / 410 as GET /tasks/{id}.")
            .Produces<RelatedResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json")
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();

        tasks.MapGet("/by-code/{code}", TaskHandlers.GetTaskByCode)
            .WithName("GetTaskByCode")
            .WithSummary("Một nhiệm vụ theo mã số (a task by its code)")
            .WithDescription("Same rules as GET /tasks/{id}, looked up by the registry code, e.g. ĐT-2024-40101-PT.")
            .Produces<TaskRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json")
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();

        MapWrites(tasks);
        CoverageApi.MapCoverage(tasks);
        return tasks;
    }

    private static void MapExports(RouteGroupBuilder tasks)
    {
        tasks.MapGet("/export.csv", ExportHandlers.ExportCsv)
            .WithName("ExportTasksCsv")
            .WithSummary("Tải CSV kết quả tìm kiếm (download a search as CSV)")
            .WithDescription("Every published task matching q, the filters and sort, one row per task, streamed without a size cap. UTF-8 with BOM, Vietnamese headers (as in the import template), lists joined with '; '. " +
                "Cells starting with = + - @ (or tab/CR) are prefixed with ' so spreadsheets do not run them. Never contains contacts.")
            .WithQueryParameters(SearchParameters.Common)
            .Produces(StatusCodes.Status200OK, contentType: ExportMediaTypes.Csv)
            .ProducesValidationProblem()
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .StreamsResponse()
            .RejectUnknownQueryParameters();

        tasks.MapGet("/export.jsonl", ExportHandlers.ExportJsonLines)
            .WithName("ExportTasksJsonLines")
            .WithSummary("Tải JSON Lines kết quả tìm kiếm (download a search as JSON Lines)")
            .WithDescription("Every published task matching q, the filters and sort, one public record v1 per line (the import format), streamed without a size cap.")
            .WithQueryParameters(SearchParameters.Common)
            .Produces(StatusCodes.Status200OK, contentType: ExportMediaTypes.JsonLines)
            .ProducesValidationProblem()
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .StreamsResponse()
            .RejectUnknownQueryParameters();
    }

    private static void MapWrites(RouteGroupBuilder tasks)
    {
        tasks.MapPost("/", TaskHandlers.CreateTaskFromBody)
            .WithName("CreateTask")
            .WithSummary("Tạo nhiệm vụ (create a task)")
            .WithDescription("Creates a task from a record v1 (read-only fields are ignored); new tasks are drafts. Answers 201 with Location and ETag. A record classified Mật/Tối mật/Tuyệt mật (any spelling, case or diacritics) is refused with 422 and nothing is stored, before any other field is looked at. Duplicate properties (also differing only in case) and properties not in record v1 answer 400 naming their path; visibility withdrawn is refused (use POST /tasks/{id}/withdraw).")
            .Accepts<TaskRecord>("application/json")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        tasks.MapPut("/{id}", TaskHandlers.UpdateTaskFromBody)
            .WithName("UpdateTask")
            .WithSummary("Sửa nhiệm vụ (replace a task's content)")
            .WithDescription("Replaces the task's content. If-Match with the ETag you read is required (428 without it, 412 with the current ETag when stale). Unchanged content answers 200 with outcome \"unchanged\". The body is read as for POST /tasks (state secret 422 first; duplicate or unknown properties 400). A PUT cannot withdraw a task: visibility withdrawn on a task not yet withdrawn answers 400; use POST /tasks/{id}/withdraw with a reason.")
            .Accepts<TaskRecord>("application/json")
            .WriteProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);

        tasks.MapPost("/{id}/publish", TaskHandlers.PublishTask)
            .WithName("PublishTask")
            .WithSummary("Công bố nhiệm vụ (publish a task)")
            .WithDescription("Makes the task public. If-Match is optional; when given and stale the answer is 412.")
            .WriteProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status400BadRequest);

        tasks.MapPost("/{id}/withdraw", TaskHandlers.WithdrawTaskFromBody)
            .WithName("WithdrawTask")
            .WithSummary("Rút nhiệm vụ (withdraw a task)")
            .WithDescription("Takes the task out of the public registry; the public then gets 410 Gone with a tombstone. Body {\"reason\": \"...\"} is required. If-Match is optional.")
            .Accepts<WithdrawRequest>("application/json")
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
