using System.Net.Mail;

namespace Registry.Data.Mail;

/// <summary>The one rule for an e-mail address anyone gives the registry (a subscriber, a business, a host contact).</summary>
public static class MailAddresses
{
    /// <summary>
    /// A single bare address (no display name, no list, no comments), at most 254 characters, no whitespace or
    /// control characters, a domain with at least one dot: what can safely be put in a To header.
    /// </summary>
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address)) return false;
        var text = address.Trim();
        if (text.Length is 0 or > TextLimits.Email) return false;
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '\\')) return false;
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at > 64) return false;
        var domain = text[(at + 1)..];
        if (domain.Length < 3 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        return MailAddress.TryCreate(text, out var parsed) && parsed.DisplayName.Length == 0 && parsed.Address == text;
    }
}
