using Registry.Api.Cli;

namespace Registry.EndToEnd.Tests.Deploy;

/// <summary>
/// The image's HEALTHCHECK verb without a service behind it: a usage mistake is exit 2 with a message, a port
/// nobody listens on is exit 1 (unhealthy), and neither touches a store (no data directory is configured here).
/// The healthy and the killed instance are in <see cref="ReverseProxyTests"/>.
/// </summary>
public sealed class HealthCheckVerbTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await RegistryCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/health/live")]
    [InlineData("/health/live")]
    public async Task A_url_that_is_not_absolute_http_is_a_usage_error(string url)
    {
        var (code, _, err) = await Run("healthcheck", url);
        Assert.Equal(RegistryCli.Usage, code);
        Assert.Contains("not an absolute http(s) URL", err);
    }

    [Fact]
    public async Task Two_urls_are_a_usage_error()
    {
        var (code, _, err) = await Run("healthcheck", "http://127.0.0.1:1/a", "http://127.0.0.1:1/b");
        Assert.Equal(RegistryCli.Usage, code);
        Assert.Contains("usage: healthcheck [URL]", err);
    }

    [Fact]
    public async Task Nobody_listening_is_unhealthy()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (code, _, err) = await Run("healthcheck", $"http://127.0.0.1:{port}/health/live");
        Assert.Equal(RegistryCli.Rejected, code);
        Assert.Contains("no answer", err);
    }

    [Fact]
    public void The_default_url_follows_the_image_port() =>
        Assert.Equal("/health/live", HealthCheckCommand.DefaultUrl().AbsolutePath);
}
