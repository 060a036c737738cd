using System.Collections.Concurrent;
using Registry.Data.Abstractions;

namespace Registry.Api.Tests.Fakes;

/// <summary>An in-memory <see cref="IApiKeyStore"/>: keys are random strings, kept in plain text (tests only).</summary>
public sealed class FakeApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, (ApiKeyInfo Info, string Key)> _keys = new(StringComparer.OrdinalIgnoreCase);

    public Task<(ApiKeyInfo Info, string PlainKey)> CreateAsync(string name, ApiRole role, CancellationToken ct = default)
    {
        var key = "rk_" + Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        var info = new ApiKeyInfo(name, role, DateTimeOffset.UtcNow, null);
        if (!_keys.TryAdd(name, (info, key))) throw new InvalidOperationException($"Key name '{name}' is taken.");
        return Task.FromResult((info, key));
    }

    public Task<bool> BootstrapAsync(string name, ApiRole role, string plainKey, CancellationToken ct = default)
    {
        if (!_keys.IsEmpty) return Task.FromResult(false);
        _keys[name] = (new ApiKeyInfo(name, role, DateTimeOffset.UtcNow, null), plainKey);
        return Task.FromResult(true);
    }

    public Task<bool> RevokeAsync(string name, CancellationToken ct = default)
    {
        if (!_keys.TryGetValue(name, out var entry) || entry.Info.RevokedAt is not null) return Task.FromResult(false);
        _keys[name] = (entry.Info with { RevokedAt = DateTimeOffset.UtcNow }, entry.Key);
        return Task.FromResult(true);
    }

    public Task<Actor?> AuthenticateAsync(string plainKey, CancellationToken ct = default) => Task.FromResult(
        _keys.Values.Where(k => k.Key == plainKey && k.Info.RevokedAt is null).Select(k => new Actor(k.Info.Name, k.Info.Role)).FirstOrDefault());

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>(_keys.Values.Select(k => k.Info).ToList());
}
