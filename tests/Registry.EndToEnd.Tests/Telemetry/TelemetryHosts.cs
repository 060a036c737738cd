using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Indexing;

namespace Registry.EndToEnd.Tests.Telemetry;

/// <summary>
/// Hosts with metrics on run in this collection, alone: a meter listener is process-wide, so a host's metrics
/// provider also picks up the instruments of every other host in the test process (ASP.NET Core's meters have the
/// same names in each), shares one stream with them, and loses it when that other host is disposed. One host per
/// process, as in production, has none of this.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}

/// <summary>A host with the given telemetry settings. The test server has no sockets, so a test names the peer address
/// and the local port in <see cref="PeerHeader"/> and <see cref="PortHeader"/> (set before the host's own pipeline).</summary>
public class TelemetryHost(IDictionary<string, string?> settings, bool indexer = true) : RegistryApiFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string PortHeader = "X-Test-Local-Port";

    protected override IDictionary<string, string?> Settings => settings;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter, TestConnection>();
        // Without the indexer every write stays pending, so the outbox gauges have something steady to show.
        if (!indexer) services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxIndexer)));
    }

    public HttpClient From(string peer, string? key = null)
    {
        var client = key is null ? CreateClient() : WithKey(key);
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    private sealed class TestConnection : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                if (context.Request.Headers.TryGetValue(PortHeader, out var port)) context.Connection.LocalPort = int.Parse(port.ToString(), CultureInfo.InvariantCulture);
                await following(context);
            });
            next(app);
        };
    }
}

/// <summary>Reads samples out of the Prometheus text format.</summary>
public static partial class PrometheusText
{
    /// <summary>Values of every sample (label values may hold braces: route templates do) of <paramref name="metric"/> (exact name, any labels).</summary>
    public static IReadOnlyList<(string Labels, double Value)> Samples(string text, string metric) =>
        Sample().Matches(text)
            .Where(m => m.Groups["name"].Value == metric)
            .Select(m => (m.Groups["labels"].Value, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>\S+)(?: \d+)?$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
