using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Registry.Api.Feeds;
using Registry.Api.Webhooks;
using Registry.Data.Webhooks;

namespace Registry.Api.Tests.Webhooks;

public sealed class OutboundAddressTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fec0::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001::1")]
    [InlineData("100::1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:c0a8:101::1")]
    public void Non_public_addresses_are_refused(string address)
    {
        Assert.True(OutboundAddresses.IsForbidden(IPAddress.Parse(address)), address);
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("14.225.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2404:6800:4005:80a::200e")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.False(OutboundAddresses.IsForbidden(IPAddress.Parse(address)), address);
    }
}

public sealed class WebhookUrlPolicyTests
{
    private static WebhookUrlPolicy Policy(bool allowHttp = false, bool allowPrivate = false) =>
        new(Options.Create(new WebhookOptions { AllowHttp = allowHttp, AllowPrivateNetworks = allowPrivate }));

    [Theory]
    [InlineData(null, "url is required")]
    [InlineData("  ", "url is required")]
    [InlineData("partner.example/hooks", "must be absolute")]
    [InlineData("/hooks", "must be absolute")]
    [InlineData("http://8.8.8.8/hooks", "must use https")]
    [InlineData("ftp://8.8.8.8/hooks", "must use https")]
    [InlineData("file:///etc/passwd", "must")]
    [InlineData("javascript:alert(1)", "must")]
    [InlineData("https://user:pass@8.8.8.8/hooks", "user info")]
    [InlineData("https://8.8.8.8/hooks#frag", "fragment")]
    [InlineData("https://127.0.0.1/hooks", "not public")]
    [InlineData("https://2130706433/hooks", "not public")]
    [InlineData("https://0x7f000001/hooks", "not public")]
    [InlineData("https://0177.0.0.1/hooks", "not public")]
    [InlineData("https://127.1/hooks", "not public")]
    [InlineData("https://[::1]/hooks", "not public")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks", "not public")]
    [InlineData("https://[::ffff:7f00:1]/hooks", "not public")]
    [InlineData("https://169.254.169.254/latest/meta-data", "not public")]
    [InlineData("https://10.0.0.5:8443/hooks", "not public")]
    [InlineData("https://localhost/hooks", "not public")]
    [InlineData("https://LOCALHOST./hooks", "not public")]
    [InlineData("https://api.localhost/hooks", "not public")]
    [InlineData("https://doitac.invalid/hooks", "cannot resolve")]
    public async Task Refused_urls_say_what_to_fix(string? url, string expected)
    {
        var problem = await Policy().CheckAsync(url, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
        Assert.Contains(" (", problem); // Vietnamese first, English in parentheses
    }

    [Fact]
    public async Task A_url_longer_than_the_column_is_refused()
    {
        var problem = await Policy().CheckAsync("https://8.8.8.8/" + new string('a', WebhookLimits.Url), CancellationToken.None);
        Assert.Contains("at most", problem);
    }

    [Fact]
    public async Task This_machine_by_its_own_name_is_refused()
    {
        // Resolves to loopback or to the machine's private address (or to nothing, which is refused too).
        Assert.NotNull(await Policy().CheckAsync($"https://{Dns.GetHostName()}/hooks", CancellationToken.None));
    }

    [Theory]
    [InlineData("https://8.8.8.8/hooks")]
    [InlineData("https://[2606:4700:4700::1111]:8443/webhooks?source=registry")]
    public async Task Public_https_urls_are_accepted(string url)
    {
        Assert.Null(await Policy().CheckAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task Test_hosts_need_both_options()
    {
        Assert.NotNull(await Policy(allowHttp: true).CheckAsync("http://127.0.0.1:5000/hooks", CancellationToken.None));
        Assert.NotNull(await Policy(allowPrivate: true).CheckAsync("http://127.0.0.1:5000/hooks", CancellationToken.None));
        Assert.Null(await Policy(allowHttp: true, allowPrivate: true).CheckAsync("http://127.0.0.1:5000/hooks", CancellationToken.None));
        Assert.Null(await Policy(allowPrivate: true).CheckAsync("https://localhost/hooks", CancellationToken.None));
    }
}

/// <summary>The connect-time check, against a real socket on 127.0.0.1 that must never see a connection.</summary>
public sealed class WebhookConnectTests
{
    private static WebhookSender Sender(bool allowPrivate) =>
        new(new WebhookUrlPolicy(Options.Create(new WebhookOptions { AllowHttp = true, AllowPrivateNetworks = allowPrivate })),
            new WebhookPayloads(null!, Options.Create(new FeedsOptions())), TimeProvider.System,
            Options.Create(new WebhookOptions { AllowHttp = true, AllowPrivateNetworks = allowPrivate, TimeoutSeconds = 5 }));

    private static LeasedWebhookDelivery Ping(string url) =>
        new(1, "w000000000000", url, ["whsec_dGVzdA=="], "evt_ping_1", WebhookEventTypes.Ping, 0, null, DateTimeOffset.UtcNow, 0);

    [Theory]
    [InlineData("http://localhost:{0}/hooks")]
    [InlineData("http://127.0.0.1:{0}/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/hooks")]
    public async Task A_name_or_address_that_reaches_loopback_is_refused_before_connecting(string template)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var sender = Sender(allowPrivate: false);

        var outcome = await sender.SendAsync(Ping(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, port)), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.StatusCode);
        Assert.Contains("not a public address", outcome.Error);
        await Task.Delay(100);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[8192];
            _ = await stream.ReadAsync(buffer);
            var answer = "HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        });
        using var sender = Sender(allowPrivate: true);

        var outcome = await sender.SendAsync(Ping($"http://127.0.0.1:{port}/hooks"), CancellationToken.None);
        await served;

        Assert.False(outcome.Succeeded);
        Assert.Equal(302, outcome.StatusCode);
        Assert.StartsWith("HTTP 302", outcome.Error);
    }
}
