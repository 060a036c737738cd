using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Telemetry;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Telemetry;

/// <summary>
/// The scraping endpoint when switched on: Prometheus text with the request metrics, the search histogram and the
/// queue gauges, served to loopback only, never cross-origin, never cached. The outbox indexer is off in this host,
/// so the write below stays pending and the outbox gauges have a steady value to show.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class PrometheusEndpointTests(PrometheusEndpointTests.Host host) : IClassFixture<PrometheusEndpointTests.Host>
{
    public sealed class Host() : TelemetryHost(new Dictionary<string, string?> { ["Registry:Telemetry:Prometheus:Enabled"] = "true" }, indexer: false);

    /// <summary>Scrapes until <paramref name="shows"/> holds (a request's duration is recorded as it ends, which may
    /// be a moment after the client has the response), for at most ten seconds.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> shows)
    {
        var text = "";
        for (var attempt = 0; attempt < 9 && !shows(text); attempt++) text = await ScrapeAsync();
        return text;
    }

    private async Task<string> ScrapeAsync()
    {
        // The exporter keeps a rendering for one second: wait it out so the scrape shows what happened before it.
        await Task.Delay(1100);
        var response = await host.From("127.0.0.1").GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_request_shows_in_the_request_duration_by_route_template_never_by_raw_path()
    {
        var id = "t" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/api/v1/tasks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/api/v1/tasks?q=someone%40example.vn")).StatusCode);

        static bool Counted(string text) => PrometheusText.Samples(text, "http_server_request_duration_seconds_count").Any(s =>
            s.Labels.Contains("http_route=\"", StringComparison.Ordinal) && s.Labels.Contains("tasks/{id}", StringComparison.Ordinal)
            && s.Labels.Contains("http_response_status_code=\"404\"", StringComparison.Ordinal) && s.Value >= 1);
        var text = await ScrapeUntilAsync(Counted);
        Assert.True(Counted(text), text);
        File.WriteAllText("/tmp/telemetry-scrape.txt", text);
        Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.vn", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_shows_in_the_search_histogram_by_kind()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/api/v1/tasks?q=ch%C3%A8+shan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/api/v1/tasks?level=provincial")).StatusCode);

        static bool Counted(string text, string kind) =>
            PrometheusText.Samples(text, "registry_search_duration_seconds_count").Any(s => s.Labels.Contains($"kind=\"{kind}\"", StringComparison.Ordinal) && s.Value >= 1);
        var text = await ScrapeUntilAsync(t => Counted(t, "text") && Counted(t, "browse"));
        Assert.True(Counted(text, "text"), text);
        Assert.True(Counted(text, "browse"), text);
        Assert.DoesNotContain("shan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_gauges_show_a_pending_write_and_its_age_and_the_other_queues()
    {
        var curator = await host.CuratorAsync();
        Assert.Equal(HttpStatusCode.Created, (await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid())).StatusCode);
        await Task.Delay(1200);
        await host.Services.GetRequiredService<QueueFigures>().RefreshAsync(CancellationToken.None);

        var text = await ScrapeAsync();
        var pending = Assert.Single(PrometheusText.Samples(text, "registry_outbox_pending"));
        Assert.True(pending.Value >= 1, text);
        var age = Assert.Single(PrometheusText.Samples(text, "registry_outbox_oldest_age_seconds"));
        Assert.True(age.Value >= 1, $"oldest age {age.Value}");
        Assert.Equal(0, Assert.Single(PrometheusText.Samples(text, "registry_mail_given_up")).Value);
        Assert.Single(PrometheusText.Samples(text, "registry_mail_pending"));
        Assert.Single(PrometheusText.Samples(text, "registry_webhook_deliveries_pending"));
        Assert.Single(PrometheusText.Samples(text, "registry_webhook_subscribers_paused"));
        Assert.True(Assert.Single(PrometheusText.Samples(text, "registry_telemetry_figures_age_seconds")).Value < 60);
        Assert.NotEmpty(PrometheusText.Samples(text, "dotnet_gc_collections_total"));
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.1.2.3")]
    [InlineData("::ffff:198.51.100.7")]
    public async Task Another_network_is_refused_with_a_problem_naming_the_setting(string peer)
    {
        var response = await host.From(peer).GetAsync("/metrics");
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("Registry:Telemetry:Prometheus:AllowedNetworks", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("http_server", problem.ToString());
    }

    [Fact]
    public async Task A_caller_without_an_address_is_refused()
    {
        var response = await host.Anonymous().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Loopback_over_ipv6_and_mapped_ipv4_is_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.From("::1").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.From("::ffff:127.0.0.1").GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task No_cross_origin_read_and_no_caching()
    {
        var client = host.From("127.0.0.1");
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }
}

/// <summary>Default configuration: no metrics endpoint at all.</summary>
[Collection(ReadOnlyHost.Name)]
public sealed class PrometheusDisabledTests(RegistryApiFactory factory)
{
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/metrics/")]
    public async Task Metrics_is_404_when_not_enabled(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync(path)).StatusCode);
    }
}

/// <summary>Stricter rules: a dedicated port and an admin key, and a custom path.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class PrometheusGateTests(PrometheusGateTests.Host host) : IClassFixture<PrometheusGateTests.Host>
{
    public sealed class Host() : TelemetryHost(new Dictionary<string, string?>
    {
        ["Registry:Telemetry:Prometheus:Enabled"] = "true",
        ["Registry:Telemetry:Prometheus:Path"] = "/ops/metrics",
        ["Registry:Telemetry:Prometheus:Port"] = "9464",
        ["Registry:Telemetry:Prometheus:RequireAdminKey"] = "true",
        ["Registry:Telemetry:Prometheus:AllowedNetworks:0"] = "10.0.0.0/8",
        ["Registry:Telemetry:Prometheus:AllowedNetworks:1"] = "192.168.1.20",
    });

    private HttpClient Scraper(string peer, string? key = null, string port = "9464")
    {
        var client = host.From(peer, key);
        client.DefaultRequestHeaders.Add(TelemetryHost.PortHeader, port);
        return client;
    }

    [Fact]
    public async Task An_admin_key_from_an_allowed_network_on_the_port_is_served_by_header_or_bearer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Scraper("10.20.30.40", RegistryApiFactory.AdminKey).GetAsync("/ops/metrics")).StatusCode);
        var bearer = Scraper("192.168.1.20");
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RegistryApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/ops/metrics")).StatusCode);
    }

    [Fact]
    public async Task Without_a_key_401_with_a_curator_key_403_with_a_wrong_bearer_401()
    {
        await (await Scraper("10.0.0.1").GetAsync("/ops/metrics")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var curator = await host.CreateKeyAsync("curator");
        await (await Scraper("10.0.0.1", curator).GetAsync("/ops/metrics")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var wrong = Scraper("10.0.0.1");
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "rk_not_a_key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/ops/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_admin_key_does_not_open_it_from_loopback_or_another_network_or_port()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Scraper("127.0.0.1", RegistryApiFactory.AdminKey).GetAsync("/ops/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Scraper("192.168.1.21", RegistryApiFactory.AdminKey).GetAsync("/ops/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Scraper("10.0.0.1", RegistryApiFactory.AdminKey, port: "80").GetAsync("/ops/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Scraper("10.0.0.1", RegistryApiFactory.AdminKey).GetAsync("/metrics")).StatusCode);
    }
}
