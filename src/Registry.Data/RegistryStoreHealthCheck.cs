using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Registry.Data;

/// <summary>Ready when the database answers and its schema is current (no pending migrations). For <c>/health/ready</c>.</summary>
internal sealed class RegistryStoreHealthCheck(IDbContextFactory<RegistryDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu (database unreachable)");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Cơ sở dữ liệu sẵn sàng (database ready)")
                : HealthCheckResult.Unhealthy($"Còn {pending.Count} migration chưa áp dụng (pending migrations: {string.Join(", ", pending)})");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reason goes to the health report's exception (logged by the host), not to the public message.
            return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu (database unreachable)", ex);
        }
    }
}
