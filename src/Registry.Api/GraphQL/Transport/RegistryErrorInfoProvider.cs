using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Registry.Api.GraphQL.Common;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// Writes every error with an <c>extensions.code</c> clients can rely on, the fields to fix for validation
/// errors, and never an exception's type, message or stack trace. A value that is not one of an enum's values is
/// answered with the values that are (GraphQL.NET only says which type it expected).
/// </summary>
public sealed partial class RegistryErrorInfoProvider(RegistrySchema schema) : ErrorInfoProvider(new ErrorInfoProviderOptions
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
        if (executionError is ValidationError && AllowedValues(executionError.Message) is { } allowed) info.Message += allowed;
        if (executionError is UnhandledError && executionError.InnerException is not ExecutionError)
        {
            info.Message = "Lỗi máy chủ; lỗi đã được ghi lại (server error; it has been logged).";
        }

        return info;
    }

    /// <summary>" Giá trị hợp lệ của TaskLevel (valid values of TaskLevel): national, …" for each enum the message names.</summary>
    private string? AllowedValues(string message)
    {
        var text = string.Concat(EnumNamed().Matches(message).Select(m => m.Groups["type"].Value).Distinct()
            .Select(name => schema.AllTypes[name] is EnumerationGraphType e
                ? $" Giá trị hợp lệ của {name} (valid values of {name}): {string.Join(", ", e.Values.Select(v => v.Name))}."
                : ""));
        return text.Length == 0 ? null : text;
    }

    /// <summary>How GraphQL.NET names the expected type of a bad literal ("Expected type 'X'") and of a bad variable ("to 'X'").</summary>
    [GeneratedRegex(@"(?:Expected type|to) '(?<type>[_A-Za-z][_0-9A-Za-z]*)'")]
    private static partial Regex EnumNamed();

    internal static string CodeOf(ExecutionError error) => error switch
    {
        RegistryError r => r.Code!,
        ValidationError v when v.Code is ErrorCodes.TooManyAliases or ErrorCodes.MethodNotAllowed or ErrorCodes.MaxDepth
            or ErrorCodes.TooComplex or ErrorCodes.TooManyIntrospectionFields => v.Code,
        ValidationError => ErrorCodes.Validation,
        UnhandledError { InnerException: ExecutionError inner } => inner.Code ?? ErrorCodes.Validation,
        UnhandledError => ErrorCodes.Internal,
        _ when error.GetType().Name.Contains("Syntax", StringComparison.Ordinal) => ErrorCodes.BadRequest,
        _ => error.Code ?? ErrorCodes.Validation,
    };
}
