using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Problems;
using Registry.Data.Import;
using Registry.Data.Validation;

namespace Registry.Api.Imports;

/// <summary>How import outcomes become HTTP answers.</summary>
public static class ImportProblems
{
    /// <summary>A file-level problem: 400, or 413/415 for size and encoding, with the kind ending the type URI.</summary>
    public static ProblemHttpResult FromFile(ImportFileException exception)
    {
        var status = exception.Kind switch
        {
            ImportFileErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ImportFileErrorKind.Encoding or ImportFileErrorKind.MalformedFile or ImportFileErrorKind.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = $"{ProblemCatalog.TypeUri(ProblemKind.ImportFile)}/{exception.Kind}",
            Title = ProblemCatalog.Title(ProblemKind.ImportFile),
            Status = status,
            Detail = exception.Message,
            Extensions = { ["kind"] = exception.Kind },
        });
    }

    /// <summary>True when the import was refused and a state-secret row is among the reasons.</summary>
    public static bool RefusedForStateSecret(ImportReport report) =>
        !report.Committed && !report.DryRun && report.RejectedRows.Any(IsStateSecret);

    public static bool IsStateSecret(RejectedRow row) => row.Reasons.Contains(StateSecretGuard.RefusalMessage);

    /// <summary>422 /state-secret carrying the report (which holds only the secret rows' line numbers).</summary>
    public static ProblemHttpResult StateSecret(ImportReportResponse report) => ApiProblems.Create(ProblemKind.StateSecret,
        "Tệp có dòng thuộc danh mục bí mật nhà nước nên không dòng nào được ghi; hãy bỏ các dòng đó khỏi tệp " +
        "(the file has state-secret rows, so nothing was written; remove those rows from the file).",
        new Dictionary<string, object?> { ["report"] = report });

    public static ProblemHttpResult TooLarge(long maxBytes) => ApiProblems.Create(ProblemKind.PayloadTooLarge,
        $"Tệp vượt quá {maxBytes / (1024 * 1024)} MB; hãy chia nhỏ tệp (the file exceeds {maxBytes / (1024 * 1024)} MB; split it).",
        new Dictionary<string, object?> { ["maxBytes"] = maxBytes });

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => ApiProblems.Create(ProblemKind.UnsupportedMediaType,
        $"Không nhận Content-Type '{contentType}'; gửi application/x-ndjson, text/csv, " +
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet hoặc multipart/form-data có phần 'file' " +
        $"(Content-Type '{contentType}' is not accepted; send JSON Lines, CSV, .xlsx, or multipart/form-data with a 'file' part).");
}
