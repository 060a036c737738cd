using Registry.Data.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Data.Abstractions;

namespace Registry.Api.Problems;

/// <summary>
/// The one place that turns failures (store outcomes, bad requests, exceptions) into RFC 9457 problem details.
/// Details never quote a submitted record: a refused state secret must not be echoed.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Create(ProblemKind kind, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Type = ProblemCatalog.TypeUri(kind), Title = ProblemCatalog.Title(kind), Status = ProblemCatalog.Status(kind), Detail = detail };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A 400 validation problem with <c>errors: { "path": ["message"] }</c>.</summary>
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Type = ProblemCatalog.TypeUri(ProblemKind.Validation),
            Title = ProblemCatalog.Title(ProblemKind.Validation),
            Status = StatusCodes.Status400BadRequest,
            Detail = detail ?? "Hãy sửa các trường được nêu trong errors (fix the fields listed in errors).",
        };
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(string path, string message) =>
        Validation(new Dictionary<string, string[]> { [path] = [message] });

    public static ProblemHttpResult Validation(IEnumerable<FieldError> errors) =>
        Validation(errors.GroupBy(e => string.IsNullOrEmpty(e.Path) ? "$" : e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    public static ProblemHttpResult StateSecret() => Create(ProblemKind.StateSecret,
        "Nhiệm vụ có độ mật (Mật, Tối mật, Tuyệt mật) không được đưa vào cơ sở dữ liệu công khai; không có nội dung nào được lưu " +
        "(tasks classified as state secrets cannot enter the public registry; nothing was stored).");

    /// <summary>404 for a task: <paramref name="what"/> names how it was asked for ("với id này" / "with this id").</summary>
    public static ProblemHttpResult TaskNotFound(Label what) => Create(ProblemKind.NotFound,
        $"Không có nhiệm vụ {what.Vi} (no task {what.En}).");

    public static ProblemHttpResult VersionMismatch(string? currentETag) => Create(ProblemKind.VersionMismatch,
        "Nhiệm vụ đã được sửa sau khi bạn đọc; hãy đọc lại rồi gửi với If-Match mới " +
        "(the task changed since you read it; read it again and retry with the new If-Match).",
        new Dictionary<string, object?> { ["currentETag"] = currentETag });

    public static ProblemHttpResult PreconditionRequired() => Create(ProblemKind.PreconditionRequired,
        "Gửi tiêu đề If-Match với ETag nhận được khi đọc nhiệm vụ (send an If-Match header with the ETag you read).");

    public static ProblemHttpResult DuplicateCode(string? code) => Create(ProblemKind.DuplicateCode,
        $"Mã số '{code}' đã được dùng cho nhiệm vụ khác; hãy dùng PUT để sửa nhiệm vụ đó hoặc đổi mã " +
        $"(code '{code}' is already used by another task; update that task with PUT or choose another code).");

    public static ProblemHttpResult BadRequest(string detail) => Create(ProblemKind.BadRequest, detail);

    /// <summary>Maps a failed store write to its problem. Successful outcomes are not problems.</summary>
    public static ProblemHttpResult FromWrite(WriteResult result, Label target, string? code = null) => result.Status switch
    {
        WriteStatus.Invalid => Validation(result.Errors ?? []),
        WriteStatus.StateSecret => StateSecret(),
        WriteStatus.NotFound => TaskNotFound(target),
        WriteStatus.VersionMismatch => VersionMismatch(result.Task is null ? null : ETags.For(result.Task)),
        WriteStatus.DuplicateCode => DuplicateCode(code),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a failed write."),
    };
}
