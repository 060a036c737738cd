namespace Registry.Data.Abstractions;

public sealed record ApiKeyInfo(string Name, ApiRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>API keys, stored as SHA-256 hashes; the plain key is shown once, at creation.</summary>
public interface IApiKeyStore
{
    /// <summary>Creates a key and returns its plain value (once). Fails when the name is taken.</summary>
    Task<(ApiKeyInfo Info, string PlainKey)> CreateAsync(string name, ApiRole role, CancellationToken ct = default);

    /// <summary>Creates a key with a given value (bootstrap admin key) when no key exists at all. True if created.</summary>
    Task<bool> BootstrapAsync(string name, ApiRole role, string plainKey, CancellationToken ct = default);

    Task<bool> RevokeAsync(string name, CancellationToken ct = default);

    /// <summary>The actor for a presented key, or null when unknown or revoked.</summary>
    Task<Actor?> AuthenticateAsync(string plainKey, CancellationToken ct = default);

    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default);
}
