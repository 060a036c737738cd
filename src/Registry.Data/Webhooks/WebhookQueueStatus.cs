using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Webhooks;

/// <summary>What the webhook deliveries hold, for telemetry and operators.</summary>
/// <param name="Pending">Deliveries waiting for an attempt (to active and paused subscribers).</param>
/// <param name="Retrying">Pending deliveries that already failed at least once.</param>
/// <param name="Failed">Deliveries whose every attempt failed (an admin may replay them).</param>
/// <param name="PausedSubscribers">Subscribers receiving nothing (paused by an admin or after repeated failures).</param>
/// <param name="OldestPendingAt">When the oldest delivery still waiting for an active subscriber was queued; null when none.</param>
public sealed record WebhookQueueStatus(int Pending, int Retrying, int Failed, int PausedSubscribers, DateTimeOffset? OldestPendingAt);

internal sealed partial class WebhookStore
{
    public async Task<WebhookQueueStatus> StatusAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var deliveries = db.Set<WebhookDelivery>().AsNoTracking();
        var pending = deliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending);
        var byStatus = await pending.GroupBy(d => d.Attempts > 0).Select(g => new { Retrying = g.Key, Count = g.Count() }).ToListAsync(ct);
        var failed = await deliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Failed, ct);
        var paused = await db.Set<WebhookSubscriber>().CountAsync(s => s.Status == WebhookStatus.Paused, ct);
        var active = db.Set<WebhookSubscriber>().Where(s => s.Status == WebhookStatus.Active).Select(s => s.Id);
        var oldest = await pending.Where(d => active.Contains(d.SubscriberId)).OrderBy(d => d.Id)
            .Select(d => (DateTimeOffset?)d.CreatedAt).FirstOrDefaultAsync(ct);
        return new WebhookQueueStatus(byStatus.Sum(s => s.Count), byStatus.Where(s => s.Retrying).Sum(s => s.Count), failed, paused, oldest);
    }
}
