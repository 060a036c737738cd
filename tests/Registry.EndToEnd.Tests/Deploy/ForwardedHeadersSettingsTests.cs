using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Deploy;

/// <summary>
/// <c>Registry:ForwardedHeaders</c>: a mistake in the list of trusted proxies stops the start with a message naming
/// the setting, and nothing is trusted unless configured (the framework's own default trusts loopback).
/// </summary>
public sealed class ForwardedHeadersSettingsTests
{
    private static ValidateOptionsResult Validate(string proxies = "", string networks = "", int limit = 1) =>
        new ForwardedHeadersSettingsValidator().Validate(null, new ForwardedHeadersSettings { KnownProxies = proxies, KnownNetworks = networks, ForwardLimit = limit });

    [Theory]
    [InlineData("10.0.0.5", "", 1)]
    [InlineData("10.0.0.5, fd00::5", "172.16.0.0/12 10.0.0.0/8", 2)]
    [InlineData("", "fd00::/8", 1)]
    public void Addresses_and_networks_in_cidr_form_are_accepted(string proxies, string networks, int limit) =>
        Assert.True(Validate(proxies, networks, limit).Succeeded);

    [Theory]
    [InlineData("proxy.internal", "", 1, "KnownProxies: 'proxy.internal' is not an IP address")]
    [InlineData("10.0.0.0/8", "", 1, "networks go in KnownNetworks")]
    [InlineData("", "10.0.0.0", 1, "KnownNetworks: '10.0.0.0' is not a network in CIDR form")]
    [InlineData("", "10.0.0.0/33", 1, "is not a network in CIDR form")]
    [InlineData("", "10.0.0.1/8", 1, "KnownNetworks: '10.0.0.1/8' is not a network in CIDR form")]
    [InlineData("", "0.0.0.0/0", 1, "trusts every address on the Internet")]
    [InlineData("", "::/0", 1, "trusts every address on the Internet")]
    [InlineData("10.0.0.5", "", 0, "ForwardLimit must be between 1 and 10")]
    [InlineData("10.0.0.5", "", 11, "ForwardLimit must be between 1 and 10")]
    public void A_wrong_entry_is_refused_naming_the_setting(string proxies, string networks, int limit, string expected)
    {
        var result = Validate(proxies, networks, limit);
        Assert.True(result.Failed);
        Assert.Contains("Registry:ForwardedHeaders:", result.FailureMessage);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Unconfigured_trusts_no_proxy_and_configured_trusts_exactly_the_list()
    {
        using var plain = new RegistryApiFactory();
        Assert.False(plain.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled);

        using var behind = new ConfiguredFactory(new() { ["Registry:ForwardedHeaders:KnownProxies"] = "10.1.2.3", ["Registry:ForwardedHeaders:KnownNetworks"] = "172.30.0.0/24" });
        var options = behind.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal([System.Net.IPAddress.Parse("10.1.2.3")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.30.0.0/24")], options.KnownIPNetworks);
        Assert.Equal(1, options.ForwardLimit);
        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }

    [Fact]
    public void A_wrong_proxy_list_stops_the_host_before_it_serves()
    {
        using var broken = new ConfiguredFactory(new() { ["Registry:ForwardedHeaders:KnownNetworks"] = "everything" });
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("Registry:ForwardedHeaders:KnownNetworks: 'everything'", error.ToString());
    }

    private sealed class ConfiguredFactory(Dictionary<string, string?> extra) : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => extra;
    }
}
