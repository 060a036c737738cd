using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Registry.Api.GraphQL.Common;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// What GraphQL failures leave in the log: an operation hash (SHA-256 of the document, 16 hex digits) and the
/// error codes, never the document, the variables or an exception's message. A document may carry a state secret
/// (a refused mutation's title), and messages quote it: the parser's quotes the whole document, a validation
/// error quotes argument values, and an alias is chosen by the client.
/// </summary>
public static class GraphQLErrorLog
{
    public const string Category = "Registry.GraphQL";

    public static string OperationHash(string? document) =>
        document is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)))[..16];

    /// <summary>After execution: one line per request with errors.</summary>
    public static void Write(ILogger logger, string? document, ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors) return;
        var codes = string.Join(",", errors.Select(RegistryErrorInfoProvider.CodeOf).Distinct());
        logger.LogInformation("GraphQL errors {Codes} for operation {Operation}", codes, OperationHash(document));
    }

    /// <summary>
    /// The executer's unhandled-exception hook. A parser failure (nesting past the parser's own limit, which the
    /// executer does not treat as a syntax error) is the client's: it becomes MAX_DEPTH or BAD_REQUEST. A resolver
    /// failure is logged by exception type, schema field and stack trace only.
    /// </summary>
    public static Task OnUnhandled(UnhandledExceptionContext context)
    {
        switch (context.OriginalException)
        {
            case GraphQLMaxDepthExceededException:
                context.Exception = new RegistryError(ErrorCodes.MaxDepth,
                    $"Truy vấn lồng quá sâu: tối đa {GraphQLLimits.MaxDepth} mức (the query is nested too deeply: at most {GraphQLLimits.MaxDepth} levels).");
                return Task.CompletedTask;
            case GraphQLParserException:
                context.Exception = new RegistryError(ErrorCodes.BadRequest,
                    "Truy vấn GraphQL sai cú pháp (the GraphQL document has a syntax error).");
                return Task.CompletedTask;
            case ExecutionError:
                return Task.CompletedTask;
        }

        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(Category);
        var exception = context.OriginalException;
        logger?.LogError("GraphQL resolver failed in field {Field}: {ExceptionType} (operation {Operation}){NewLine}{StackTrace}",
            context.FieldContext?.FieldDefinition?.Name ?? "(document)", exception.GetType().FullName,
            OperationHash(context.ExecutionOptions.Query), Environment.NewLine, exception.StackTrace);
        return Task.CompletedTask;
    }
}
