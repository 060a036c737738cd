using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Http;
using Registry.Api.Tasks;
using Registry.Data.Catalog;

namespace Registry.Api.Catalog;

/// <summary>GET /changes (incremental sync) and GET /tasks/{id}/outputs.</summary>
public static class ChangesApi
{
    public const string Tag = "Changes";

    public static void MapChangesApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/changes", Changes)
            .WithTags(Tag)
            .WithName("ListChanges")
            .WithSummary("Thay đổi kể từ một con trỏ (changes since a cursor, for incremental sync)")
            .WithDescription("Public-relevant changes, oldest first: created (first published), updated (changed while published, or published again), withdrawn (left the public catalogue). Drafts never appear. meta.nextCursor is always set: pass it as since on your next call, even after an empty page. pageSize 1–1000, default 100.")
            .ProducesValidationProblem()
            // Short: on SQL Server a page may hold back entries that are still settling.
            .CachePublicly(HttpCaching.SearchMaxAge)
            .RejectUnknownQueryParameters();

        v1.MapGet("/tasks/{id}/outputs", Outputs)
            .WithTags(TasksApi.Tag)
            .WithName("ListTaskOutputs")
            .WithSummary("Sản phẩm của một nhiệm vụ (a task's outputs)")
            .WithDescription("The outputs (publications, patents, varieties, processes, prototypes, software, …) of a published task. Drafts answer 404; withdrawn tasks 410 Gone with a tombstone, like GET /tasks/{id}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<Registry.Api.Problems.TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json")
            .RejectUnknownQueryParameters();
    }

    public static async Task<Results<Ok<ChangeListResponse>, ProblemHttpResult>> Changes(
        [AsParameters] ChangesRequest request, IChangeFeed feed, CancellationToken ct)
    {
        if (CatalogProblems.CheckPageSize(request.PageSize, ChangesRequest.MaxPageSize) is { } bad) return bad;
        var size = request.PageSize ?? ChangesRequest.DefaultPageSize;
        try
        {
            var page = await feed.ReadAsync(OrganizationsApi.NullIfEmpty(request.Since), size, ct);
            var results = page.Changes.Select(c => new ChangeView(c.Sequence, c.Id, c.Change, c.At)).ToList();
            return TypedResults.Ok(new ChangeListResponse(new ChangeListMeta(results.Count, page.NextCursor, size, page.HasMore), results));
        }
        catch (FormatException)
        {
            return CatalogProblems.Cursor("since");
        }
    }

    public static async Task<Results<Ok<OutputListResponse>, ProblemHttpResult>> Outputs(string id, IPublicCatalog catalog, CancellationToken ct)
    {
        // Public rules whoever asks: only published tasks have public outputs.
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        var outputs = found.Record.Outputs ?? [];
        return TypedResults.Ok(new OutputListResponse(new OutputListMeta(outputs.Count, found.Id), outputs));
    }
}
