using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Registry.Data.Telemetry;
using Registry.Search.Model;

namespace Registry.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the host, chosen by <c>Registry:Telemetry</c>: instrumentation is declared always (it costs
/// nothing while no provider listens), providers and exporters only when configured: metrics for the Prometheus
/// endpoint and/or OTLP, traces for OTLP. A test (or an embedding host) may add its own exporter with
/// <c>AddOpenTelemetry().WithTracing(...)</c> and gets the same instrumentation.
/// </summary>
public static class TelemetryServices
{
    /// <summary>Activity sources besides <see cref="RegistryTelemetry.Name"/>: the Elasticsearch client's.</summary>
    private static readonly string[] Sources = [RegistryTelemetry.Name, "Elastic.Transport"];

    public static IServiceCollection AddRegistryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddRegistryLogFormat();
        DecorateSearchIndex(services);

        // Exporters are chosen at registration (a provider cannot be added later); values are read leniently here and
        // the validator, which runs before the host starts, stops it on anything malformed.
        var settings = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.Section).Bind(settings, o => o.ErrorOnUnknownConfiguration = false);
        var ratio = double.IsNaN(settings.SamplingRatio) ? 1 : Math.Clamp(settings.SamplingRatio, 0, 1);

        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(Sources)
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
            .AddAspNetCoreInstrumentation(o =>
            {
                o.RecordException = false;
                o.Filter = context => !IsScrape(context, settings.Prometheus);
            })
            .AddHttpClientInstrumentation(o => o.RecordException = false)
            .AddSqlClientInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(RegistryTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation());

        var otel = services.AddOpenTelemetry().ConfigureResource(resource => resource
            .AddService(string.IsNullOrWhiteSpace(settings.ServiceName) ? "registry" : settings.ServiceName.Trim(),
                serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: string.IsNullOrWhiteSpace(settings.ServiceInstanceId) ? Environment.MachineName : settings.ServiceInstanceId.Trim()));
        if (settings.TracesEnabled)
        {
            otel.WithTracing(tracing => tracing.AddOtlpExporter(o => ConfigureOtlp(o, settings.Otlp, "/v1/traces")));
        }
        if (settings.MetricsEnabled)
        {
            otel.WithMetrics(metrics =>
            {
                if (settings.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter(o =>
                    {
                        o.ScrapeEndpointPath = settings.Prometheus.Path;
                        o.ScrapeResponseCacheDurationMilliseconds = 1000;
                    });
                }
                if (settings.Otlp is { Enabled: true, Metrics: true })
                {
                    metrics.AddOtlpExporter(o => ConfigureOtlp(o, settings.Otlp, "/v1/metrics"));
                }
            });
            services.AddSingleton<QueueFigures>();
            services.AddHostedService(sp => sp.GetRequiredService<QueueFigures>());
        }
        return services;
    }

    /// <summary>
    /// Registry settings win over the standard OTEL_EXPORTER_OTLP_* variables the exporter has already read. A base
    /// endpoint given here gets the signal's path for http/protobuf, as OTEL_EXPORTER_OTLP_ENDPOINT does.
    /// </summary>
    private static void ConfigureOtlp(OtlpExporterOptions o, OtlpSettings settings, string signalPath)
    {
        if (settings.ParsedProtocol is { } protocol) o.Protocol = protocol;
        if (!string.IsNullOrWhiteSpace(settings.Headers)) o.Headers = settings.Headers;
        if (string.IsNullOrWhiteSpace(settings.Endpoint) || !Uri.TryCreate(settings.Endpoint.Trim(), UriKind.Absolute, out var endpoint)) return;
        o.Endpoint = o.Protocol == OtlpExportProtocol.HttpProtobuf && !endpoint.AbsolutePath.EndsWith(signalPath, StringComparison.Ordinal)
            ? new Uri(endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/') + signalPath)
            : endpoint;
    }

    /// <summary>Scrapes are not traced: a trace every 15 s per scraper says nothing.</summary>
    private static bool IsScrape(HttpContext context, PrometheusSettings prometheus) =>
        prometheus.Enabled && context.Request.Path.Equals(prometheus.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Wraps the registered <see cref="ISearchIndex"/> (the engine, already wrapped for change listeners) in <see cref="TelemetrySearchIndex"/>.</summary>
    private static void DecorateSearchIndex(IServiceCollection services)
    {
        var engine = services.LastOrDefault(d => d.ServiceType == typeof(ISearchIndex))
            ?? throw new InvalidOperationException("AddRegistryTelemetry must follow AddRegistrySearch");
        services.Remove(engine);
        services.Add(ServiceDescriptor.Describe(typeof(ISearchIndex), sp => new TelemetrySearchIndex(Resolve(engine, sp)), engine.Lifetime));
    }

    private static ISearchIndex Resolve(ServiceDescriptor d, IServiceProvider sp) => (ISearchIndex)(
        d.ImplementationInstance
        ?? d.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
