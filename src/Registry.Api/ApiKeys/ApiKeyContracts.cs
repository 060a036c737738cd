using Registry.Api.Auth;
using Registry.Data.Abstractions;

namespace Registry.Api.ApiKeys;

/// <param name="Name">A name that says who holds the key, e.g. "so-khcn-nguyen-van-a".</param>
/// <param name="Role">curator (writes and imports) or admin (also manages keys).</param>
public sealed record CreateApiKeyRequest(string? Name, ApiRole? Role);

/// <summary>A key as listed: never its value.</summary>
public sealed record ApiKeyResponse(string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo info) => new(info.Name, RegistryRoles.Of(info.Role), info.CreatedAt, info.RevokedAt);
}

/// <param name="Key">The plain key, shown this once; send it in the X-Api-Key header.</param>
public sealed record CreatedApiKeyResponse(string Name, string Role, DateTimeOffset CreatedAt, string Key);
