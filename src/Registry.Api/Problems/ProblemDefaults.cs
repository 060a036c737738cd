using System.Diagnostics;

namespace Registry.Api.Problems;

/// <summary>
/// Normalizes problems written by the framework and libraries (unmatched routes, API versioning, status code
/// pages) so every problem the API answers has a Registry type, a bilingual title and a trace id.
/// </summary>
public static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (problem.Type?.StartsWith(ProblemCatalog.TypeBase, StringComparison.Ordinal) == true) return;

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (status == StatusCodes.Status404NotFound && UnsupportedVersion(context.HttpContext.Request.Path) is { } version)
        {
            // URL-segment versioning answers an unserved version with a bare 404; say what is wrong instead.
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem.Type = ProblemCatalog.TypeUri(ProblemKind.BadRequest);
            problem.Title = ProblemCatalog.Title(ProblemKind.BadRequest);
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Detail = $"Phiên bản API '{version}' không được hỗ trợ; hãy dùng /api/v1/... (API version '{version}' is not supported; use /api/v1/...).";
            problem.Extensions["supportedVersions"] = SupportedVersions;
            return;
        }

        var kind = ProblemCatalog.ForStatus(status);
        var original = problem.Detail;
        var fromVersioning = problem.Type?.Contains("api-versioning", StringComparison.OrdinalIgnoreCase) == true;
        problem.Type = ProblemCatalog.TypeUri(kind);
        problem.Title = ProblemCatalog.Title(kind);
        problem.Status = status;
        problem.Detail = fromVersioning
            ? $"Phiên bản API không được hỗ trợ; hãy dùng /api/v1/... (unsupported API version; use /api/v1/...). {original}".TrimEnd()
            : DetailFor(kind, context.HttpContext) ?? original;
    }

    private static readonly string[] SupportedVersions = ["v1"];

    /// <summary>The version segment of an /api/v{n}/ path when it is not one we serve.</summary>
    internal static string? UnsupportedVersion(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not { Length: >= 2 } || segments[0] != "api") return null;
        var version = segments[1];
        if (version.Length < 2 || version[0] != 'v' || !char.IsAsciiDigit(version[1])) return null;
        return version is "v1" or "v1.0" ? null : version;
    }

    private static string? DetailFor(ProblemKind kind, HttpContext http) => kind switch
    {
        ProblemKind.MethodNotAllowed =>
            $"Phương thức {http.Request.Method} không dùng được ở địa chỉ này (method not allowed here); xem /swagger (see /swagger).",
        ProblemKind.NotFound => "Không có tài nguyên ở địa chỉ này; xem danh sách tại /swagger (nothing at this address; see /swagger).",
        _ => null,
    };
}
