using System.Text;
using Registry.Api.Problems;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary><c>GET /api/v1/tasks/{id}.jsonld</c>: published tasks only (drafts 404, withdrawn 410 like the REST record).</summary>
public static class TaskJsonLdHandler
{
    public static async Task<IResult> Get(string id, HttpContext http, ITaskStore store, PublicUrls urls, CancellationToken ct)
    {
        var task = await store.FindByIdAsync(id, ct);
        if (task is null || task.Visibility == Visibility.Draft) return ApiProblems.TaskNotFound("với id này (with this id)");
        if (task.Visibility == Visibility.Withdrawn) return Tasks.TaskHandlers.Tombstone(task);
        // Its own tag: a strong ETag names one representation, and record v1 already uses the bare version.
        var etag = $"\"ld-{task.Version}\"";
        if (http.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        http.Response.Headers.ETag = etag;
        var json = TaskJsonLd.Build(TaskRecordProjection.ForPublic(task.Record), urls.Base(http.Request));
        return Results.Text(json.ToJsonString(RegistryJson.Options), TaskJsonLd.MediaType + "; charset=utf-8", Encoding.UTF8);
    }
}
