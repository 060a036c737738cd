using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Data.Records;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Liveness (the process answers) and readiness (the store is reachable and migrated), as JSON.</summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .WithName("HealthLive").WithTags("Health")
            .WithSummary("Tiến trình đang chạy (liveness)")
            .WithDescription("200 while the process is up; checks nothing else.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson })
            .WithName("HealthReady").WithTags("Health")
            .WithSummary("Sẵn sàng phục vụ (readiness)")
            .WithDescription("200 when the store is reachable and its migrations are applied; 503 otherwise.");
        return app;
    }

    internal static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthResponse(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds)));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, RegistryJson.Options, context.RequestAborted);
    }
}

public sealed record HealthResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthEntry> Checks);

/// <param name="Description">What the check found; never exception details.</param>
public sealed record HealthEntry(string Status, string? Description, double DurationMs);
