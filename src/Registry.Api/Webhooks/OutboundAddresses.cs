using System.Net;
using System.Net.Sockets;

namespace Registry.Api.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public unicast only. Refused: unspecified, loopback, RFC 1918 private,
/// CGNAT (100.64/10), link-local (169.254/16, fe80::/10, where cloud metadata lives), documentation and benchmark
/// ranges, IETF protocol assignments, multicast, reserved and broadcast, IPv6 unique-local and site-local, Teredo,
/// discard-only, and any IPv4 address smuggled inside IPv6 (mapped, compatible, NAT64, 6to4) that is itself refused.
/// </summary>
public static class OutboundAddresses
{
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsForbiddenV4(address.MapToIPv4().GetAddressBytes());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsForbiddenV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsForbiddenV6(address),
            _ => true,
        };
    }

    private static bool IsForbiddenV4(byte[] b) =>
        b[0] == 0                                       // 0.0.0.0/8 "this network"
        || b[0] == 10                                   // 10/8 private
        || b[0] == 127                                  // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)         // 100.64/10 CGNAT
        || (b[0] == 169 && b[1] == 254)                 // link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)         // 172.16/12 private
        || (b[0] == 192 && b[1] == 168)                 // 192.168/16 private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // 192.0.0/24 IETF assignments
        || (b[0] == 192 && b[1] == 0 && b[2] == 2)      // TEST-NET-1
        || (b[0] == 192 && b[1] == 88 && b[2] == 99)    // 6to4 relay anycast
        || (b[0] == 198 && (b[1] & 0xFE) == 18)         // 198.18/15 benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)   // TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)    // TEST-NET-3
        || b[0] >= 224;                                 // multicast, reserved, broadcast

    private static bool IsForbiddenV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b.Take(12).All(x => x == 0)) return true;   // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6Teredo) return true;
        if ((b[0] & 0xFE) == 0xFC) return true;         // fc00::/7 unique local
        if (b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0)) return true; // 100::/64 discard
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return true;       // 2001:db8::/32 documentation
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] < 0x02) return true;        // 2001::/23 IETF protocol assignments (Teredo, ORCHID...)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)                    // NAT64: 64:ff9b::/96, 64:ff9b:1::/48 local
        {
            return b[4] != 0 || b[5] != 0 || IsForbiddenV4(b[12..16]);
        }
        if (b[0] == 0x20 && b[1] == 0x02) return IsForbiddenV4(b[2..6]); // 2002::/16 6to4 carries an IPv4 address
        return false;
    }
}
