using System.Net;
using Registry.Api.Http;

namespace Registry.Api.Tests.Http;

/// <summary>The one reading of address lists that the proxy and metrics settings share.</summary>
public sealed class ClientAddressesTests
{
    [Theory]
    [InlineData("172.16.0.0/12", true)]
    [InlineData(" fd00::/8 ", true)]
    [InlineData("10.0.0.1", false)]            // an address is not a network in CIDR form
    [InlineData("10.0.0.1/8", false)]          // host bits set: a typo for 10.0.0.0/8 or for one address?
    [InlineData("10.0.0.0/33", false)]
    [InlineData("proxy.internal/24", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Cidr_networks_must_be_exact(string? text, bool valid) =>
        Assert.Equal(valid, ClientAddresses.TryParseCidr(text, out _));

    [Fact]
    public void A_single_address_is_its_own_network_where_addresses_are_allowed()
    {
        Assert.True(ClientAddresses.TryParseNetworkOrAddress("10.1.2.3", out var v4));
        Assert.Equal(32, v4.PrefixLength);
        Assert.True(v4.Contains(IPAddress.Parse("10.1.2.3")));
        Assert.False(v4.Contains(IPAddress.Parse("10.1.2.4")));
        Assert.True(ClientAddresses.TryParseNetworkOrAddress("::1", out var v6));
        Assert.Equal(128, v6.PrefixLength);
        Assert.False(ClientAddresses.TryParseNetworkOrAddress("localhost", out _));
    }

    [Fact]
    public void Every_address_networks_are_recognised_in_both_families()
    {
        Assert.True(ClientAddresses.TryParseCidr("0.0.0.0/0", out var all4));
        Assert.True(ClientAddresses.TryParseCidr("::/0", out var all6));
        Assert.True(ClientAddresses.IsEveryAddress(all4));
        Assert.True(ClientAddresses.IsEveryAddress(all6));
        Assert.True(ClientAddresses.TryParseCidr("0.0.0.0/1", out var half));
        Assert.False(ClientAddresses.IsEveryAddress(half));
    }

    [Fact]
    public void Lists_split_on_commas_semicolons_and_white_space()
    {
        Assert.Equal(["10.0.0.0/8", "fd00::/8", "192.168.1.1"], ClientAddresses.SplitList(" 10.0.0.0/8,fd00::/8;\n 192.168.1.1 \r\n"));
        Assert.Empty(ClientAddresses.SplitList(null));
        Assert.Empty(ClientAddresses.SplitList(" , ;"));
    }
}
