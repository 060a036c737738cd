using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Forms;
using Registry.Data;

namespace Registry.Api.Alerts;

/// <summary>
/// The secrets of an alert subscription. The confirmation token is random and only its SHA-256 is stored. The
/// unsubscribe token is <c>{id}.{HMAC(key, id + salt)}</c>: it goes into every mail. The key is the forms' signing
/// key, derived for this purpose: with <c>Registry:Forms:SigningKey</c> configured nothing stored in the database is
/// enough to make one; without it the key itself is in the database (<see cref="FormSigningKey"/>), shared by the
/// instances. Derived on first use, so building the background services never reads the database before migrations.
/// </summary>
public sealed class AlertTokens(FormGuard forms)
{
    private readonly Lazy<byte[]> _key = new(() => forms.DeriveKey("alert-unsubscribe"));

    public static string NewConfirmToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewSalt() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>SHA-256 of a token, lowercase hex; null for something that cannot be a token.</summary>
    public static string? Hash(string? token) =>
        token is { Length: > 20 and < 100 } ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()))) : null;

    public string Unsubscribe(string publicId, string salt) => publicId + "." + Sign(publicId, salt);

    /// <summary>The subscription id an unsubscribe token names, or null when it is malformed (signature checked by <see cref="Verify"/>).</summary>
    public static string? IdOf(string? token)
    {
        if (token is null || token.Length > 100) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0) return null;
        var id = token[..dot];
        return PublicIds.IsWellFormed(id, 's') ? id : null;
    }

    public bool Verify(string token, string publicId, string salt)
    {
        var expected = Encoding.ASCII.GetBytes(Unsubscribe(publicId, salt));
        var given = Encoding.ASCII.GetBytes(token.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string publicId, string salt) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(publicId + "." + salt)));
}
