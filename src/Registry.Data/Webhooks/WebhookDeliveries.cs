using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;

namespace Registry.Data.Webhooks;

internal sealed partial class WebhookStore
{
    public const int MaxDeliveryPage = 200;

    public async Task<WebhookDeliveryPage?> ListDeliveriesAsync(string id, WebhookDeliveryStatus? status, long? before, int size, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var subscriber = await ById(db, id).AsNoTracking().Select(s => new { s.Id }).SingleOrDefaultAsync(ct);
        if (subscriber is null) return null;
        var take = Math.Clamp(size, 1, MaxDeliveryPage);
        var query = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriberId == subscriber.Id);
        if (status is { } s) query = query.Where(d => d.Status == s);
        var total = await query.LongCountAsync(ct);
        if (before is { } b) query = query.Where(d => d.Id < b);
        var rows = await query.OrderByDescending(d => d.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).Select(d => ToContract(d, id)).ToList();
        return new WebhookDeliveryPage(page, rows.Count > take ? page[^1].Id : null, total);
    }

    public async Task<(WebhookDeliveryInfo Delivery, IReadOnlyList<WebhookAttemptInfo> Attempts)?> FindDeliveryAsync(string id, long deliveryId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var delivery = await DeliveryOf(db, id, deliveryId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (delivery is null) return null;
        var attempts = await db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Id)
            .Select(a => new WebhookAttemptInfo(a.At, a.StatusCode, a.DurationMs, a.Succeeded, a.Error)).ToListAsync(ct);
        return (ToContract(delivery, id), attempts);
    }

    public async Task<WebhookReplayResult> ReplayDeliveryAsync(string id, long deliveryId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var delivery = await DeliveryOf(db, id, deliveryId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (delivery is null) return WebhookReplayResult.NotFound;
        var now = clock.GetUtcNow();
        var requeued = await Requeue(db.Set<WebhookDelivery>().Where(d => d.Id == deliveryId), now, ct);
        if (requeued == 0) return WebhookReplayResult.InFlight;
        Audit(db, id, AuditAction.Update, new JsonObject { ["replay"] = delivery.EventId }, actor, now);
        await db.SaveChangesAsync(ct);
        return WebhookReplayResult.Queued;
    }

    public async Task<(int Queued, bool Truncated)?> ReplaySinceAsync(string id, long? afterSequence, DateTimeOffset? since, int max, Actor actor,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var subscriber = await ById(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
        if (subscriber is null) return null;
        var now = clock.GetUtcNow();
        // Rows after the cursor (and after the subscriber's start) reach it through the fan-out; replay covers the rest.
        var cursor = await FanOutPositionAsync(ct);
        var upTo = Math.Max(cursor, subscriber.StartSequence);
        var query = db.Outbox.AsNoTracking().Where(o => o.Events != null && o.Sequence <= upTo);
        if (afterSequence is { } after) query = query.Where(o => o.Sequence > after);
        if (since is { } from) query = query.Where(o => o.CreatedAt >= from);
        var rows = await query.OrderBy(o => o.Sequence).Take(max + 1)
            .Select(o => new OutboxEvents(o.Sequence, o.TaskId, o.Events, o.CreatedAt)).ToListAsync(ct);
        var truncated = rows.Count > max;
        if (truncated) rows = rows[..max];

        var tasks = await WebhookTaskFacts.LoadAsync(db, rows.Select(r => r.TaskId).Distinct().ToList(), ct);
        var wanted = WebhookDeliveryFactory.For(rows, [new WebhookMatcher(subscriber)], tasks, now, fromStart: false);
        var ids = wanted.Select(d => d.EventId).ToList();
        var existing = (await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriberId == subscriber.Id && ids.Contains(d.EventId))
            .Select(d => d.EventId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var requeued = existing.Count == 0 ? 0 : await Requeue(
            db.Set<WebhookDelivery>().Where(d => d.SubscriberId == subscriber.Id && ids.Contains(d.EventId)), now, ct);
        db.Set<WebhookDelivery>().AddRange(wanted.Where(d => !existing.Contains(d.EventId)));
        var queued = requeued + wanted.Count(d => !existing.Contains(d.EventId));
        Audit(db, id, AuditAction.Update, new JsonObject
        {
            ["replaySince"] = new JsonObject { ["afterSequence"] = afterSequence, ["since"] = since?.ToString("O"), ["queued"] = queued },
        }, actor, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (queued, truncated);
    }

    /// <summary>Due now, attempts counted afresh; a delivery being attempted right now (leased) is left alone.</summary>
    private static Task<int> Requeue(IQueryable<WebhookDelivery> deliveries, DateTimeOffset now, CancellationToken ct) =>
        deliveries.Where(d => d.LeaseUntil == null || d.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.DueAt, now)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseToken, (Guid?)null)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), ct);

    private static IQueryable<WebhookDelivery> DeliveryOf(RegistryDbContext db, string id, long deliveryId) =>
        db.Set<WebhookDelivery>().Where(d => d.Id == deliveryId && db.Set<WebhookSubscriber>().Any(s => s.Id == d.SubscriberId && s.PublicId == id));

    /// <summary>
    /// Pending, due, not leased (or the lease ran out), and the subscriber active (a ping goes to a paused one too):
    /// one conditional UPDATE stamps owner, token and expiry, as the outbox does, then the rows with the token are read.
    /// </summary>
    public async Task<IReadOnlyList<LeasedWebhookDelivery>> LeaseDueAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (max <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var candidates = Leasable(db, now).OrderBy(d => d.DueAt).ThenBy(d => d.Id).Select(d => d.Id).Take(max);
        await Leasable(db, now).Where(d => candidates.Contains(d.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseOwner, owner)
                .SetProperty(d => d.LeaseToken, token)
                .SetProperty(d => d.LeaseUntil, now + leaseFor), ct);
        var leased = await (from d in db.Set<WebhookDelivery>().AsNoTracking()
                            join s in db.Set<WebhookSubscriber>().AsNoTracking() on d.SubscriberId equals s.Id
                            where d.LeaseToken == token
                            orderby d.Id
                            select new { d, s.PublicId, s.Url, s.Secret, s.PreviousSecret, s.PreviousSecretUntil }).ToListAsync(ct);
        return leased.Select(x => new LeasedWebhookDelivery(x.d.Id, x.PublicId, x.Url,
            x.PreviousSecret is not null && x.PreviousSecretUntil > now ? [x.Secret, x.PreviousSecret] : [x.Secret],
            x.d.EventId, x.d.EventType, x.d.Sequence, x.d.TaskId, x.d.OccurredAt, x.d.Attempts)).ToList();
    }

    private static IQueryable<WebhookDelivery> Leasable(RegistryDbContext db, DateTimeOffset now) =>
        db.Set<WebhookDelivery>().Where(d => d.Status == WebhookDeliveryStatus.Pending && d.DueAt <= now
            && (d.LeaseUntil == null || d.LeaseUntil < now)
            && db.Set<WebhookSubscriber>().Any(s => s.Id == d.SubscriberId
                && (s.Status == WebhookStatus.Active || d.EventType == WebhookEventTypes.Ping)));

    public async Task<bool> RecordAttemptAsync(string owner, long deliveryId, WebhookAttemptOutcome outcome, WebhookFailurePolicy policy,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var delivery = await db.Set<WebhookDelivery>()
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.LeaseOwner == owner && d.Status == WebhookDeliveryStatus.Pending, ct);
        if (delivery is null) return false;
        var now = clock.GetUtcNow();
        var error = Excerpt(outcome.Error);
        db.Set<WebhookAttempt>().Add(new WebhookAttempt
        {
            DeliveryId = deliveryId, At = now, StatusCode = outcome.StatusCode, DurationMs = outcome.DurationMs,
            Succeeded = outcome.Succeeded, Error = error,
        });
        delivery.Attempts++;
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastError = outcome.Succeeded ? null : error;
        delivery.LeaseOwner = null;
        delivery.LeaseToken = null;
        delivery.LeaseUntil = null;
        if (outcome.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
        }
        else if (delivery.Attempts >= policy.MaxAttempts)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
        }
        else
        {
            delivery.DueAt = policy.RetryAt;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // A test ping says nothing about the subscriber's health; every other attempt counts.
        if (delivery.EventType != WebhookEventTypes.Ping) await CountAsync(db, delivery.SubscriberId, outcome.Succeeded, policy, now, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Atomic counter updates (deliveries to one subscriber run in parallel), then the pause once the count is reached.</summary>
    private static async Task CountAsync(RegistryDbContext db, long subscriberId, bool succeeded, WebhookFailurePolicy policy, DateTimeOffset now,
        CancellationToken ct)
    {
        var subscriber = db.Set<WebhookSubscriber>().Where(s => s.Id == subscriberId);
        if (succeeded)
        {
            await subscriber.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 0), ct);
            return;
        }
        await subscriber.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, x => x.ConsecutiveFailures + 1), ct);
        var reason = $"Tạm dừng sau {policy.PauseAfterFailures} lần gửi thất bại liên tiếp (paused after {policy.PauseAfterFailures} consecutive failed deliveries)";
        var paused = await subscriber.Where(s => s.Status == WebhookStatus.Active && s.ConsecutiveFailures >= policy.PauseAfterFailures)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, WebhookStatus.Paused)
                .SetProperty(x => x.PausedReason, reason)
                .SetProperty(x => x.PausedAt, now)
                .SetProperty(x => x.UpdatedAt, now), ct);
        if (paused > 0)
        {
            var id = await subscriber.Select(s => s.PublicId).SingleAsync(ct);
            Audit(db, id, AuditAction.Update, new JsonObject { ["status"] = new JsonObject { ["from"] = "Active", ["to"] = "Paused" }, ["pausedReason"] = reason },
                new Actor("webhooks", ApiRole.Admin), now);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<int> ReleaseLeasesOwnedAsync(string ownerPrefix, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerPrefix);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<WebhookDelivery>().Where(d => d.LeaseOwner != null && d.LeaseOwner.StartsWith(ownerPrefix))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseToken, (Guid?)null)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    private static string? Excerpt(string? text) =>
        text is null ? null : text.Length > WebhookLimits.Error ? text[..WebhookLimits.Error] : text;
}
