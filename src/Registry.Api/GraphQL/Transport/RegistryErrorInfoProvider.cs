using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using Registry.Api.GraphQL.Common;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// Writes every error with an <c>extensions.code</c> clients can rely on, the fields to fix for validation
/// errors, and never an exception's type, message or stack trace.
/// </summary>
public sealed class RegistryErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeExceptionDetails = false,
    ExposeCode = true,
    ExposeCodes = false,
    ExposeData = false,
    ExposeExtensions = true,
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions["code"] = CodeOf(executionError);
        switch (executionError)
        {
            case RegistryError { Fields: { Count: > 0 } fields }:
                extensions["fields"] = fields.Select(f => new Dictionary<string, object?> { ["path"] = f.Path, ["message"] = f.Message }).ToList();
                break;
            case RegistryError { Details: { } details }:
                foreach (var (key, value) in details) extensions[key] = value;
                break;
        }

        info.Extensions = extensions;
        if (executionError is UnhandledError && executionError.InnerException is not ExecutionError)
        {
            info.Message = "Lỗi máy chủ; lỗi đã được ghi lại (server error; it has been logged).";
        }

        return info;
    }

    internal static string CodeOf(ExecutionError error) => error switch
    {
        RegistryError r => r.Code!,
        ValidationError v when v.Code is ErrorCodes.TooManyAliases or ErrorCodes.MethodNotAllowed => v.Code,
        ComplexityError c when c.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) => ErrorCodes.MaxDepth,
        ComplexityError => ErrorCodes.TooComplex,
        ValidationError => ErrorCodes.Validation,
        UnhandledError { InnerException: ExecutionError inner } => inner.Code ?? ErrorCodes.Validation,
        UnhandledError => ErrorCodes.Internal,
        _ when error.GetType().Name.Contains("Syntax", StringComparison.Ordinal) => ErrorCodes.BadRequest,
        _ => error.Code ?? ErrorCodes.Validation,
    };
}
