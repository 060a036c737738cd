using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;
using Registry.Api.Auth;
using Registry.Api.Http;
using Registry.Api.GraphQL.Common;
using Registry.Api.GraphQL.Writes;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// The HTTP transport at <c>/graphql</c>: POST (JSON body) and GET (query string, queries only), JSON answers
/// with Vietnamese written as is, and the explorer page for browsers.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    public static IEndpointRouteBuilder MapRegistryGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync).ExcludeFromDescription();
        app.MapGet(Path, GetAsync).ExcludeFromDescription();
        app.MapGet(Path + "/schema.graphql", (RegistrySchema schema) => Results.Text(SchemaText.Print(schema), "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet(Path + "/explorer.js", () => GraphQLExplorer.Asset("explorer.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(Path + "/explorer.css", () => GraphQLExplorer.Asset("explorer.css", "text/css; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static async Task PostAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        GraphQLRequest? request;
        try
        {
            // Parsed strictly first: a key sent twice (in the body or in variables) is refused, never resolved by guessing.
            using var document = await JsonDocument.ParseAsync(http.Request.Body, Strict, http.RequestAborted);
            request = serializer.ReadNode<GraphQLRequest>(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or global::GraphQL.Execution.InvalidOperationError or FormatException or InvalidOperationException or ArgumentException)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "Thân yêu cầu không phải JSON GraphQL hợp lệ: {\"query\": \"...\", \"variables\": {...}}, mỗi khóa một lần (the body is not a valid GraphQL JSON request; send each key once).");
            return;
        }

        await ExecuteAsync(http, serializer, request, readOnly: false);
    }

    private static async Task GetAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        var query = http.Request.Query;
        if (!query.ContainsKey("query") && AcceptsHtml(http.Request))
        {
            await GraphQLExplorer.WritePageAsync(http);
            return;
        }

        Inputs? variables = null;
        var variablesText = query["variables"].ToString();
        if (!string.IsNullOrWhiteSpace(variablesText))
        {
            try
            {
                using var document = JsonDocument.Parse(variablesText, Strict);
                variables = serializer.ReadNode<Inputs>(document.RootElement);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
            {
                await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                    "Tham số variables phải là một đối tượng JSON, mỗi khóa một lần (the variables parameter must be a JSON object; send each key once).");
                return;
            }
        }

        var request = new GraphQLRequest
        {
            Query = query["query"].ToString(),
            OperationName = string.IsNullOrWhiteSpace(query["operationName"]) ? null : query["operationName"].ToString(),
            Variables = variables,
        };
        await ExecuteAsync(http, serializer, request, readOnly: true);
    }

    private static async Task ExecuteAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLRequest? request, bool readOnly)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "Thiếu truy vấn: gửi trường query (no query: send the query field).");
            return;
        }

        if (request.Query.Length > GraphQLLimits.MaxQueryLength)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, ErrorCodes.QueryTooLong,
                $"Truy vấn dài quá {GraphQLLimits.MaxQueryLength} ký tự (the query is longer than {GraphQLLimits.MaxQueryLength} characters).");
            return;
        }

        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<RegistrySchema>>();
        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
            options.UserContext[TaskWrites.KeyPresented] = http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName);
            if (readOnly) options.UserContext[GraphQLLimits.ReadOnlyRequest] = true;
        });

        GraphQLErrorLog.Write(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(GraphQLErrorLog.Category), request.Query, result);
        if (!(result.Executed && result.Operation?.Operation == GraphQLParser.AST.OperationType.Mutation)) WriteEviction.MarkReadOnly(http);
        http.Response.StatusCode = StatusOf(result);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed) http.Response.Headers.Allow = "POST";
        http.Response.Headers.CacheControl = readOnly && result.Executed && result.Errors is not { Count: > 0 }
            ? "public, max-age=60"
            : "no-store";
        http.Response.Headers.Vary = HeaderNames.Accept;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>200 once the document ran (errors, if any, are in the body); 400 when it could not run; 405 for a mutation over GET.</summary>
    private static int StatusOf(ExecutionResult result)
    {
        if (result.Executed) return StatusCodes.Status200OK;
        return result.Errors?.Any(e => e.Code == ErrorCodes.MethodNotAllowed) == true
            ? StatusCodes.Status405MethodNotAllowed
            : StatusCodes.Status400BadRequest;
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult(new RegistryError(code, message)), http.RequestAborted);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
