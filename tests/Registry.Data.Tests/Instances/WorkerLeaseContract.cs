using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Forms;
using Registry.Data.Leases;
using Registry.Data.Mail;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Instances;

/// <summary>
/// What several instances over one database rely on, on each provider: a named lease has one holder at a time and
/// passes on only when it ran out; a shared secret is created once; a form nonce is used once; an instance frees
/// only its own earlier leases.
/// </summary>
public abstract class WorkerLeaseContract(StoreHarness store)
{
    private static readonly TimeSpan For = TimeSpan.FromSeconds(60);
    private IWorkerLeaseStore Leases => store.Services.GetRequiredService<IWorkerLeaseStore>();
    private IFormTokenStore Forms => store.Services.GetRequiredService<IFormTokenStore>();

    private static string Name() => "job-" + Guid.NewGuid().ToString("N")[..12];

    [StoreFact]
    public async Task Of_instances_racing_for_a_new_lease_exactly_one_gets_it()
    {
        var name = Name();
        var grants = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Leases.TryAcquireAsync(name, $"instance-{i}/p", For))));

        var winner = Assert.Single(grants, g => g is not null)!;
        Assert.Equal(winner.Owner, (await Leases.FindAsync(name))!.Owner);
    }

    [StoreFact]
    public async Task A_held_lease_is_refused_to_others_until_it_runs_out_then_taken_over_and_the_old_holder_cannot_renew()
    {
        var name = Name();
        var a = await Leases.TryAcquireAsync(name, "a/1", For);
        Assert.NotNull(a);
        Assert.Null(await Leases.TryAcquireAsync(name, "b/1", For));

        store.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(await Leases.TryAcquireAsync(name, "b/1", For));
        store.Clock.Advance(TimeSpan.FromSeconds(2));
        var b = await Leases.TryAcquireAsync(name, "b/1", For);
        Assert.NotNull(b);

        // The old holder comes back from a stall: its renewal and its release fail, B keeps the job.
        Assert.Null(await Leases.RenewAsync(a!, For));
        Assert.False(await Leases.ReleaseAsync(a!));
        Assert.Equal("b/1", (await Leases.FindAsync(name))!.Owner);
    }

    [StoreFact]
    public async Task The_holder_renews_and_releases_and_a_released_lease_is_free_at_once()
    {
        var name = Name();
        var a = await Leases.TryAcquireAsync(name, "a/1", For);
        store.Clock.Advance(TimeSpan.FromSeconds(50));
        var renewed = await Leases.RenewAsync(a!, For);
        Assert.Equal(store.Clock.GetUtcNow() + For, renewed!.Until);
        store.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(await Leases.TryAcquireAsync(name, "b/1", For));

        Assert.True(await Leases.ReleaseAsync(renewed));
        Assert.Null(await Leases.FindAsync(name));
        Assert.NotNull(await Leases.TryAcquireAsync(name, "b/1", For));
    }

    [StoreFact]
    public async Task An_instance_frees_only_its_own_earlier_leases()
    {
        var mine = Name();
        var theirs = Name();
        await Leases.TryAcquireAsync(mine, "i0001/host:12:ab:alerts", For);
        await Leases.TryAcquireAsync(theirs, "i0002/host:13:cd:alerts", For);

        Assert.Equal(1, await Leases.ReleaseAllOwnedAsync("i0001/"));

        Assert.Null(await Leases.FindAsync(mine));
        Assert.Equal("i0002/host:13:cd:alerts", (await Leases.FindAsync(theirs))!.Owner);
    }

    [StoreFact]
    public async Task Leased_mail_is_given_back_only_for_the_owner_prefix()
    {
        var outbox = store.Services.GetRequiredService<IMailOutbox>();
        var queue = store.Services.GetRequiredService<IMailQueueStore>();
        while (await queue.LeaseAsync("drain", 100, For) is { Count: > 0 } old)
        {
            foreach (var m in old) await queue.CompleteAsync("drain", m.Id, "<d@test>");
        }
        for (var i = 0; i < 4; i++)
        {
            await outbox.EnqueueAsync(new OutgoingMail { To = $"r{i}@example.vn", Subject = "S", TextBody = "T", Purpose = MailPurposes.Inquiry });
        }
        Assert.Equal(2, (await queue.LeaseAsync("i0001/p1:mail", 2, TimeSpan.FromMinutes(10))).Count);
        Assert.Equal(2, (await queue.LeaseAsync("i0002/p1:mail", 2, TimeSpan.FromMinutes(10))).Count);

        Assert.Equal(2, await queue.ReleaseLeasesOwnedAsync("i0001/"));

        var again = await queue.LeaseAsync("i0003/p1:mail", 10, TimeSpan.FromMinutes(10));
        Assert.Equal(2, again.Count);
    }

    [StoreFact]
    public async Task Instances_starting_together_store_one_secret_and_all_read_that_one()
    {
        var name = "secret-" + Guid.NewGuid().ToString("N")[..8];
        var candidates = Enumerable.Range(0, 6).Select(i => Enumerable.Repeat((byte)(i + 1), 32).ToArray()).ToArray();

        var keys = await Task.WhenAll(candidates.Select(c => Task.Run(() => Forms.GetOrCreateSecretAsync(name, () => c))));

        Assert.Single(keys.Select(Convert.ToBase64String).Distinct());
        Assert.Contains(candidates, c => c.SequenceEqual(keys[0]));
        Assert.Equal(keys[0], await Forms.GetOrCreateSecretAsync(name, () => new byte[32]));
    }

    [StoreFact]
    public async Task A_nonce_is_used_once_even_when_two_instances_race_and_expired_ones_are_swept()
    {
        var nonce = Guid.NewGuid().ToString("N")[..16];
        var expires = store.Clock.GetUtcNow().AddHours(4);
        var used = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Forms.TryUseNonceAsync(nonce, expires))));
        Assert.Single(used, u => u);

        await Forms.ForgetNonceAsync(nonce);
        Assert.True(await Forms.TryUseNonceAsync(nonce, expires));
        Assert.False(await Forms.TryUseNonceAsync(new string('x', FormTokenLimits.Nonce + 1), expires));

        store.Clock.Advance(TimeSpan.FromHours(5));
        Assert.True(await Forms.SweepNoncesAsync(store.Clock.GetUtcNow()) >= 1);
        Assert.True(await Forms.TryUseNonceAsync(nonce, store.Clock.GetUtcNow().AddHours(4)));
    }
}

public sealed class SqliteWorkerLeaseTests(SqliteHarness store) : WorkerLeaseContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerWorkerLeaseTests(SqlServerHarness store) : WorkerLeaseContract(store), IClassFixture<SqlServerHarness>;
