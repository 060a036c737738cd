using System.Net;
using System.Net.Sockets;

namespace Registry.Api.Http;

/// <summary>
/// Client addresses and address lists, one definition for every part that reasons about them: the rate limits and
/// the forms' attempt limits (which client a request counts against), the trusted proxies (forwarded headers) and
/// the networks allowed to scrape metrics (which lists a setting may hold).
/// </summary>
public static class ClientAddresses
{
    /// <summary>
    /// The partition a client's requests count against: the address itself for IPv4 (an IPv4-mapped IPv6 address
    /// as its IPv4 form), its /64 network for IPv6 (one subscriber usually holds a whole /64 and could otherwise
    /// rotate through it to escape a limit).
    /// </summary>
    public static string Partition(IPAddress? client)
    {
        if (client is null) return "unknown";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6) return client.ToString();
        var bytes = client.GetAddressBytes();
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8)) + "::/64";
    }

    /// <summary>The entries of a list setting: separated by commas, semicolons or white space, trimmed.</summary>
    public static string[] SplitList(string? list) =>
        (list ?? "").Split([',', ' ', ';', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A network in CIDR form (<c>172.16.0.0/12</c>, <c>fd00::/8</c>) with the host bits clear: the runtime reads
    /// <c>10.0.0.1/8</c> as <c>10.0.0.0/8</c>, but in a trust list that is as likely a typo for one address, so it is
    /// refused and the setting's message asks for the exact network.
    /// </summary>
    public static bool TryParseCidr(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/');
        return slash > 0
            && IPNetwork.TryParse(trimmed, out network)
            && IPAddress.TryParse(trimmed.AsSpan(0, slash), out var written)
            && written.Equals(network.BaseAddress);
    }

    /// <summary>A network in CIDR form, or a single address taken as its /32 (IPv4) or /128 (IPv6) network.</summary>
    public static bool TryParseNetworkOrAddress(string? text, out IPNetwork network)
    {
        if (TryParseCidr(text, out network)) return true;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text.Trim(), out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    /// <summary>A network that holds every address of its family (<c>0.0.0.0/0</c>, <c>::/0</c>).</summary>
    public static bool IsEveryAddress(IPNetwork network) => network.PrefixLength == 0;
}
