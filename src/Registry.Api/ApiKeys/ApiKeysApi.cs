using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.ApiKeys;
using Registry.Api.Auth;
using Registry.Api.Problems;
using Registry.Data.Abstractions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Admin-only key management over HTTP, the same operations as the <c>apikey</c> verbs.</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder v1)
    {
        var keys = v1.MapGroup("/apikeys").WithTags("API keys").RequireAuthorization(RegistryRoles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        keys.MapGet("/", ListKeys).WithName("ListApiKeys")
            .WithSummary("Danh sách khóa API (list API keys)")
            .WithDescription("Admin only. Names, roles and dates; never the keys themselves.");
        keys.MapPost("/", CreateKey).WithName("CreateApiKey")
            .WithSummary("Tạo khóa API (create an API key)")
            .WithDescription("Admin only. The plain key is in this response and nowhere else: store it now. " +
                "name: 1–64 characters of ASCII letters, digits, '.', '-', '_', starting with a letter or digit, unique (case-insensitive; 409 when taken). Duplicate or unknown body properties answer 400.")
            .Accepts<CreateApiKeyRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        keys.MapDelete("/{name}", RevokeKey).WithName("RevokeApiKey")
            .WithSummary("Thu hồi khóa API (revoke an API key)")
            .WithDescription("Admin only. The key stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return keys;
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyResponse>>> ListKeys(IApiKeyStore store, CancellationToken ct)
    {
        var all = await store.ListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>(all.OrderBy(k => k.Name).Select(ApiKeyResponse.From).ToList());
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> CreateKey(
        JsonBody<CreateApiKeyRequest> body, IApiKeyStore store, CancellationToken ct)
    {
        if (body.Problem is { } problem) return problem;
        var request = body.Value!;
        var name = request.Name?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (ApiKeyNames.Problem(name) is { } nameProblem) errors["name"] = [nameProblem];
        if (request.Role is null) errors["role"] = ["Vai trò là bắt buộc: curator hoặc admin (role is required: curator or admin)."];
        if (errors.Count > 0) return ApiProblems.Validation(errors);

        var existing = await store.ListAsync(ct);
        if (existing.Any(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiProblems.Create(ProblemKind.DuplicateCode, ApiKeyNames.Taken(name!));
        }

        try
        {
            var (info, plainKey) = await store.CreateAsync(name!, request.Role!.Value, ct);
            return TypedResults.Created($"/api/v1/apikeys/{Uri.EscapeDataString(info.Name)}",
                new CreatedApiKeyResponse(info.Name, RegistryRoles.Of(info.Role), info.CreatedAt, plainKey));
        }
        catch (InvalidOperationException)
        {
            // Lost a race with another request creating the same name: the store's unique name refused it.
            return ApiProblems.Create(ProblemKind.DuplicateCode, ApiKeyNames.Taken(name!));
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string name, IApiKeyStore store, CancellationToken ct) =>
        await store.RevokeAsync(name, ct)
            ? TypedResults.NoContent()
            : ApiProblems.Create(ProblemKind.NotFound, $"Không có khóa đang dùng tên '{name}' (no active key named '{name}').");
}
