using System.Text;
using Registry.Api.Feeds;
using Registry.Api.Tasks;
using Registry.Data.Catalog;

namespace Registry.Api.Citations;

/// <summary>
/// A published task as a citation: <c>GET /api/v1/tasks/{id}/citation.ris|.bib|.csl.json</c> (a download), and
/// <c>GET /api/v1/tasks/{id}</c> when Accept prefers a citation type (<see cref="TaskHandlers.ReadTask"/>). Public
/// rules whoever asks, as the JSON-LD: drafts 404, withdrawn 410 with the tombstone.
/// </summary>
public static class CitationHandler
{
    public static Task<IResult> Ris(string id, HttpRequest request, IPublicCatalog catalog, PublicUrls urls, HttpResponse response, CancellationToken ct) =>
        Get(CitationFormat.Ris, id, attachment: true, request, catalog, urls, response, ct);

    public static Task<IResult> BibTex(string id, HttpRequest request, IPublicCatalog catalog, PublicUrls urls, HttpResponse response, CancellationToken ct) =>
        Get(CitationFormat.BibTex, id, attachment: true, request, catalog, urls, response, ct);

    public static Task<IResult> CslJson(string id, HttpRequest request, IPublicCatalog catalog, PublicUrls urls, HttpResponse response, CancellationToken ct) =>
        Get(CitationFormat.CslJson, id, attachment: true, request, catalog, urls, response, ct);

    public static async Task<IResult> Get(CitationFormat format, string id, bool attachment, HttpRequest request,
        IPublicCatalog catalog, PublicUrls urls, HttpResponse response, CancellationToken ct)
    {
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        // One strong ETag per representation, as the JSON-LD does (record v1 uses the bare version).
        var etag = $"\"cite-{format.Name}-{found.Version}\"";
        if (request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        response.Headers.ETag = etag;
        if (attachment)
            response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(found.Record)}.{format.Extension}\"";
        var text = CitationWriters.Write(format, found.Record, PublicUrls.TaskPage(urls.Base(request), found.Record.Id!));
        return Results.Text(text, format.MediaType + "; charset=utf-8", new UTF8Encoding(false));
    }

    /// <summary>ASCII, from the code: <c>ĐT-2024-40101-PT</c> → <c>DT-2024-40101-PT</c>.</summary>
    public static string FileName(Registry.Data.Records.TaskRecord record) => CitationText.Key(record);
}
