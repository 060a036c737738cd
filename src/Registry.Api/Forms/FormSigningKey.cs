using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Data.Forms;

namespace Registry.Api.Forms;

/// <summary>
/// The key that signs form tokens and, derived, alert unsubscribe links: <c>Registry:Forms:SigningKey</c> when
/// configured; otherwise one key kept in the database (<c>SharedSecrets</c>), created by whichever instance starts
/// first, so a token issued by one instance is accepted by every other. A service upgraded from the time the key was
/// a file in the data directory (<c>form-signing.key</c>) stores that file's key, so links already mailed keep working.
/// Loaded at start (<see cref="EnsureAsync"/>, after migrations); <see cref="Bytes"/> loads it on first use elsewhere.
/// </summary>
public sealed class FormSigningKey(IOptions<FormOptions> options, IOptions<RegistryDataOptions> data, IFormTokenStore store)
{
    public const string SecretName = "form-signing-key";
    public const string LegacyFileName = "form-signing.key";
    public const int MinBytes = 32;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public byte[] Bytes => _key ?? EnsureAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<byte[]> EnsureAsync(CancellationToken ct)
    {
        if (_key is { } loaded) return loaded;
        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadAsync(CancellationToken ct)
    {
        if (options.Value.SigningKey is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured.Trim());
            return bytes.Length >= MinBytes ? bytes : throw new InvalidOperationException($"Registry:Forms:SigningKey must be at least {MinBytes} bytes of base64");
        }
        var stored = await store.GetOrCreateSecretAsync(SecretName, () => LegacyKey() ?? RandomNumberGenerator.GetBytes(MinBytes), ct);
        return stored.Length >= MinBytes
            ? stored
            : throw new InvalidOperationException($"The stored form signing key is shorter than {MinBytes} bytes; delete the '{SecretName}' row of SharedSecrets to have a new one made");
    }

    /// <summary>The key an earlier version kept in this instance's data directory, when it is there and usable.</summary>
    private byte[]? LegacyKey()
    {
        var path = Path.Combine(data.Value.DataDirectoryFullPath, LegacyFileName);
        if (!File.Exists(path)) return null;
        var buffer = new byte[256];
        return Convert.TryFromBase64String(File.ReadAllText(path).Trim(), buffer, out var written) && written >= MinBytes ? buffer[..written] : null;
    }
}
