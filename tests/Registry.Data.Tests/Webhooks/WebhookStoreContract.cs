using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;
using Registry.Data.Webhooks;

namespace Registry.Data.Tests.Webhooks;

/// <summary>
/// <see cref="IWebhookStore"/> on each provider: the events each write means, the fan-out (filters, atomic,
/// idempotent), leases, the failure policy and replay. Every test makes its own subscribers and tasks; the ones that
/// lease first settle what earlier tests left queued.
/// </summary>
public abstract class WebhookStoreContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-webhooks", ApiRole.Curator);
    private static readonly Actor Admin = new("admin-webhooks", ApiRole.Admin);
    private static readonly WebhookFailurePolicy Policy = new(DateTimeOffset.MinValue, MaxAttempts: 3, PauseAfterFailures: 4);
    private IWebhookStore Hooks => (IWebhookStore)store.Services.GetService(typeof(IWebhookStore))!;

    private static WebhookSubscriptionInput Input(IReadOnlyList<string>? events = null, IReadOnlyList<string>? fields = null, IReadOnlyList<TaskLevel>? levels = null) =>
        new("https://partner.example/hooks", "Cổng thông tin huyện", events ?? WebhookEventTypes.All, fields ?? [], levels ?? []);

    private async Task<StoredTask> PublishedAsync(TaskRecord? record = null) =>
        (await store.Tasks.CreateAsync((record ?? TestRecords.Valid()) with { Visibility = Visibility.Published }, Curator)).Task!;

    private async Task<List<string?>> EventsOfAsync(string taskId)
    {
        await using var db = store.NewContext();
        return await db.Outbox.Where(o => o.TaskId == taskId).OrderBy(o => o.Sequence).Select(o => o.Events).ToListAsync();
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync(string subscriptionId)
    {
        await using var db = store.NewContext();
        var id = await db.Set<WebhookSubscriber>().Where(s => s.PublicId == subscriptionId).Select(s => s.Id).SingleAsync();
        return await db.Set<WebhookDelivery>().Where(d => d.SubscriberId == id).OrderBy(d => d.Id).ToListAsync();
    }

    private async Task FanOutAllAsync()
    {
        while (await Hooks.FanOutAsync(100) > 0)
        {
        }
    }

    /// <summary>Removes the subscribers of earlier tests (their deliveries go with them), so a lease sees only this test's.</summary>
    private async Task SettleQueueAsync()
    {
        await FanOutAllAsync();
        await using var db = store.NewContext();
        await db.Set<WebhookSubscriber>().ExecuteDeleteAsync();
    }

    [StoreFact]
    public async Task Each_write_carries_the_public_events_it_means()
    {
        var draft = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        var edited = (await store.Tasks.UpdateAsync(draft.Id, draft.Record with { Summary = "Bản nháp sửa." }, null, Curator)).Task!;
        var published = (await store.Tasks.SetVisibilityAsync(draft.Id, Visibility.Published, null, null, Curator)).Task!;
        var updated = (await store.Tasks.UpdateAsync(draft.Id, published.Record with { Summary = "Đã sửa." }, null, Curator)).Task!;
        var coverage = new CoverageRecord { Url = "https://baophutho.vn/che", Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = new DateOnly(2026, 2, 1), Title = "Chè Phú Thọ" };
        var covered = (await store.Tasks.UpdateAsync(draft.Id, updated.Record with { Coverage = [coverage] }, null, Curator)).Task!;
        // Removing coverage is an update, not "coverage added".
        await store.Tasks.UpdateAsync(draft.Id, covered.Record with { Coverage = [] }, null, Curator);
        await store.Tasks.SetVisibilityAsync(draft.Id, Visibility.Withdrawn, "Trùng lặp", null, Curator);
        await store.Tasks.SetVisibilityAsync(draft.Id, Visibility.Published, null, null, Curator);

        Assert.Equal(
            [null, null, "task.published", "task.updated", "task.updated task.coverage_added", "task.updated", "task.withdrawn", "task.published"],
            await EventsOfAsync(draft.Id));
        Assert.NotNull(edited);
    }

    private static ImportCandidate Row(TaskRecord record) => new(2, record.Code, record, []);

    [StoreFact]
    public async Task An_import_batch_carries_the_same_events()
    {
        var record = TestRecords.Valid() with { Visibility = Visibility.Published };
        var first = await store.Tasks.UpsertBatchAsync([Row(record)], new ImportOptions(), Curator);
        Assert.True(first.Committed);
        var id = first.Rows.Single().Id!;
        await store.Tasks.UpsertBatchAsync([Row(record with { Summary = "Sửa khi nhập." })], new ImportOptions(), Curator);
        await store.Tasks.UpsertBatchAsync([Row(record with { Summary = "Sửa khi nhập.", Visibility = Visibility.Draft })], new ImportOptions(), Curator);

        Assert.Equal(["task.published", "task.updated", "task.withdrawn"], await EventsOfAsync(id));
    }

    [StoreFact]
    public async Task Fan_out_matches_events_and_filters_against_the_task_as_stored()
    {
        await FanOutAllAsync();
        var natural = await Hooks.CreateAsync(Input(fields: ["1"]), "whsec_dGVzdA==", Admin);
        var agriculture = await Hooks.CreateAsync(Input(fields: ["401"], levels: [TaskLevel.Provincial]), "whsec_dGVzdA==", Admin);
        var national = await Hooks.CreateAsync(Input(levels: [TaskLevel.National]), "whsec_dGVzdA==", Admin);
        var withdrawals = await Hooks.CreateAsync(Input(events: [WebhookEventTypes.Withdrawn]), "whsec_dGVzdA==", Admin);

        var tea = await PublishedAsync(); // provincial, fields 4 and 40101
        var math = await PublishedAsync(TestRecords.Valid() with { Fields = ["101"], Level = TaskLevel.National });
        await store.Tasks.SetVisibilityAsync(math.Id, Visibility.Withdrawn, "Trùng lặp", null, Curator);
        await FanOutAllAsync();

        Assert.Equal([(math.Id, "task.published"), (math.Id, "task.withdrawn")], (await DeliveriesAsync(natural.Id)).Select(d => (d.TaskId, d.EventType)));
        Assert.Equal([(tea.Id, "task.published")], (await DeliveriesAsync(agriculture.Id)).Select(d => (d.TaskId, d.EventType)));
        Assert.Equal([(math.Id, "task.published"), (math.Id, "task.withdrawn")], (await DeliveriesAsync(national.Id)).Select(d => (d.TaskId, d.EventType)));
        var withdrawn = Assert.Single(await DeliveriesAsync(withdrawals.Id));
        Assert.Equal(math.Id, withdrawn.TaskId);
        Assert.Equal(WebhookEventTypes.EventId(withdrawn.Sequence, "task.withdrawn"), withdrawn.EventId);
        Assert.StartsWith("evt_", withdrawn.EventId);
        Assert.EndsWith("_withdrawn", withdrawn.EventId);
    }

    [StoreFact]
    public async Task Fan_out_is_idempotent_and_a_subscriber_only_gets_events_after_its_creation()
    {
        var before = await PublishedAsync();
        await FanOutAllAsync();
        var hook = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        var after = await PublishedAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(FanOutAllAsync)));
        await FanOutAllAsync();

        var deliveries = await DeliveriesAsync(hook.Id);
        var only = Assert.Single(deliveries);
        Assert.Equal(after.Id, only.TaskId);
        Assert.NotEqual(before.Id, only.TaskId);
        await using var db = store.NewContext();
        Assert.Equal(await db.Outbox.MaxAsync(o => o.Sequence), await Hooks.FanOutPositionAsync());
    }

    [StoreFact]
    public async Task A_fan_out_that_fails_writes_no_delivery_and_leaves_the_cursor()
    {
        await FanOutAllAsync();
        var hook = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        var ok = await PublishedAsync();
        var blocked = await PublishedAsync();
        long sequence;
        await using (var db = store.NewContext())
        {
            sequence = await db.Outbox.Where(o => o.TaskId == blocked.Id).Select(o => o.Sequence).SingleAsync();
            var subscriberId = await db.Set<WebhookSubscriber>().Where(s => s.PublicId == hook.Id).Select(s => s.Id).SingleAsync();
            // The delivery the fan-out is about to write already exists: the unique index refuses the whole batch.
            db.Set<WebhookDelivery>().Add(new WebhookDelivery
            {
                SubscriberId = subscriberId, EventId = WebhookEventTypes.EventId(sequence, WebhookEventTypes.Published),
                EventType = WebhookEventTypes.Published, Sequence = sequence, TaskId = blocked.Id, Status = WebhookDeliveryStatus.Delivered,
            });
            await db.SaveChangesAsync();
        }
        var position = await Hooks.FanOutPositionAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Hooks.FanOutAsync(100));

        Assert.Equal(position, await Hooks.FanOutPositionAsync());
        Assert.DoesNotContain(await DeliveriesAsync(hook.Id), d => d.TaskId == ok.Id);
        await using (var db = store.NewContext())
        {
            await db.Set<WebhookDelivery>().Where(d => d.Sequence == sequence && d.Status == WebhookDeliveryStatus.Delivered).ExecuteDeleteAsync();
        }
        await FanOutAllAsync();
        Assert.Equal([ok.Id, blocked.Id], (await DeliveriesAsync(hook.Id)).Select(d => d.TaskId));
    }

    [StoreFact]
    public async Task Failures_retry_then_fail_and_enough_of_them_pause_the_subscriber()
    {
        await SettleQueueAsync();
        var hook = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        await PublishedAsync();
        await PublishedAsync();
        await FanOutAllAsync();
        var failure = new WebhookAttemptOutcome(false, 503, 12, "HTTP 503: bảo trì");

        for (var round = 0; round < 2; round++)
        {
            var leased = await Hooks.LeaseDueAsync("worker-a", 10, TimeSpan.FromMinutes(1));
            Assert.Equal(2, leased.Count);
            Assert.Empty(await Hooks.LeaseDueAsync("worker-b", 10, TimeSpan.FromMinutes(1)));
            foreach (var d in leased) Assert.True(await Hooks.RecordAttemptAsync("worker-a", d.Id, failure, Policy with { RetryAt = store.Clock.GetUtcNow() }));
        }

        var paused = (await Hooks.FindAsync(hook.Id))!;
        Assert.Equal(WebhookStatus.Paused, paused.Status);
        Assert.Equal(4, paused.ConsecutiveFailures);
        Assert.Contains("4", paused.PausedReason);
        Assert.Empty(await Hooks.LeaseDueAsync("worker-a", 10, TimeSpan.FromMinutes(1)));
        var ping = await Hooks.QueuePingAsync(hook.Id, Admin);
        Assert.Equal(ping!.Id, Assert.Single(await Hooks.LeaseDueAsync("worker-a", 10, TimeSpan.FromMinutes(1))).Id);
        Assert.True(await Hooks.RecordAttemptAsync("worker-a", ping.Id, failure, Policy with { RetryAt = store.Clock.GetUtcNow().AddHours(1) }));
        Assert.Equal(4, (await Hooks.FindAsync(hook.Id))!.ConsecutiveFailures);

        await Hooks.SetPausedAsync(hook.Id, false, null, Admin);
        var third = await Hooks.LeaseDueAsync("worker-a", 10, TimeSpan.FromMinutes(1));
        Assert.Equal(2, third.Count);
        Assert.True(await Hooks.RecordAttemptAsync("worker-a", third[0].Id, failure, Policy));
        Assert.True(await Hooks.RecordAttemptAsync("worker-a", third[1].Id, new WebhookAttemptOutcome(true, 204, 5, null), Policy));

        var deliveries = await DeliveriesAsync(hook.Id);
        Assert.Equal(WebhookDeliveryStatus.Failed, deliveries[0].Status);
        Assert.Equal(3, deliveries[0].Attempts);
        Assert.Equal(WebhookDeliveryStatus.Delivered, deliveries[1].Status);
        Assert.Equal(0, (await Hooks.FindAsync(hook.Id))!.ConsecutiveFailures);
        var detail = (await Hooks.FindDeliveryAsync(hook.Id, deliveries[0].Id))!.Value;
        Assert.Equal(3, detail.Attempts.Count);
        Assert.All(detail.Attempts, a => Assert.Equal((503, "HTTP 503: bảo trì"), (a.StatusCode!.Value, a.Error!)));
    }

    [StoreFact]
    public async Task Status_counts_pending_retrying_failed_deliveries_and_paused_subscribers()
    {
        await SettleQueueAsync();
        Assert.Equal(new WebhookQueueStatus(0, 0, 0, 0, null), await Hooks.StatusAsync());
        var hook = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        var quiet = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        await Hooks.SetPausedAsync(quiet.Id, true, "Đối tác bảo trì", Admin);
        await PublishedAsync();
        await PublishedAsync();
        var queuedAt = store.Clock.GetUtcNow();
        await FanOutAllAsync();
        store.Clock.Advance(TimeSpan.FromMinutes(3));

        var queued = await Hooks.StatusAsync();
        Assert.Equal((4, 0, 0, 1), (queued.Pending, queued.Retrying, queued.Failed, queued.PausedSubscribers));
        Assert.NotNull(queued.OldestPendingAt);
        Assert.True(queued.OldestPendingAt <= queuedAt.AddSeconds(1));

        var failure = new WebhookAttemptOutcome(false, 503, 12, "HTTP 503");
        var leased = await Hooks.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1));
        Assert.Equal(2, leased.Count);
        Assert.True(await Hooks.RecordAttemptAsync("w", leased[0].Id, failure, Policy with { RetryAt = store.Clock.GetUtcNow() }));
        Assert.True(await Hooks.RecordAttemptAsync("w", leased[1].Id, failure, Policy with { RetryAt = store.Clock.GetUtcNow(), MaxAttempts = 1 }));
        var failing = await Hooks.StatusAsync();
        Assert.Equal((3, 1, 1, 1), (failing.Pending, failing.Retrying, failing.Failed, failing.PausedSubscribers));

        // Only the active subscriber's deliveries age the queue: a paused one's wait on purpose.
        var retry = Assert.Single(await Hooks.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1)));
        Assert.True(await Hooks.RecordAttemptAsync("w", retry.Id, new WebhookAttemptOutcome(true, 204, 5, null), Policy));
        var drained = await Hooks.StatusAsync();
        Assert.Equal((2, 0, 1, 1), (drained.Pending, drained.Retrying, drained.Failed, drained.PausedSubscribers));
        Assert.Null(drained.OldestPendingAt);
        Assert.Equal(hook.Id, (await Hooks.FindAsync(hook.Id))!.Id);
    }

    [StoreFact]
    public async Task A_lease_held_elsewhere_is_not_recorded_and_an_expired_one_is_taken_over()
    {
        await SettleQueueAsync();
        var hook = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        await PublishedAsync();
        await FanOutAllAsync();
        var first = Assert.Single(await Hooks.LeaseDueAsync("dead-worker", 10, TimeSpan.FromSeconds(30)));
        store.Clock.Advance(TimeSpan.FromMinutes(1));
        var taken = Assert.Single(await Hooks.LeaseDueAsync("live-worker", 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(first.Id, taken.Id);
        Assert.False(await Hooks.RecordAttemptAsync("dead-worker", first.Id, new WebhookAttemptOutcome(true, 200, 1, null), Policy));
        Assert.True(await Hooks.RecordAttemptAsync("live-worker", taken.Id, new WebhookAttemptOutcome(true, 200, 1, null), Policy));
        Assert.Single((await Hooks.FindDeliveryAsync(hook.Id, taken.Id))!.Value.Attempts);
    }

    [StoreFact]
    public async Task Replay_requeues_with_the_same_event_ids_and_reaches_events_before_the_subscriber()
    {
        await SettleQueueAsync();
        var old = await PublishedAsync();
        await FanOutAllAsync();
        var hook = await Hooks.CreateAsync(Input(), "whsec_dGVzdA==", Admin);
        await PublishedAsync();
        await FanOutAllAsync();
        var delivery = Assert.Single(await Hooks.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1)));
        await Hooks.RecordAttemptAsync("w", delivery.Id, new WebhookAttemptOutcome(true, 200, 3, null), Policy);

        Assert.Equal(WebhookReplayResult.Queued, await Hooks.ReplayDeliveryAsync(hook.Id, delivery.Id, Admin));
        var again = Assert.Single(await Hooks.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal((delivery.Id, delivery.EventId, 0), (again.Id, again.EventId, again.Attempts));
        Assert.Equal(WebhookReplayResult.InFlight, await Hooks.ReplayDeliveryAsync(hook.Id, delivery.Id, Admin));
        await Hooks.RecordAttemptAsync("w", again.Id, new WebhookAttemptOutcome(true, 200, 3, null), Policy);

        long oldSequence;
        await using (var db = store.NewContext()) oldSequence = await db.Outbox.Where(o => o.TaskId == old.Id).Select(o => o.Sequence).SingleAsync();
        var replay = await Hooks.ReplaySinceAsync(hook.Id, oldSequence - 1, null, 100, Admin);
        Assert.True(replay!.Value.Queued >= 2);
        var deliveries = await DeliveriesAsync(hook.Id);
        Assert.Contains(deliveries, d => d.TaskId == old.Id && d.EventId == WebhookEventTypes.EventId(oldSequence, WebhookEventTypes.Published));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.EventId).Distinct().Count());
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryStatus.Pending, d.Status));
        var limited = await Hooks.ReplaySinceAsync(hook.Id, oldSequence - 1, null, 1, Admin);
        Assert.Equal((1, true), limited!.Value);
        Assert.Null(await Hooks.ReplaySinceAsync("w000000000000", 0, null, 10, Admin));
    }

    [StoreFact]
    public async Task Admin_changes_are_audited_without_the_secret()
    {
        const string secret = "whsec_c2VjcmV0LXRoYXQtbXVzdC1ub3QtbGVhaw==";
        var hook = await Hooks.CreateAsync(Input(), secret, Admin);
        await Hooks.UpdateAsync(hook.Id, Input(events: [WebhookEventTypes.Published]), Admin);
        await Hooks.RotateSecretAsync(hook.Id, "whsec_bmV3LXNlY3JldA==", store.Clock.GetUtcNow().AddHours(1), Admin);
        await Hooks.SetPausedAsync(hook.Id, true, "Đối tác bảo trì", Admin);
        Assert.True(await Hooks.DeleteAsync(hook.Id, Admin));
        Assert.Null(await Hooks.FindAsync(hook.Id));

        await using var db = store.NewContext();
        var audit = await db.AuditEntries.Where(a => a.EntityId == hook.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Update, AuditAction.Update, AuditAction.Delete], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin-webhooks", a.Actor));
        Assert.All(audit, a => Assert.DoesNotContain("c2VjcmV0", a.ChangesJson));
        Assert.All(audit, a => Assert.DoesNotContain("bmV3LXNlY3JldA", a.ChangesJson));
        Assert.Contains("rotated", audit[2].ChangesJson);
        Assert.Contains("Đối tác bảo trì", audit[3].ChangesJson);
    }

    [StoreFact]
    public async Task Signing_secrets_include_the_previous_one_until_its_grace_ends()
    {
        await SettleQueueAsync();
        var hook = await Hooks.CreateAsync(Input(), "whsec_b2xk", Admin);
        await Hooks.RotateSecretAsync(hook.Id, "whsec_bmV3", store.Clock.GetUtcNow().AddMinutes(10), Admin);
        var ping = await Hooks.QueuePingAsync(hook.Id, Admin);
        var leased = Assert.Single(await Hooks.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(["whsec_bmV3", "whsec_b2xk"], leased.Secrets);
        await Hooks.RecordAttemptAsync("w", ping!.Id, new WebhookAttemptOutcome(true, 200, 1, null), Policy);
        store.Clock.Advance(TimeSpan.FromMinutes(11));
        await Hooks.QueuePingAsync(hook.Id, Admin);
        Assert.Equal(["whsec_bmV3"], Assert.Single(await Hooks.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1))).Secrets);
    }
}

public sealed class SqliteWebhookStoreTests(SqliteHarness store) : WebhookStoreContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerWebhookStoreTests(SqlServerHarness store) : WebhookStoreContract(store), IClassFixture<SqlServerHarness>;
