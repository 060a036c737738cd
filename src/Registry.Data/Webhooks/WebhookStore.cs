using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Webhooks;

/// <summary>EF implementation of <see cref="IWebhookStore"/>: subscribers and admin operations (audited) here, the fan-out and the delivery leases beside.</summary>
internal sealed partial class WebhookStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IWebhookStore
{
    public async Task<WebhookSubscription> CreateAsync(WebhookSubscriptionInput input, string secret, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var subscriber = new WebhookSubscriber
        {
            PublicId = PublicIds.NewWebhookId(),
            Secret = secret,
            Status = WebhookStatus.Active,
            StartSequence = await db.Outbox.Select(o => (long?)o.Sequence).MaxAsync(ct) ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(subscriber, input);
        db.Set<WebhookSubscriber>().Add(subscriber);
        Audit(db, subscriber.PublicId, AuditAction.Create, Describe(subscriber), actor, now);
        await db.SaveChangesAsync(ct);
        return ToContract(subscriber);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var all = await db.Set<WebhookSubscriber>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return all.Select(ToContract).ToList();
    }

    public async Task<WebhookSubscription?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var subscriber = await ById(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
        return subscriber is null ? null : ToContract(subscriber);
    }

    public Task<WebhookSubscription?> UpdateAsync(string id, WebhookSubscriptionInput input, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, AuditAction.Update, s => Apply(s, input), ct);

    public async Task<bool> DeleteAsync(string id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var subscriber = await ById(db, id).SingleOrDefaultAsync(ct);
        if (subscriber is null) return false;
        db.Remove(subscriber);
        Audit(db, subscriber.PublicId, AuditAction.Delete, Describe(subscriber), actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<WebhookSubscription?> SetPausedAsync(string id, bool paused, string? reason, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, AuditAction.Update, s =>
        {
            s.Status = paused ? WebhookStatus.Paused : WebhookStatus.Active;
            s.PausedReason = paused ? reason : null;
            s.PausedAt = paused ? clock.GetUtcNow() : null;
            if (!paused) s.ConsecutiveFailures = 0;
        }, ct);

    public Task<WebhookSubscription?> RotateSecretAsync(string id, string secret, DateTimeOffset previousUntil, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, AuditAction.Update, s =>
        {
            s.PreviousSecret = s.Secret;
            s.PreviousSecretUntil = previousUntil;
            s.Secret = secret;
        }, ct);

    /// <summary>Loads, changes, audits the difference (secrets shown only as "rotated") and saves.</summary>
    private async Task<WebhookSubscription?> ChangeAsync(string id, Actor actor, AuditAction action, Action<WebhookSubscriber> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var subscriber = await ById(db, id).SingleOrDefaultAsync(ct);
        if (subscriber is null) return null;
        var before = Describe(subscriber);
        var secretBefore = subscriber.Secret;
        change(subscriber);
        var now = clock.GetUtcNow();
        subscriber.UpdatedAt = now;
        var changes = Store.TaskChanges.Diff(before, Describe(subscriber));
        if (subscriber.Secret != secretBefore) changes["secret"] = "rotated";
        Audit(db, subscriber.PublicId, action, changes, actor, now);
        await db.SaveChangesAsync(ct);
        return ToContract(subscriber);
    }

    public async Task<WebhookDeliveryInfo?> QueuePingAsync(string id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var subscriber = await ById(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
        if (subscriber is null) return null;
        var now = clock.GetUtcNow();
        var delivery = new WebhookDelivery
        {
            SubscriberId = subscriber.Id,
            EventId = $"evt_ping_{Guid.NewGuid():N}",
            EventType = WebhookEventTypes.Ping,
            OccurredAt = now,
            Status = WebhookDeliveryStatus.Pending,
            DueAt = now,
            CreatedAt = now,
        };
        db.Set<WebhookDelivery>().Add(delivery);
        Audit(db, subscriber.PublicId, AuditAction.Update, new JsonObject { ["ping"] = delivery.EventId }, actor, now);
        await db.SaveChangesAsync(ct);
        return ToContract(delivery, subscriber.PublicId);
    }

    internal static IQueryable<WebhookSubscriber> ById(RegistryDbContext db, string id) =>
        db.Set<WebhookSubscriber>().Where(s => s.PublicId == id);

    private static void Apply(WebhookSubscriber s, WebhookSubscriptionInput input)
    {
        s.Url = input.Url;
        s.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        s.Events = WebhookLists.Join(input.Events.Distinct(StringComparer.Ordinal));
        s.FieldFilter = WebhookLists.Join(input.Fields.Distinct(StringComparer.Ordinal));
        s.LevelFilter = WebhookLists.Join(input.Levels.Distinct().Select(l => l.ToString()));
    }

    /// <summary>The audited view of a subscriber: everything an admin set, never a secret.</summary>
    private static JsonObject Describe(WebhookSubscriber s) => new()
    {
        ["url"] = s.Url,
        ["description"] = s.Description,
        ["events"] = s.Events,
        ["fields"] = s.FieldFilter,
        ["levels"] = s.LevelFilter,
        ["status"] = s.Status.ToString(),
        ["pausedReason"] = s.PausedReason,
    };

    private static void Audit(RegistryDbContext db, string id, AuditAction action, JsonObject changes, Actor actor, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            Actor = actor.Name,
            Action = action,
            EntityId = id,
            ChangesJson = changes.ToJsonString(RegistryJson.Options),
        });

    internal static WebhookSubscription ToContract(WebhookSubscriber s) => new(
        s.PublicId, s.Url, s.Description, WebhookLists.Split(s.Events), WebhookLists.Split(s.FieldFilter), WebhookLists.Levels(s.LevelFilter),
        s.Status, s.PausedReason, s.PausedAt, s.ConsecutiveFailures, s.CreatedAt, s.UpdatedAt);

    internal static WebhookDeliveryInfo ToContract(WebhookDelivery d, string subscriptionId) => new(
        d.Id, subscriptionId, d.EventId, d.EventType, d.Sequence, d.TaskId, d.OccurredAt, d.Status, d.Attempts,
        d.Status == WebhookDeliveryStatus.Pending ? d.DueAt : null, d.LastStatusCode, d.LastError, d.DeliveredAt, d.CreatedAt);
}
