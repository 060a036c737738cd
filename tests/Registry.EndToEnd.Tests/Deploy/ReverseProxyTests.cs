using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Registry.Api.Cli;
using Registry.EndToEnd.Tests.Crash;
using Registry.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.Deploy;

/// <summary>
/// The kit's nginx configuration (<c>deploy/nginx/registry.conf</c>, with only the upstream addresses and the listen
/// port rewritten for 127.0.0.1) run by the machine's nginx in front of two real service processes, as compose runs
/// it. Clients come from different loopback addresses (127.0.0.2, 127.0.0.3), so the services can tell them apart
/// only through the X-Forwarded-For the proxy sets.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class ReverseProxyTests(ITestOutputHelper output, ReverseProxyTests.SharedRun shared) : IClassFixture<ReverseProxyTests.SharedRun>
{
    /// <summary>One proxy and two instances for the tests that leave them running; each test uses its own client addresses.</summary>
    public sealed class SharedRun : IAsyncLifetime
    {
        private ProxyRun? _run;

        public ProxyRun Run => _run ?? throw new InvalidOperationException("not started");

        public async Task InitializeAsync()
        {
            if (File.Exists(NginxFactAttribute.Binary) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REGISTRY_REQUIRE_NGINX")))
                _run = await ProxyRun.StartAsync(null);
        }

        public async Task DisposeAsync()
        {
            if (_run is not null) await _run.DisposeAsync();
        }
    }

    private const int Limit = 4;

    private static Dictionary<string, string> Settings() => new()
    {
        ["Registry:ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        ["Registry:RateLimits:AnonymousPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [NginxFact]
    public async Task Rate_limits_see_the_client_behind_the_proxy_and_a_spoofed_header_does_not_help()
    {
        var run = shared.Run;
        using var first = Client(run.ProxyPort, "127.0.0.2");
        using var second = Client(run.ProxyPort, "127.0.0.3");

        // One client (claiming to be someone else) uses up its allowance on both instances: each instance counts
        // per client, so it gets at most Limit answers from each before 429.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * Limit + 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks?pageSize=1");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await first.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), Limit, 2 * Limit);

        // Another client behind the same proxy is not held back by the first one.
        using var other = await second.GetAsync("/api/v1/tasks?pageSize=1");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [NginxFact]
    public async Task A_client_talking_to_an_instance_directly_cannot_name_its_own_address()
    {
        var run = shared.Run;
        // Straight to the first instance from 127.0.0.5: not a trusted proxy, so X-Forwarded-For is ignored and
        // every request counts against 127.0.0.5 whatever address it claims.
        using var direct = Client(run.Hosts[0].Port, "127.0.0.5");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks?pageSize=1");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await direct.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, Limit), statuses.Take(Limit));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[Limit]);
    }

    [NginxFact]
    public async Task When_one_instance_dies_the_proxy_sends_everything_to_the_other_and_the_healthcheck_verb_tells_them_apart()
    {
        await using var run = await ProxyRun.StartAsync(output);
        using var client = Client(run.ProxyPort, "127.0.0.4");

        var (liveOut, liveErr) = (new StringWriter(), new StringWriter());
        Assert.Equal(RegistryCli.Ok, await RegistryCli.RunAsync(["healthcheck", $"http://127.0.0.1:{run.Hosts[0].Port}/health/ready"], liveOut, liveErr));
        Assert.Contains("200", liveOut.ToString());

        run.Hosts[0].Kill();
        var (deadOut, deadErr) = (new StringWriter(), new StringWriter());
        Assert.Equal(RegistryCli.Rejected, await RegistryCli.RunAsync(["healthcheck", $"http://127.0.0.1:{run.Hosts[0].Port}/health/live"], deadOut, deadErr));
        Assert.Contains("HttpRequestException", deadErr.ToString());

        // Up to the per-instance limit, all on the instance left: a refused connection is retried on the other one.
        for (var i = 0; i < Limit; i++)
        {
            using var response = await client.GetAsync($"/api/v1/tasks?pageSize={i + 1}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        // The proxy's own health answer, which compose's health check asks for.
        Assert.Equal("ok\n", await client.GetStringAsync("/nginx-health"));
    }

    /// <summary>An HttpClient whose connections leave from the given loopback address.</summary>
    private static HttpClient Client(int port, string source)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromSeconds(1),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Two service processes over their own data directories and nginx in front of them.</summary>
    public sealed class ProxyRun : IAsyncDisposable
    {
        private readonly string _dir;
        private Process? _nginx;
        private readonly StringBuilder _nginxOutput = new();

        private ProxyRun(string dir, ChildHost[] hosts, int proxyPort)
        {
            _dir = dir;
            Hosts = hosts;
            ProxyPort = proxyPort;
        }

        public ChildHost[] Hosts { get; }

        public int ProxyPort { get; }

        public static async Task<ProxyRun> StartAsync(ITestOutputHelper? output)
        {
            Assert.True(File.Exists(NginxFactAttribute.Binary), "nginx is required here (REGISTRY_REQUIRE_NGINX is set) but not installed");
            var dir = Directory.CreateTempSubdirectory("registry-proxy-").FullName;
            var hosts = new[]
            {
                new ChildHost(Path.Combine(dir, "api1"), Settings()),
                new ChildHost(Path.Combine(dir, "api2"), Settings()),
            };
            var run = new ProxyRun(dir, hosts, FreePort());
            try
            {
                foreach (var host in hosts) host.Start();
                foreach (var host in hosts) await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
                await run.StartNginxAsync(output);
                return run;
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
        }

        private async Task StartNginxAsync(ITestOutputHelper? output)
        {
            var site = await File.ReadAllTextAsync(Path.Combine(NodeValidators.RepositoryRoot(), "deploy", "nginx", "registry.conf"));
            var rewritten = site
                .Replace("server api1:8080", $"server 127.0.0.1:{Hosts[0].Port}", StringComparison.Ordinal)
                .Replace("server api2:8080", $"server 127.0.0.1:{Hosts[1].Port}", StringComparison.Ordinal)
                .Replace("listen 8080;", $"listen 127.0.0.1:{ProxyPort};", StringComparison.Ordinal);
            Assert.NotEqual(site, rewritten);
            await File.WriteAllTextAsync(Path.Combine(_dir, "registry.conf"), rewritten);
            var temp = Path.Combine(_dir, "nginx-temp");
            Directory.CreateDirectory(temp);
            // The same site file, inside the smallest main configuration nginx needs to run as a child process.
            await File.WriteAllTextAsync(Path.Combine(_dir, "nginx.conf"), $$"""
                worker_processes 1;
                pid {{_dir}}/nginx.pid;
                error_log {{_dir}}/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path {{temp}}/body;
                    proxy_temp_path {{temp}}/proxy;
                    fastcgi_temp_path {{temp}}/fastcgi;
                    uwsgi_temp_path {{temp}}/uwsgi;
                    scgi_temp_path {{temp}}/scgi;
                    include {{_dir}}/registry.conf;
                }
                """);
            var check = await RunNginxAsync("-t");
            Assert.True(check.ExitCode == 0, "nginx -t refused the kit's configuration:\n" + check.Output);

            var start = NginxStart("-g", "daemon off;");
            _nginx = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
            _nginx.OutputDataReceived += (_, e) => { lock (_nginxOutput) _nginxOutput.AppendLine(e.Data); };
            _nginx.ErrorDataReceived += (_, e) => { lock (_nginxOutput) _nginxOutput.AppendLine(e.Data); };
            _nginx.BeginOutputReadLine();
            _nginx.BeginErrorReadLine();

            using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ProxyPort}") };
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                Assert.False(_nginx.HasExited, "nginx stopped:\n" + _nginxOutput);
                try
                {
                    if ((await probe.GetAsync("/nginx-health")).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                Assert.True(DateTime.UtcNow < deadline, "nginx did not listen within 20 s:\n" + _nginxOutput);
                await Task.Delay(50);
            }
            output?.WriteLine($"nginx on 127.0.0.1:{ProxyPort} in front of 127.0.0.1:{Hosts[0].Port} and 127.0.0.1:{Hosts[1].Port}");
        }

        private ProcessStartInfo NginxStart(params string[] extra)
        {
            var start = new ProcessStartInfo(NginxFactAttribute.Binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-p", _dir + "/", "-c", Path.Combine(_dir, "nginx.conf"), "-e", Path.Combine(_dir, "error.log") }) start.ArgumentList.Add(a);
            foreach (var a in extra) start.ArgumentList.Add(a);
            return start;
        }

        private async Task<(int ExitCode, string Output)> RunNginxAsync(params string[] args)
        {
            using var process = Process.Start(NginxStart(args)) ?? throw new InvalidOperationException("nginx did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }

        public async ValueTask DisposeAsync()
        {
            if (_nginx is { HasExited: false })
            {
                _nginx.Kill(entireProcessTree: true);
                await _nginx.WaitForExitAsync();
            }
            _nginx?.Dispose();
            foreach (var host in Hosts) await host.DisposeAsync();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
