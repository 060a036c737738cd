using GraphQL;
using Registry.Data.Abstractions;

namespace Registry.Api.GraphQL.Common;

/// <summary>The <c>extensions.code</c> values clients can rely on.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string Validation = "VALIDATION";
    public const string StateSecret = "STATE_SECRET";
    public const string VersionMismatch = "VERSION_MISMATCH";
    public const string NotFound = "NOT_FOUND";
    public const string Gone = "GONE";
    public const string MaxDepth = "MAX_DEPTH";
    public const string TooComplex = "TOO_COMPLEX";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyIntrospectionFields = "TOO_MANY_INTROSPECTION_FIELDS";
    public const string QueryTooLong = "QUERY_TOO_LONG";
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string Internal = "INTERNAL";
}

/// <summary>An error a client caused or may act on, with a stable code and, for validation, the fields to fix.</summary>
public sealed class RegistryError : ExecutionError
{
    public RegistryError(string code, string message, IReadOnlyList<FieldError>? fields = null, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Code = code;
        Fields = fields;
        Details = details;
    }

    /// <summary>Field paths and messages (VALIDATION), written as <c>extensions.fields</c>.</summary>
    public IReadOnlyList<FieldError>? Fields { get; }

    /// <summary>Further values written into <c>extensions</c> (e.g. a tombstone's id and code).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; }

    public static RegistryError Invalid(string path, string message) =>
        new(ErrorCodes.Validation, message, [new FieldError(path, message)]);

    public static RegistryError Invalid(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        return new(ErrorCodes.Validation,
            "Dữ liệu không hợp lệ; hãy sửa các trường trong extensions.fields (invalid input; fix the fields listed in extensions.fields).", list);
    }
}
