using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Registry.Api.Auth;
using Registry.Api.Hosting;
using Registry.Api.Imports;
using Registry.Api.Problems;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Import;

namespace Microsoft.AspNetCore.Builder;

public static class ImportsApi
{
    public const string StartImportName = "StartImport";

    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder v1)
    {
        var imports = v1.MapGroup("/imports").WithTags("Imports").RequireAuthorization(RegistryRoles.CuratorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        imports.MapPost("/", StartImport)
            .WithName(StartImportName)
            .WithSummary("Nhập tệp nhiệm vụ (import a file of tasks)")
            .WithDescription("Body: the file itself (application/x-ndjson or application/jsonl, text/csv, or the .xlsx MIME type) or multipart/form-data with a 'file' part. " +
                "Upserts by code; all-or-nothing unless skipInvalid=true; dryRun=true writes nothing. Small files (about 2,000 rows / 1 MB) answer 200 with the report; " +
                "larger ones answer 202 with Location of a job to poll. A refusal caused by state-secret rows answers 422 (type …/state-secret) with the report, which names only their lines. " +
                "File-level problems answer 400, 413 or 415 with type …/import-file/<kind>. See docs/import.md for columns.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        imports.MapGet("/{id}", GetImport)
            .WithName("GetImport")
            .WithSummary("Trạng thái một lần nhập (status of an import job)")
            .WithDescription("Status (queued, running, succeeded, failed), processed and total rows, and the report once finished.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return imports;
    }

    public static async Task<Results<Ok<ImportReportResponse>, Accepted<ImportJobResponse>, ProblemHttpResult>> StartImport(
        HttpRequest request, [AsParameters] ImportQuery query, ClaimsPrincipal user, ImportService imports, ImportJobs jobs,
        IOptions<RegistryApiOptions> options, IOptions<RegistryDataOptions> data, CancellationToken ct)
    {
        var limits = options.Value.Imports;
        var (file, problem) = await ImportUpload.ReadAsync(request, ImportUpload.Folder(data.Value), limits.MaxBytes, ct);
        if (file is null) return problem!;

        var importOptions = new ImportOptions(query.DryRun ?? false, query.SkipInvalid ?? false);
        var actor = RegistryRoles.ActorOf(user)!;
        if (!RunsInline(file, limits))
        {
            try
            {
                var job = await jobs.EnqueueAsync(file, importOptions, actor, ct);
                return TypedResults.Accepted($"/api/v1/imports/{job.Id}", ImportJobs.ToResponse(job));
            }
            catch
            {
                file.Delete(); // never queued, so the worker will not delete it
                throw;
            }
        }

        try
        {
            return await RunInlineAsync(imports, file, importOptions, actor, ct);
        }
        finally
        {
            file.Delete();
        }
    }

    public static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetImport(string id, ImportJobs jobs, CancellationToken ct) =>
        await jobs.FindAsync(id, ct) is { } job
            ? TypedResults.Ok(ImportJobs.ToResponse(job))
            : ApiProblems.Create(ProblemKind.NotFound, $"Không có lần nhập '{id}' (no import job '{id}').");

    internal static bool RunsInline(UploadedFile file, ImportLimits limits) =>
        file.Length <= limits.InlineMaxBytes && (file.Format == ImportFormat.Xlsx || file.Lines <= limits.InlineMaxRows + 1);

    private static async Task<Results<Ok<ImportReportResponse>, Accepted<ImportJobResponse>, ProblemHttpResult>> RunInlineAsync(
        ImportService imports, UploadedFile file, ImportOptions options, Actor actor, CancellationToken ct)
    {
        ImportReport report;
        await using (var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
        {
            try
            {
                report = await imports.RunAsync(stream, file.Format, options, actor, null, new ImportSource(FileName: file.FileName), ct);
            }
            catch (ImportFileException ex)
            {
                return ImportProblems.FromFile(ex);
            }
        }

        var response = ImportReportResponse.From(report);
        return ImportProblems.RefusedForStateSecret(report) ? ImportProblems.StateSecret(response) : TypedResults.Ok(response);
    }
}
