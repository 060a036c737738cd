using Registry.Api.Citations;
using Registry.Api.Http;
using Registry.Api.Problems;

namespace Microsoft.AspNetCore.Builder;

public static class CitationsApi
{
    /// <summary>With the task JSON-LD, feeds and harvesting: machine-readable views of published tasks.</summary>
    public const string Tag = FeedsApi.Tag;

    /// <summary>Maps the citation downloads of a task (RIS, BibTeX, CSL-JSON).</summary>
    public static IEndpointRouteBuilder MapCitationsApi(this IEndpointRouteBuilder app)
    {
        Map(app, "/api/v1/tasks/{id}/citation.ris", CitationHandler.Ris, CitationFormat.Ris, "GetTaskCitationRis", "RIS (EndNote, Zotero, Mendeley)");
        Map(app, "/api/v1/tasks/{id}/citation.bib", CitationHandler.BibTex, CitationFormat.BibTex, "GetTaskCitationBibTex", "BibTeX (@techreport)");
        Map(app, "/api/v1/tasks/{id}/citation.csl.json", CitationHandler.CslJson, CitationFormat.CslJson, "GetTaskCitationCslJson", "CSL-JSON (report)");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string pattern, Delegate handler, CitationFormat format, string name, string what) =>
        app.MapGet(pattern, handler).WithTags(Tag).WithName(name)
            .WithSummary($"Trích dẫn nhiệm vụ dạng {what} (cite a task as {what})")
            .WithDescription($"A published task as a {what} citation: {format.MediaType}, UTF-8 (NFC), sent as an attachment named after the task code, with its own strong ETag (If-None-Match answers 304). " +
                "The same representation answers GET /api/v1/tasks/{id} with Accept: " + format.MediaType + ". 404 for unknown ids and drafts; 410 with the tombstone for withdrawn tasks.")
            .Produces(StatusCodes.Status200OK, contentType: format.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<TombstoneProblem>(StatusCodes.Status410Gone, "application/problem+json")
            .CachePublicly(HttpCaching.DefaultMaxAge)
            .RejectUnknownQueryParameters();
}
