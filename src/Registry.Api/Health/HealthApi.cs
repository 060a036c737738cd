using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Liveness (the process answers) and readiness (the store is reachable and migrated, the search index is neither
/// rebuilding, reconciling nor lagging past its limits), as JSON.
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", Live)
            .WithName("HealthLive")
            .WithSummary("Tiến trình đang chạy (liveness)")
            .WithDescription("200 while the process is up; checks nothing else.");
        health.MapGet("/ready", Ready)
            .WithName("HealthReady")
            .WithSummary("Sẵn sàng phục vụ (readiness)")
            .WithDescription("200 when the store is reachable and its migrations are applied and the search index holds the catalogue " +
                "(not rebuilding or reconciling, outbox within Registry:Search:ReadyMaxPending and ReadyMaxLag); 503 with the failing check otherwise.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static Ok<HealthResponse> Live() =>
        TypedResults.Ok(new HealthResponse(nameof(HealthStatus.Healthy), 0, new Dictionary<string, HealthEntry>()));

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), ct);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds)));
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }
}

/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Checks">Each check by name.</param>
public sealed record HealthResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthEntry> Checks);

/// <param name="Description">What the check found; never exception details.</param>
public sealed record HealthEntry(string Status, string? Description, double DurationMs);
