using System.Security.Cryptography;
using System.Text;

namespace Registry.EndToEnd.Tests.Webhooks;

// BEGIN verifier (docs/integrators.md quotes this class; WebhookDocsTests keeps the two identical)
/// <summary>Checks a registry webhook: signature over "{id}.{timestamp}.{body}", and a timestamp no older than 5 minutes.</summary>
public static class WebhookVerifier
{
    public static bool Verify(string secret, string id, string timestamp, string signatures, byte[] body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300) return false; // refuse replays of old messages
        var key = Convert.FromBase64String(secret.StartsWith("whsec_") ? secret[6..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        // The header may hold several signatures (during a secret rotation); one valid one is enough.
        return signatures.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
// END verifier
