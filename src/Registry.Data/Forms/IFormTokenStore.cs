namespace Registry.Data.Forms;

/// <summary>
/// What the public forms' tokens need to work the same on every instance: one signing key and one memory of used
/// tokens, both in the shared database.
/// </summary>
public interface IFormTokenStore
{
    /// <summary>
    /// The secret called <paramref name="name"/>; when none exists yet, <paramref name="candidate"/> is stored and
    /// returned. Of instances starting together exactly one candidate is stored and every one gets that one.
    /// </summary>
    Task<byte[]> GetOrCreateSecretAsync(string name, Func<byte[]> candidate, CancellationToken ct = default);

    /// <summary>Marks a token's nonce used; false when it was used before (on this or any other instance).</summary>
    Task<bool> TryUseNonceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken ct = default);

    /// <summary>Gives a nonce back (the submission was refused for another reason after the token was taken).</summary>
    Task ForgetNonceAsync(string nonce, CancellationToken ct = default);

    /// <summary>Deletes the nonces of tokens that expired before <paramref name="now"/> (they fail on age anyway).</summary>
    Task<int> SweepNoncesAsync(DateTimeOffset now, CancellationToken ct = default);
}
