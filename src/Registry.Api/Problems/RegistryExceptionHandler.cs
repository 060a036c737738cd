using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Registry.Api.Problems;

/// <summary>
/// Turns request-reading failures (malformed JSON, wrong types, missing bodies, bad query values) into 4xx problems,
/// and anything else into a generic 500 problem without a stack trace.
/// </summary>
public sealed partial class RegistryExceptionHandler(ILogger<RegistryExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = Map(httpContext, exception);
        if (result is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested) return true;
            // The exception's types and stack go to the log for the operators, never its message (a database error quotes
            // row values, which may be personal data); the client gets only a trace id.
            logger.LogError("Unhandled {ExceptionType} on {Method} {Path} at {StackTrace}", TypeChain(exception), httpContext.Request.Method,
                httpContext.Request.Path, exception.StackTrace);
            result = ApiProblems.Create(ProblemKind.Internal,
                "Đã xảy ra lỗi ngoài dự kiến; hãy thử lại hoặc báo cho quản trị viên kèm traceId (an unexpected error occurred; retry or report it with the traceId).");
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The exception's type and its inner exceptions' types, outermost first.</summary>
    internal static string TypeChain(Exception exception)
    {
        var types = new List<string>();
        for (Exception? e = exception; e is not null && types.Count < 5; e = e.InnerException) types.Add(e.GetType().Name);
        return string.Join(" <- ", types);
    }

    internal static IResult? Map(HttpContext context, Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(context, json),
        JsonException json => JsonProblem(context, json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.Create(ProblemKind.PayloadTooLarge,
            "Nội dung gửi lên vượt quá giới hạn cho phép (the request body exceeds the allowed size)."),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ApiProblems.Create(ProblemKind.UnsupportedMediaType,
            "Hãy gửi JSON với Content-Type: application/json (send JSON with Content-Type: application/json)."),
        BadHttpRequestException bad => BindingProblem(bad),
        // The form reader refuses a value with characters a path or name cannot hold (NUL): the sender's fault.
        InvalidDataException when context.Request.HasFormContentType => ApiProblems.BadRequest(
            "Biểu mẫu gửi lên chứa ký tự không hợp lệ (ký tự điều khiển); hãy bỏ chúng (the form holds invalid characters such as control characters; remove them)."),
        _ => null,
    };

    private static IResult JsonProblem(HttpContext context, JsonException json)
    {
        // The exception handler clears the endpoint before it runs; the feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var (path, message) = JsonErrorDescriber.Describe(json, bodyType);
        return ApiProblems.Validation(path, message);
    }

    private static IResult BindingProblem(BadHttpRequestException bad)
    {
        // Framework messages name the parameter, e.g. Failed to bind parameter "int? pageSize" from "abc".
        var match = ParameterName().Match(bad.Message);
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && !bad.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            return ApiProblems.Validation("$", "Thiếu nội dung JSON của yêu cầu (the request body is missing).");
        }

        return match.Success
            ? ApiProblems.Validation(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value), "Giá trị tham số không hợp lệ (invalid parameter value).")
            : ApiProblems.BadRequest("Yêu cầu không đọc được; hãy kiểm tra tham số và nội dung (the request could not be read; check its parameters and body).");
    }

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}
