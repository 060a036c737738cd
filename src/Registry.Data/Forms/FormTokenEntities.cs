using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Data.Forms;

/// <summary>
/// A secret every instance must share and none was configured with (the forms' signing key): created once, by
/// whichever instance comes first, and read by all.
/// </summary>
internal sealed class SharedSecret
{
    public string Name { get; set; } = "";
    /// <summary>Base64 of the secret's bytes.</summary>
    public string Value { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A form token's nonce once the token was accepted: the key refuses it a second time, on any instance.</summary>
internal sealed class UsedFormNonce
{
    public string Nonce { get; set; } = "";
    /// <summary>When the token would have expired anyway; after that the row is swept.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class SharedSecretConfiguration : IEntityTypeConfiguration<SharedSecret>
{
    public void Configure(EntityTypeBuilder<SharedSecret> b)
    {
        b.ToTable("SharedSecrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(FormTokenLimits.SecretName).IsUnicode(false);
        b.Property(s => s.Value).HasMaxLength(FormTokenLimits.SecretValue).IsUnicode(false);
    }
}

internal sealed class UsedFormNonceConfiguration : IEntityTypeConfiguration<UsedFormNonce>
{
    public void Configure(EntityTypeBuilder<UsedFormNonce> b)
    {
        b.ToTable("UsedFormNonces");
        b.HasKey(n => n.Nonce);
        b.Property(n => n.Nonce).HasMaxLength(FormTokenLimits.Nonce).IsUnicode(false);
        b.HasIndex(n => n.ExpiresAt);
    }
}

public static class FormTokenLimits
{
    public const int SecretName = 100;
    public const int SecretValue = 500;
    /// <summary>The nonce of a form token (16 base64url characters today; the column leaves room).</summary>
    public const int Nonce = 64;
}
