using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Abstractions;
using Registry.Data.Alerts;
using Registry.Data.Catalog;
using Registry.Data.Mail;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Mail;

/// <summary>Alert subscriptions: double opt-in, the confirmation cap, the cursor that moves with its mail, the indexed horizon.</summary>
public abstract class AlertStoreContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator", ApiRole.Curator);
    private IAlertStore Alerts => store.Services.GetRequiredService<IAlertStore>();

    private static AlertSubscriptionDraft Draft(string email, string? hash = null) =>
        new(PublicIds.NewAlertSubscriptionId(), email, "q=ch%C3%A8", AlertFrequency.Immediate, "vi", hash ?? Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "salt");

    private static OutgoingMail Confirmation(string email) =>
        new() { To = email, Subject = "Xác nhận", TextBody = "x", Purpose = MailPurposes.AlertConfirmation };

    private static OutgoingMail Alert(string email) => new() { To = email, Subject = "Thông báo", TextBody = "x", Purpose = MailPurposes.Alert };

    private async Task<string> ActiveAsync(string email)
    {
        var draft = Draft(email);
        Assert.Equal(SubscribeOutcome.Queued, await Alerts.SubscribeAsync(draft, Confirmation(email), 3));
        Assert.Equal(ConfirmOutcome.Confirmed, await Alerts.ConfirmAsync(draft.ConfirmTokenHash, TimeSpan.FromDays(7)));
        return draft.PublicId;
    }

    private async Task<int> MailsToAsync(string email)
    {
        await using var db = store.NewContext();
        return await db.MailQueue.CountAsync(m => m.To == email);
    }

    private async Task DrainOutboxAsync()
    {
        while (await store.Outbox.LeaseAsync("drain", 100, TimeSpan.FromMinutes(1)) is { Count: > 0 } items)
            await store.Outbox.CompleteAsync("drain", items.Select(i => i.Sequence).ToList());
    }

    private async Task<string> PublishAsync()
    {
        var created = await store.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = Visibility.Published }, Curator);
        return created.Task!.Id!;
    }

    [StoreFact]
    public async Task Confirmation_mails_to_one_address_are_capped_per_day()
    {
        var email = $"cap-{Guid.NewGuid():N}@example.vn";
        for (var i = 0; i < 3; i++) Assert.Equal(SubscribeOutcome.Queued, await Alerts.SubscribeAsync(Draft(email), Confirmation(email), 3));
        Assert.Equal(SubscribeOutcome.TooManyConfirmations, await Alerts.SubscribeAsync(Draft(email), Confirmation(email), 3));
        Assert.Equal(3, await MailsToAsync(email));
        store.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(SubscribeOutcome.Queued, await Alerts.SubscribeAsync(Draft(email), Confirmation(email), 3));
    }

    [StoreFact]
    public async Task A_confirmation_token_works_within_its_window_and_unconfirmed_subscriptions_are_deleted()
    {
        var email = $"pending-{Guid.NewGuid():N}@example.vn";
        var late = Draft(email);
        await Alerts.SubscribeAsync(late, Confirmation(email), 3);
        store.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Null(await Alerts.FindByConfirmTokenAsync(late.ConfirmTokenHash, TimeSpan.FromDays(7)));
        Assert.Equal(ConfirmOutcome.NotFound, await Alerts.ConfirmAsync(late.ConfirmTokenHash, TimeSpan.FromDays(7)));
        Assert.True(await Alerts.DeletePendingBeforeAsync(store.Clock.GetUtcNow().AddDays(-7)) >= 1);
        Assert.Null(await Alerts.GetAsync(late.PublicId));

        var fresh = Draft(email);
        await Alerts.SubscribeAsync(fresh, Confirmation(email), 3);
        Assert.Equal(AlertStatus.PendingConfirmation, (await Alerts.FindByConfirmTokenAsync(fresh.ConfirmTokenHash, TimeSpan.FromDays(7)))!.Status);
        Assert.Equal(ConfirmOutcome.Confirmed, await Alerts.ConfirmAsync(fresh.ConfirmTokenHash, TimeSpan.FromDays(7)));
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, await Alerts.ConfirmAsync(fresh.ConfirmTokenHash, TimeSpan.FromDays(7)));
        await Alerts.DeletePendingBeforeAsync(store.Clock.GetUtcNow().AddDays(1));
        Assert.Equal(AlertStatus.Active, (await Alerts.GetAsync(fresh.PublicId))!.Status);
    }

    [StoreFact]
    public async Task The_cursor_and_the_mail_commit_together_and_a_stale_cursor_writes_nothing()
    {
        var email = $"cursor-{Guid.NewGuid():N}@example.vn";
        var id = await ActiveAsync(email);
        var start = (await Alerts.GetAsync(id))!.LastSequence;

        Assert.True(await Alerts.AdvanceAsync(id, start, start + 5, Alert(email)));
        Assert.Equal(start + 5, (await Alerts.GetAsync(id))!.LastSequence);
        Assert.Equal(2, await MailsToAsync(email));

        // A second runner that read the old cursor neither moves it nor queues a second mail.
        Assert.False(await Alerts.AdvanceAsync(id, start, start + 9, Alert(email)));
        Assert.Equal(start + 5, (await Alerts.GetAsync(id))!.LastSequence);
        Assert.Equal(2, await MailsToAsync(email));

        // A mail that cannot be queued leaves the cursor where it was.
        await Assert.ThrowsAsync<ArgumentException>(() => Alerts.AdvanceAsync(id, start + 5, start + 7, Alert("not an address")));
        Assert.Equal(start + 5, (await Alerts.GetAsync(id))!.LastSequence);

        // Racing runners: exactly one wins.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Alerts.AdvanceAsync(id, start + 5, start + 6, Alert(email))));
        Assert.Single(results, r => r);
        Assert.Equal(3, await MailsToAsync(email));
    }

    [StoreFact]
    public async Task Unsubscribing_erases_the_address_and_stops_advancing()
    {
        var email = $"leave-{Guid.NewGuid():N}@example.vn";
        var id = await ActiveAsync(email);
        var at = (await Alerts.GetAsync(id))!.LastSequence;
        Assert.True(await Alerts.UnsubscribeAsync(id));
        Assert.False(await Alerts.UnsubscribeAsync(id));
        var left = (await Alerts.GetAsync(id))!;
        Assert.Equal(AlertStatus.Unsubscribed, left.Status);
        Assert.Equal("", left.Email);
        Assert.DoesNotContain(await Alerts.ActiveAsync(), s => s.PublicId == id);
        Assert.False(await Alerts.AdvanceAsync(id, at, at + 1, null));
    }

    [StoreFact]
    public async Task The_horizon_stops_before_changes_the_index_has_not_taken_and_a_new_subscriber_starts_after_the_log()
    {
        await DrainOutboxAsync();
        var before = await PublishAsync();
        var email = $"horizon-{Guid.NewGuid():N}@example.vn";
        var id = await ActiveAsync(email);
        var cursor = (await Alerts.GetAsync(id))!.LastSequence;
        Assert.DoesNotContain(await Alerts.ChangesAsync(cursor, long.MaxValue, 100), c => c.TaskId == before);

        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var indexed = await PublishAsync();
        await DrainOutboxAsync();
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var waiting = await PublishAsync();
        // Past SQL Server's settle window, so only the index decides here.
        store.Clock.Advance(TimeSpan.FromSeconds(10));

        var horizon = await Alerts.IndexedHorizonAsync();
        var changes = await Alerts.ChangesAsync(cursor, horizon, 100);
        Assert.Contains(changes, c => c.TaskId == indexed && c.Kind == PublicChangeKind.Created);
        Assert.DoesNotContain(changes, c => c.TaskId == waiting);

        await DrainOutboxAsync();
        var all = await Alerts.ChangesAsync(cursor, await Alerts.IndexedHorizonAsync(), 100);
        Assert.Contains(all, c => c.TaskId == waiting);
    }
}

public sealed class SqliteAlertStoreTests(SqliteHarness store) : AlertStoreContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerAlertStoreTests(SqlServerHarness store) : AlertStoreContract(store), IClassFixture<SqlServerHarness>;
