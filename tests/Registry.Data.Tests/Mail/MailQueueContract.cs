using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Mail;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Mail;

/// <summary>The mail queue's leases, retries, give-up and retention, on each provider.</summary>
public abstract class MailQueueContract(StoreHarness store)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private IMailQueueStore Queue => store.Services.GetRequiredService<IMailQueueStore>();
    private IMailOutbox Outbox => store.Services.GetRequiredService<IMailOutbox>();

    private static OutgoingMail Mail(string to, string subject = "Chủ đề") =>
        new() { To = to, Subject = subject, TextBody = "Nội dung", Purpose = MailPurposes.Inquiry, ReplyTo = "reply@example.vn", RelatedId = "i" + Guid.NewGuid().ToString("N")[..12] };

    private async Task DrainAsync()
    {
        while (await Queue.LeaseAsync("drain", 100, Lease) is { Count: > 0 } items)
        {
            foreach (var item in items) await Queue.CompleteAsync("drain", item.Id, "<drained@test>");
        }
    }

    private async Task<MailEntry> RowAsync(long id)
    {
        await using var db = store.NewContext();
        return await db.MailQueue.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [StoreFact]
    public async Task Two_senders_leasing_at_once_never_get_the_same_mail()
    {
        await DrainAsync();
        for (var i = 0; i < 10; i++) await Outbox.EnqueueAsync(Mail($"r{i}@example.vn"));

        var leases = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Queue.LeaseAsync(i % 2 == 0 ? "a" : "b", 3, Lease)));

        var ids = leases.SelectMany(l => l).Select(m => m.Id).ToList();
        Assert.Equal(10, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(await Queue.LeaseAsync("c", 10, Lease));
    }

    [StoreFact]
    public async Task A_leased_mail_reads_back_whole_and_completes_only_for_its_holder()
    {
        await DrainAsync();
        var id = await Outbox.EnqueueAsync(Mail("whole@example.vn", "Tiêu đề có dấu"));
        var leased = Assert.Single(await Queue.LeaseAsync("holder", 10, Lease));
        Assert.Equal("whole@example.vn", leased.Mail.To);
        Assert.Equal("Tiêu đề có dấu", leased.Mail.Subject);
        Assert.Equal("reply@example.vn", leased.Mail.ReplyTo);
        Assert.Equal(MailPurposes.Inquiry, leased.Mail.Purpose);

        await Queue.CompleteAsync("someone-else", id, "<x@test>");
        Assert.Null((await RowAsync(id)).SentAt);
        await Queue.CompleteAsync("holder", id, "<sent@test>");
        var row = await RowAsync(id);
        Assert.NotNull(row.SentAt);
        Assert.Equal("<sent@test>", row.MessageId);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LeaseOwner);
    }

    [StoreFact]
    public async Task A_failed_mail_waits_for_its_retry_time_then_is_leased_again_and_can_be_given_up()
    {
        await DrainAsync();
        var id = await Outbox.EnqueueAsync(Mail("retry@example.vn"));
        Assert.Single(await Queue.LeaseAsync("s", 10, Lease));
        await Queue.FailAsync("s", id, "SMTP 451 try later", store.Clock.GetUtcNow().AddMinutes(2));

        Assert.Empty(await Queue.LeaseAsync("s", 10, Lease));
        store.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = Assert.Single(await Queue.LeaseAsync("s", 10, Lease));
        Assert.Equal(1, again.Attempts);

        await Queue.GiveUpAsync("s", id, "SMTP 550 no such user");
        var row = await RowAsync(id);
        Assert.NotNull(row.GaveUpAt);
        Assert.Equal(2, row.Attempts);
        Assert.Equal("SMTP 550 no such user", row.LastError);
        store.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Queue.LeaseAsync("s", 10, Lease));
        Assert.True((await Queue.StatusAsync()).GivenUp >= 1);
    }

    [StoreFact]
    public async Task A_lease_of_a_dead_sender_runs_out_and_another_takes_the_mail()
    {
        await DrainAsync();
        var id = await Outbox.EnqueueAsync(Mail("dead@example.vn"));
        Assert.Single(await Queue.LeaseAsync("dead", 10, TimeSpan.FromMinutes(1)));
        Assert.Empty(await Queue.LeaseAsync("alive", 10, Lease));
        store.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(id, Assert.Single(await Queue.LeaseAsync("alive", 10, Lease)).Id);
        // The dead sender's late completion changes nothing: the mail is the new holder's.
        await Queue.CompleteAsync("dead", id, "<late@test>");
        Assert.Null((await RowAsync(id)).SentAt);
    }

    [StoreFact]
    public async Task Sent_mail_is_erased_after_the_retention_keeping_the_log_row()
    {
        await DrainAsync();
        var id = await Outbox.EnqueueAsync(Mail("erase@example.vn"));
        var unsent = await Outbox.EnqueueAsync(Mail("waiting@example.vn"));
        var leased = await Queue.LeaseAsync("s", 10, Lease);
        await Queue.CompleteAsync("s", id, "<erase@test>");
        await Queue.FailAsync("s", unsent, "down", store.Clock.GetUtcNow().AddDays(100));

        Assert.Equal(0, await Queue.EraseBeforeAsync(store.Clock.GetUtcNow().AddDays(-1)));
        store.Clock.Advance(TimeSpan.FromDays(31));
        Assert.True(await Queue.EraseBeforeAsync(store.Clock.GetUtcNow().AddDays(-30)) >= 1);

        var row = await RowAsync(id);
        Assert.Equal("", row.To);
        Assert.Equal("", row.Subject);
        Assert.Equal("", row.TextBody);
        Assert.Null(row.ReplyTo);
        Assert.NotNull(row.ErasedAt);
        Assert.Equal("<erase@test>", row.MessageId);
        Assert.NotNull(row.SentAt);
        Assert.Equal("waiting@example.vn", (await RowAsync(unsent)).To);
        var status = await Queue.StatusAsync();
        Assert.True(status.Unsent >= 1);
        Assert.NotNull(status.OldestUnsentAt);
    }

    [StoreFact]
    public async Task Mail_queued_with_a_change_commits_with_it_or_not_at_all()
    {
        await using (var db = store.NewContext())
        {
            MailQueue.Add(db, Mail("rolled-back@example.vn"), store.Clock.GetUtcNow());
            // Not saved: the caller's change failed.
        }
        await using (var db = store.NewContext())
        {
            Assert.False(await db.MailQueue.AnyAsync(m => m.To == "rolled-back@example.vn"));
            Assert.Throws<ArgumentException>(() => MailQueue.Add(db, Mail("a@b.vn\r\nRCPT TO:<c@d.vn>"), store.Clock.GetUtcNow()));
        }
    }
}

public sealed class SqliteMailQueueTests(SqliteHarness store) : MailQueueContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerMailQueueTests(SqlServerHarness store) : MailQueueContract(store), IClassFixture<SqlServerHarness>;
