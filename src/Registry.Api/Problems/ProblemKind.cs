namespace Registry.Api.Problems;

/// <summary>Every kind of problem the API answers with; the slug ends the problem's <c>type</c> URI.</summary>
public enum ProblemKind
{
    Validation,
    StateSecret,
    NotFound,
    Gone,
    VersionMismatch,
    PreconditionRequired,
    DuplicateCode,
    Unauthorized,
    Forbidden,
    BadRequest,
    PayloadTooLarge,
    UnsupportedMediaType,
    ImportFile,
    TooManyRequests,
    MethodNotAllowed,
    RangeNotSatisfiable,
    NotImplemented,
    Internal,
}

/// <summary>Status, slug and bilingual title of each <see cref="ProblemKind"/>: the one table clients can rely on.</summary>
public static class ProblemCatalog
{
    public const string TypeBase = "https://registry.phutho.gov.vn/problems/";

    public static string Slug(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => "validation",
        ProblemKind.StateSecret => "state-secret",
        ProblemKind.NotFound => "not-found",
        ProblemKind.Gone => "gone",
        ProblemKind.VersionMismatch => "version-mismatch",
        ProblemKind.PreconditionRequired => "precondition-required",
        ProblemKind.DuplicateCode => "duplicate-code",
        ProblemKind.Unauthorized => "unauthorized",
        ProblemKind.Forbidden => "forbidden",
        ProblemKind.BadRequest => "bad-request",
        ProblemKind.PayloadTooLarge => "payload-too-large",
        ProblemKind.UnsupportedMediaType => "unsupported-media-type",
        ProblemKind.ImportFile => "import-file",
        ProblemKind.TooManyRequests => "too-many-requests",
        ProblemKind.MethodNotAllowed => "method-not-allowed",
        ProblemKind.RangeNotSatisfiable => "range-not-satisfiable",
        ProblemKind.NotImplemented => "not-implemented",
        _ => "internal",
    };

    public static string TypeUri(ProblemKind kind) => TypeBase + Slug(kind);

    public static int Status(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation or ProblemKind.BadRequest or ProblemKind.ImportFile => StatusCodes.Status400BadRequest,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.DuplicateCode => StatusCodes.Status409Conflict,
        ProblemKind.Gone => StatusCodes.Status410Gone,
        ProblemKind.VersionMismatch => StatusCodes.Status412PreconditionFailed,
        ProblemKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.StateSecret => StatusCodes.Status422UnprocessableEntity,
        ProblemKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ProblemKind.RangeNotSatisfiable => StatusCodes.Status416RangeNotSatisfiable,
        ProblemKind.NotImplemented => StatusCodes.Status501NotImplemented,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Title(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => "Dữ liệu không hợp lệ (validation failed)",
        ProblemKind.StateSecret => "Bí mật nhà nước không được đưa vào (state secrets are refused)",
        ProblemKind.NotFound => "Không tìm thấy (not found)",
        ProblemKind.Gone => "Nhiệm vụ đã bị rút khỏi cơ sở dữ liệu (task withdrawn)",
        ProblemKind.VersionMismatch => "Phiên bản đã thay đổi (version mismatch)",
        ProblemKind.PreconditionRequired => "Thiếu tiêu đề If-Match (If-Match required)",
        ProblemKind.DuplicateCode => "Mã số đã tồn tại (code already exists)",
        ProblemKind.Unauthorized => "Cần khóa API (API key required)",
        ProblemKind.Forbidden => "Không đủ quyền (insufficient role)",
        ProblemKind.BadRequest => "Yêu cầu không hợp lệ (bad request)",
        ProblemKind.PayloadTooLarge => "Tệp quá lớn (payload too large)",
        ProblemKind.UnsupportedMediaType => "Định dạng không được hỗ trợ (unsupported media type)",
        ProblemKind.ImportFile => "Tệp nhập không đọc được (import file unreadable)",
        ProblemKind.TooManyRequests => "Quá nhiều yêu cầu (too many requests)",
        ProblemKind.MethodNotAllowed => "Phương thức không được phép (method not allowed)",
        ProblemKind.RangeNotSatisfiable => "Khoảng byte không hợp lệ (range not satisfiable)",
        ProblemKind.NotImplemented => "Chưa hỗ trợ (not implemented)",
        _ => "Lỗi máy chủ (internal error)",
    };

    /// <summary>The kind a bare status code (from the framework, not from us) stands for.</summary>
    public static ProblemKind ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ProblemKind.Unauthorized,
        StatusCodes.Status403Forbidden => ProblemKind.Forbidden,
        StatusCodes.Status404NotFound => ProblemKind.NotFound,
        StatusCodes.Status413PayloadTooLarge => ProblemKind.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemKind.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemKind.TooManyRequests,
        StatusCodes.Status405MethodNotAllowed => ProblemKind.MethodNotAllowed,
        StatusCodes.Status416RangeNotSatisfiable => ProblemKind.RangeNotSatisfiable,
        StatusCodes.Status501NotImplemented => ProblemKind.NotImplemented,
        >= 500 => ProblemKind.Internal,
        _ => ProblemKind.BadRequest,
    };
}
