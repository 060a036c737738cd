using System.Security.Cryptography;

namespace Registry.Data;

/// <summary>
/// Opaque public ids: a one-letter kind + 12 lowercase Crockford base32 characters (60 random bits from a
/// cryptographic source). Never derived from a code or name, so renaming or re-coding a task keeps its id.
/// </summary>
public static class PublicIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int Length = 12;

    public static string NewTaskId() => New('t');
    public static string NewOrganizationId() => New('o');
    public static string NewImportJobId() => New('j');
    /// <summary>An import run inline (not as a job): names it in the audit log.</summary>
    public static string NewImportId() => New('i');
    public static string NewCollectionId() => New('c');
    public static string NewAlertSubscriptionId() => New('s');
    public static string NewInquiryId() => New('q');
    public static string NewFeedbackId() => New('f');
    public static string NewWebhookId() => New('w');

    /// <summary>True when <paramref name="id"/> has the shape of an id of the given kind (cheap pre-check for routes).</summary>
    public static bool IsWellFormed(string? id, char kind) =>
        id is { Length: Length + 1 } && id[0] == kind && id.Skip(1).All(c => Alphabet.Contains(c));

    private static string New(char kind)
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var bits = BitConverter.ToUInt64(bytes);
        Span<char> chars = stackalloc char[Length + 1];
        chars[0] = kind;
        for (var i = 1; i <= Length; i++)
        {
            chars[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }
        return new string(chars);
    }
}
