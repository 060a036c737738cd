using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;

namespace Registry.Data.Store;

/// <summary>
/// API keys: "rk_" + 32 random base62 characters. Only the SHA-256 (hex) is stored, found through the key's first
/// characters and compared in constant time, so neither the database nor response timing gives a key away.
/// </summary>
internal sealed class ApiKeyStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IApiKeyStore
{
    public const string KeyPrefix = "rk_";
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 32;
    private const int LookupLength = 8;

    public async Task<(ApiKeyInfo Info, string PlainKey)> CreateAsync(string name, ApiRole role, CancellationToken ct = default)
    {
        var plain = NewKey();
        var key = await InsertAsync(name, role, plain, requireEmptyStore: false, ct)
            ?? throw new InvalidOperationException($"Tên khóa \"{name}\" đã tồn tại (an API key with this name already exists)");
        return (ToInfo(key), plain);
    }

    public async Task<bool> BootstrapAsync(string name, ApiRole role, string plainKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plainKey);
        return await InsertAsync(name, role, plainKey, requireEmptyStore: true, ct) is not null;
    }

    public async Task<bool> RevokeAsync(string name, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await ApiKeyQueries.ActiveByName(db, name).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        return changed > 0;
    }

    public async Task<Actor?> AuthenticateAsync(string plainKey, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(plainKey) || plainKey.Length < LookupLength) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var presented = Convert.FromHexString(Hash(plainKey));
        var candidates = await ApiKeyQueries.ActiveByPrefix(db, plainKey[..LookupLength]).ToListAsync(ct);
        var match = candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(k.KeyHash), presented));
        if (match is null) return null;
        var now = clock.GetUtcNow();
        // Last use is informative: a coarse stamp (once a minute) spares a write per request.
        if (match.LastUsedAt is null || now - match.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await ApiKeyQueries.ById(db, match.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return new Actor(match.Name, match.Role);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = await ApiKeyQueries.All(db).ToListAsync(ct);
        return keys.Select(ToInfo).ToList();
    }

    internal static string Hash(string plainKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));

    private static string NewKey() => KeyPrefix + RandomNumberGenerator.GetString(Base62, RandomLength);

    private async Task<ApiKey?> InsertAsync(string name, ApiRole role, string plain, bool requireEmptyStore, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (requireEmptyStore ? await ApiKeyQueries.All(db).AnyAsync(ct) : await ApiKeyQueries.ByName(db, name.Trim()).AnyAsync(ct))
        {
            return null;
        }
        var key = new ApiKey
        {
            Name = name.Trim(),
            Role = role,
            KeyHash = Hash(plain),
            Prefix = plain[..Math.Min(LookupLength, plain.Length)],
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another instance created the same name at the same moment; the unique index decided.
            return null;
        }
    }

    private static ApiKeyInfo ToInfo(ApiKey k) => new(k.Name, k.Role, k.CreatedAt, k.RevokedAt);
}

/// <summary>The API key store's queries, by name (see <see cref="TaskQueries"/> for why).</summary>
internal static class ApiKeyQueries
{
    public static IQueryable<ApiKey> All(RegistryDbContext db) => db.ApiKeys.AsNoTracking().OrderBy(k => k.Name);

    public static IQueryable<ApiKey> ByName(RegistryDbContext db, string name) => db.ApiKeys.Where(k => k.Name == name);

    public static IQueryable<ApiKey> ById(RegistryDbContext db, long id) => db.ApiKeys.Where(k => k.Id == id);

    public static IQueryable<ApiKey> ActiveByName(RegistryDbContext db, string name) =>
        db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null);

    public static IQueryable<ApiKey> ActiveByPrefix(RegistryDbContext db, string prefix) =>
        db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null);
}
