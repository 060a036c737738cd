using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace Registry.Api.Telemetry;

/// <summary>
/// <c>Registry:Telemetry</c>: what the service exports and to whom. Everything is off by default: metrics are
/// collected only when the Prometheus endpoint or OTLP is on, traces only when OTLP is on. Validated at start by
/// <see cref="TelemetryOptionsValidator"/>; docs/operations.md describes every setting.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Registry:Telemetry";

    /// <summary>The <c>service.name</c> resource attribute (OTEL_SERVICE_NAME, when set, wins).</summary>
    public string ServiceName { get; set; } = "registry";

    /// <summary>The <c>service.instance.id</c> resource attribute; the machine (container) name when empty.</summary>
    public string? ServiceInstanceId { get; set; }

    /// <summary>Share of new traces recorded (0–1); a request that arrives inside a sampled trace is always recorded.</summary>
    public double SamplingRatio { get; set; } = 1.0;

    /// <summary>How often the queue gauges (outbox, mail, webhooks) are read from the database.</summary>
    public double FiguresRefreshSeconds { get; set; } = 10;

    public PrometheusSettings Prometheus { get; set; } = new();

    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>True when anything reads the metrics (the queue gauges are polled only then).</summary>
    public bool MetricsEnabled => Prometheus.Enabled || Otlp is { Enabled: true, Metrics: true };

    public bool TracesEnabled => Otlp is { Enabled: true, Traces: true };
}

/// <summary>
/// <c>Registry:Telemetry:Prometheus</c>: the scraping endpoint. Metrics describe the service's load and queues; they
/// are not for the public, so the endpoint answers only callers from <see cref="AllowedNetworks"/> (loopback by default),
/// on <see cref="Port"/> when one is set, and with an admin API key when <see cref="RequireAdminKey"/> is on.
/// </summary>
public sealed class PrometheusSettings
{
    public const string DefaultPath = "/metrics";

    public bool Enabled { get; set; }

    public string Path { get; set; } = DefaultPath;

    /// <summary>Networks (CIDR, or single addresses) allowed to scrape; loopback only when not set.</summary>
    public List<string>? AllowedNetworks { get; set; }

    /// <summary>When set, the endpoint answers only on connections to this local port (list it in <c>urls</c> too).</summary>
    public int? Port { get; set; }

    /// <summary>Scrapes must carry an admin API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>).</summary>
    public bool RequireAdminKey { get; set; }

    public static readonly IReadOnlyList<string> LoopbackOnly = ["127.0.0.0/8", "::1/128"];

    public IReadOnlyList<string> EffectiveNetworks => AllowedNetworks is { Count: > 0 } networks ? networks : LoopbackOnly;
}

/// <summary><c>Registry:Telemetry:Otlp</c>: the OpenTelemetry protocol exporter (traces and metrics).</summary>
public sealed class OtlpSettings
{
    public bool Enabled { get; set; }

    /// <summary>The collector's base address (e.g. http://otel-collector:4318 for http/protobuf, :4317 for grpc); when
    /// empty the standard OTEL_EXPORTER_OTLP_ENDPOINT applies, then the exporter's default http://localhost:4317.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>; when empty OTEL_EXPORTER_OTLP_PROTOCOL applies, then grpc.</summary>
    public string? Protocol { get; set; }

    /// <summary>Extra request headers, <c>name=value</c> pairs separated by commas (OTEL_EXPORTER_OTLP_HEADERS otherwise).</summary>
    public string? Headers { get; set; }

    public bool Traces { get; set; } = true;

    public bool Metrics { get; set; } = true;

    /// <summary>The protocol named by <see cref="Protocol"/>, or null when unset or not one of the two.</summary>
    public OtlpExportProtocol? ParsedProtocol => Protocol?.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "httpprotobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}

/// <summary>Checks <see cref="TelemetryOptions"/> at start; every message names the setting to fix.</summary>
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private const string S = TelemetryOptions.Section;

    /// <summary>Paths the service itself answers; the scraping endpoint may not sit under them.</summary>
    private static readonly string[] ReservedPrefixes = [
        "/api", "/graphql", "/health", "/swagger", "/feeds", "/oai", "/tasks", "/organizations", "/collections", "/embed",
        "/problems", "/catalog", "/snapshots", "/sitemaps", "/alerts", "/forms", "/feedback", "/inquiries",
    ];

    public ValidateOptionsResult Validate(string? name, TelemetryOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.ServiceName) || o.ServiceName.Length > 100 || o.ServiceName.Any(char.IsControl))
            errors.Add($"{S}:ServiceName must be a non-empty name of at most 100 characters on one line");
        if (o.ServiceInstanceId is { } id && (id.Length > 200 || id.Any(char.IsControl)))
            errors.Add($"{S}:ServiceInstanceId must be at most 200 characters on one line");
        if (double.IsNaN(o.SamplingRatio) || o.SamplingRatio is < 0 or > 1)
            errors.Add($"{S}:SamplingRatio must be between 0 and 1 (1 records every trace)");
        if (double.IsNaN(o.FiguresRefreshSeconds) || o.FiguresRefreshSeconds is < 1 or > 3600)
            errors.Add($"{S}:FiguresRefreshSeconds must be between 1 and 3600");
        ValidatePrometheus(o.Prometheus, errors);
        ValidateOtlp(o.Otlp, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidatePrometheus(PrometheusSettings p, List<string> errors)
    {
        const string P = S + ":Prometheus";
        if (string.IsNullOrEmpty(p.Path) || !PathPattern().IsMatch(p.Path) || p.Path.Contains("//", StringComparison.Ordinal))
            errors.Add($"{P}:Path must be a path such as /metrics (letters, digits, '-', '_', '.', '/')");
        else if (ReservedPrefixes.Any(r => new PathString(p.Path).StartsWithSegments(r, StringComparison.OrdinalIgnoreCase)))
            errors.Add($"{P}:Path must not lie under {string.Join(", ", ReservedPrefixes)} (the service answers those paths)");
        if (p.Port is < 1 or > 65535) errors.Add($"{P}:Port must be between 1 and 65535");
        var everyone = false;
        foreach (var entry in p.EffectiveNetworks)
        {
            if (!Registry.Api.Http.ClientAddresses.TryParseNetworkOrAddress(entry, out var network))
            {
                errors.Add($"{P}:AllowedNetworks entry '{Clip(entry)}' must be a network such as 10.0.0.0/8 or fd00::/8, or one address");
                continue;
            }
            everyone |= Registry.Api.Http.ClientAddresses.IsEveryAddress(network);
        }
        if (everyone && !p.RequireAdminKey)
            errors.Add($"{P}:AllowedNetworks opens the endpoint to every address; set {P}:RequireAdminKey to true as well, or list only the scrapers' networks");
    }

    private static void ValidateOtlp(OtlpSettings o, List<string> errors)
    {
        const string O = S + ":Otlp";
        if (!string.IsNullOrWhiteSpace(o.Protocol) && o.ParsedProtocol is null)
            errors.Add($"{O}:Protocol must be grpc or http/protobuf");
        if (!string.IsNullOrWhiteSpace(o.Endpoint)
            && !(Uri.TryCreate(o.Endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query)))
            errors.Add($"{O}:Endpoint must be the collector's absolute http(s) address, such as http://otel-collector:4318");
        if (o.Headers is { } headers && !HeadersValid(headers))
            errors.Add($"{O}:Headers must be name=value pairs separated by commas, on one line");
        if (o.Enabled && !o.Traces && !o.Metrics)
            errors.Add($"{O}:Traces and {O}:Metrics are both false while {O}:Enabled is true; turn one on or disable OTLP");
    }

    private static bool HeadersValid(string headers) =>
        !headers.Any(char.IsControl)
        && headers.Split(',', StringSplitOptions.RemoveEmptyEntries).All(pair => pair.IndexOf('=') is > 0 and var at && at < pair.Length - 1);

    private static string Clip(string text) => new((text.Length > 60 ? text[..60] : text).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex("^/[A-Za-z0-9._/-]{1,99}$")]
    private static partial Regex PathPattern();
}
