using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Forms;

/// <summary>
/// EF implementation of <see cref="IFormTokenStore"/>. Both "first one wins" decisions are the primary key's: an
/// insert that collides lost the race, and the row it collided with is the answer (provider-neutral: the loser sees
/// a <see cref="DbUpdateException"/> on SQLite and SQL Server alike, then finds the winner's row).
/// </summary>
internal sealed class FormTokenStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IFormTokenStore
{
    public async Task<byte[]> GetOrCreateSecretAsync(string name, Func<byte[]> candidate, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (await FindSecretAsync(name, ct) is { } existing) return existing;
        var value = candidate();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Set<SharedSecret>().Add(new SharedSecret { Name = name, Value = Convert.ToBase64String(value), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                return value;
            }
            catch (DbUpdateException)
            {
                // Another instance stored its candidate first: fall through and use that one.
            }
        }
        return await FindSecretAsync(name, ct) ?? throw new InvalidOperationException($"The shared secret '{name}' could not be stored.");
    }

    public async Task<bool> TryUseNonceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > FormTokenLimits.Nonce) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Set<UsedFormNonce>().AnyAsync(n => n.Nonce == nonce, ct)) return false;
        db.Set<UsedFormNonce>().Add(new UsedFormNonce { Nonce = nonce, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var again = await factory.CreateDbContextAsync(ct);
            if (await again.Set<UsedFormNonce>().AnyAsync(n => n.Nonce == nonce, ct)) return false;
            throw;
        }
    }

    public async Task ForgetNonceAsync(string nonce, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Set<UsedFormNonce>().Where(n => n.Nonce == nonce).ExecuteDeleteAsync(ct);
    }

    public async Task<int> SweepNoncesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<UsedFormNonce>().Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    private async Task<byte[]?> FindSecretAsync(string name, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var value = await db.Set<SharedSecret>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return value is null ? null : Convert.FromBase64String(value);
    }
}
