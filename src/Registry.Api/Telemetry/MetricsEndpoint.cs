using System.Net;
using Microsoft.AspNetCore.Cors;
using Microsoft.Extensions.Options;
using Registry.Api.Auth;
using Registry.Api.Http;
using Registry.Api.Problems;
using Registry.Data.Abstractions;

namespace Registry.Api.Telemetry;

/// <summary>
/// The Prometheus scraping endpoint and who may read it. Metrics are operators' data (load, queue lengths, error
/// rates), so a scrape is served only when every configured condition holds: the connection arrived on
/// <see cref="PrometheusSettings.Port"/> (when set; otherwise 404, as if nothing were there), the peer address lies in
/// <see cref="PrometheusSettings.AllowedNetworks"/> (403 otherwise; loopback only by default) and, when
/// <see cref="PrometheusSettings.RequireAdminKey"/> is on, an admin API key came with it (401/403). The peer is the TCP
/// peer, or the client the forwarded-headers middleware names when a trusted proxy forwards: either way a request
/// relayed from the internet carries an internet address and is refused. No CORS, never cached; the exporter keeps
/// each rendering for a second, so scrapes in a burst cost one collection.
/// </summary>
public static class MetricsEndpoint
{
    public static WebApplication MapRegistryMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus.Enabled) return app;
        var gate = new MetricsGate(options.Prometheus);
        app.MapPrometheusScrapingEndpoint(options.Prometheus.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(gate.InvokeAsync), optionsName: null)
            .WithMetadata(new DisableCorsAttribute())
            .NeverCached()
            .WithDisplayName("Prometheus metrics");
        return app;
    }
}

internal sealed class MetricsGate(PrometheusSettings settings)
{
    private readonly IReadOnlyList<IPNetwork> _networks = settings.EffectiveNetworks
        .Select(n => Registry.Api.Http.ClientAddresses.TryParseNetworkOrAddress(n, out var network) ? network : throw new InvalidOperationException("validated at start"))
        .ToList();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (settings.Port is { } port && context.Connection.LocalPort != port)
        {
            await ApiProblems.Create(ProblemKind.NotFound, "Không có tài nguyên ở địa chỉ này (there is no resource at this address).").ExecuteAsync(context);
            return;
        }
        if (!Allowed(context.Connection.RemoteIpAddress))
        {
            await ApiProblems.Create(ProblemKind.Forbidden,
                "Số đo vận hành chỉ đọc được từ các mạng được phép (operational metrics are readable only from the networks in Registry:Telemetry:Prometheus:AllowedNetworks).")
                .ExecuteAsync(context);
            return;
        }
        if (settings.RequireAdminKey && await KeyProblemAsync(context) is { } problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }
        await next();
    }

    public bool Allowed(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var network in _networks)
        {
            if (network.Contains(address)) return true;
        }
        return false;
    }

    /// <summary>Null when an admin key came (X-Api-Key, already authenticated, or a bearer token as Prometheus sends it).</summary>
    private static async Task<IResult?> KeyProblemAsync(HttpContext context)
    {
        if (context.User.IsInRole(RegistryRoles.Admin)) return null;
        Registry.Data.Abstractions.Actor? actor = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization[7..].Trim() is { Length: > 0 } token)
        {
            actor = await context.RequestServices.GetRequiredService<IApiKeyStore>().AuthenticateAsync(token, context.RequestAborted);
        }
        if (actor is { Role: ApiRole.Admin }) return null;
        var presented = actor is not null || context.User.Identity?.IsAuthenticated == true;
        return presented
            ? ApiProblems.Create(ProblemKind.Forbidden, "Chỉ khóa quản trị đọc được số đo vận hành (only an admin API key may read operational metrics).")
            : ApiProblems.Create(ProblemKind.Unauthorized,
                $"Gửi khóa API quản trị trong tiêu đề {ApiKeyAuthenticationHandler.HeaderName} hoặc Authorization: Bearer (send an admin API key in the {ApiKeyAuthenticationHandler.HeaderName} header or as Authorization: Bearer).");
    }
}
