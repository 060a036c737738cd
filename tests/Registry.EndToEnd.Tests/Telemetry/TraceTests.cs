using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Registry.EndToEnd.Tests.Telemetry;

/// <summary>A search request traced end to end: the server span, and the Registry search span inside it, shaped but never quoting what was typed.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests(TraceTests.Host host) : IClassFixture<TraceTests.Host>
{
    public sealed class Host() : TelemetryHost(new Dictionary<string, string?>())
    {
        public LockedList Spans { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans));
        }
    }

    /// <summary>The exporter adds from the request's thread while the test reads.</summary>
    public sealed class LockedList : Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item)
        {
            lock (this) base.InsertItem(index, item);
        }

        public IReadOnlyList<Activity> Snapshot()
        {
            lock (this) return this.ToList();
        }
    }

    [Theory]
    [InlineData("/api/v1/tasks?q=ch%C3%A8%20shan%20tuy%E1%BA%BFt%20nguyen.van.a%40example.vn", "search text")]
    [InlineData("/api/v1/suggest?q=nguyen.van.a%40example.vn", "search suggest")]
    public async Task A_search_request_has_the_registry_search_span_inside_the_server_span(string url, string spanName)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().SendAsync(request)).StatusCode);

        var trace = await WaitForAsync(traceId, spans => spans.Any(s => s.Kind == ActivityKind.Server) && spans.Any(s => s.DisplayName == spanName));
        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        var search = Assert.Single(trace, s => s.DisplayName == spanName);
        Assert.Equal("Registry", search.Source.Name);
        Assert.True(IsInside(search, server, trace), "the search span is not inside the server span");
        Assert.True(search.Duration <= server.Duration);
        Assert.True(Convert.ToInt32(search.GetTagItem("registry.search.query_length")) > 0);

        // Neither the query nor the address typed into it is in any span: only the query's length.
        foreach (var span in trace)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = value?.ToString() ?? "";
                Assert.DoesNotContain("example.vn", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("example%2Evn", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("shan", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("40example", text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static bool IsInside(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId) return true;
        }
        return false;
    }

    private async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var spans = host.Spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            if (complete(spans)) return spans;
            await Task.Delay(25);
        }
        Assert.Fail($"The trace never completed; spans seen: {string.Join(", ", host.Spans.Snapshot().Where(s => s.TraceId == traceId).Select(s => s.DisplayName))}");
        return [];
    }
}

/// <summary>
/// OTLP over HTTP (protobuf) to a collector stand-in on 127.0.0.1 in this process: traces and metrics arrive as
/// protobuf POSTs to /v1/traces and /v1/metrics. Nothing leaves the machine.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_and_metrics_reach_a_local_otlp_http_collector()
    {
        using var collector = new LocalCollector();
        using var host = new TelemetryHost(new Dictionary<string, string?>
        {
            ["Registry:Telemetry:Otlp:Enabled"] = "true",
            ["Registry:Telemetry:Otlp:Endpoint"] = collector.Address,
            ["Registry:Telemetry:Otlp:Protocol"] = "http/protobuf",
            ["Registry:Telemetry:Otlp:Headers"] = "x-collector-token=t0k3n",
            ["Registry:Telemetry:ServiceName"] = "registry-otlp-test",
        });
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/api/v1/tasks?q=ch%C3%A8")).StatusCode);

        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var traces = await collector.WaitForAsync("/v1/traces");
        var metrics = await collector.WaitForAsync("/v1/metrics");
        foreach (var post in new[] { traces, metrics })
        {
            Assert.Equal("POST", post.Method);
            Assert.Equal("application/x-protobuf", post.ContentType);
            Assert.Equal("t0k3n", post.Token);
            Assert.NotEmpty(post.Body);
        }
        // The service name travels as a resource attribute (protobuf strings are UTF-8 as is).
        Assert.Contains("registry-otlp-test", System.Text.Encoding.UTF8.GetString(traces.Body), StringComparison.Ordinal);
        Assert.Contains("registry.search.duration", System.Text.Encoding.UTF8.GetString(metrics.Body), StringComparison.Ordinal);
    }

    private sealed record Post(string Method, string Path, string? ContentType, string? Token, byte[] Body);

    /// <summary>An HTTP listener on a free loopback port that answers 200 to every POST and keeps what came.</summary>
    private sealed class LocalCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<Post> _posts = [];
        private readonly Task _loop;

        public LocalCollector()
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string Address { get; }

        public async Task<Post> WaitForAsync(string path)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                lock (_posts)
                {
                    if (_posts.FirstOrDefault(p => p.Path == path) is { } post) return post;
                }
                await Task.Delay(50);
            }
            lock (_posts) Assert.Fail($"Nothing was posted to {path}; seen: {string.Join(", ", _posts.Select(p => p.Path))}");
            throw new InvalidOperationException();
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_posts)
                {
                    _posts.Add(new Post(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType,
                        context.Request.Headers["x-collector-token"], body.ToArray()));
                }
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
