using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Store;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.SqlServer;

/// <summary>
/// The store methods themselves, run on the SQL Server provider against <see cref="OfflineSqlServer"/>: every
/// statement they send (queries, ExecuteUpdate, counts, Any, Max) must be valid T-SQL.
/// </summary>
public sealed class SqlServerStoreStatementTests
{
    private readonly OfflineSqlServer _server = new();
    private readonly TestClock _clock = new();

    [Fact]
    public async Task Outbox_statements_are_valid_TSql_and_the_lease_is_one_conditional_update()
    {
        var outbox = new OutboxStore(_server, _clock);

        Assert.Empty(await outbox.LeaseAsync("instance-a", 50, TimeSpan.FromMinutes(1)));
        await outbox.CompleteAsync("instance-a", [1, 2]);
        await outbox.FailAsync("instance-a", [3], "timeout", _clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(0, await outbox.PendingCountAsync());
        Assert.Equal(0, await outbox.CurrentSequenceAsync());

        AssertAllParse(6);
        var lease = _server.Commands.First();
        Assert.StartsWith("UPDATE [o]", lease.Split('\n').First(l => l.StartsWith("UPDATE", StringComparison.Ordinal)));
        Assert.Contains("SELECT TOP(", lease);
        Assert.Contains("[LeaseToken] = @", lease);
    }

    [Fact]
    public async Task Task_store_reads_and_dry_run_statements_are_valid_TSql()
    {
        var tasks = new TaskStore(_server, _clock);
        var actor = new Actor("curator", ApiRole.Curator);

        Assert.Null(await tasks.FindByIdAsync("t0123456789ab"));
        Assert.Null(await tasks.FindByCodeAsync("ĐT-2024-01"));
        Assert.Empty(await tasks.FindManyAsync(["t0123456789ab", "t0123456789ac"]));
        Assert.Empty((await tasks.ListPublishedAsync(null, 20)).Results);
        Assert.Equal(WriteStatus.NotFound, (await tasks.UpdateAsync("t0123456789ab", TestRecords.Valid(), 3, actor)).Status);
        Assert.Equal(WriteStatus.NotFound, (await tasks.SetVisibilityAsync("t0123456789ab", Visibility.Published, null, null, actor)).Status);
        var dryRun = await tasks.UpsertBatchAsync([new ImportCandidate(1, null, TestRecords.Valid(), [])], new ImportOptions(DryRun: true), actor);

        Assert.Equal(RowOutcome.Created, Assert.Single(dryRun.Rows).Outcome);
        AssertAllParse(9);
    }

    [Fact]
    public async Task Catalog_and_api_key_statements_are_valid_TSql()
    {
        var catalog = new TaskCatalog(_server);
        var keys = new ApiKeyStore(_server, _clock);

        await foreach (var _ in catalog.StreamPublishedAsync()) Assert.Fail("no rows expected");
        Assert.Equal(0, await catalog.CountPublishedAsync());
        Assert.Equal(0, await catalog.CountAllAsync());
        Assert.Empty(await catalog.GetPublishedAsync(["t0123456789ab"]));
        Assert.Null(await keys.AuthenticateAsync("rk_0123456789abcdefghijklmnopqrstuv"));
        Assert.False(await keys.RevokeAsync("curator"));
        Assert.Empty(await keys.ListAsync());

        AssertAllParse(7);
    }

    [Fact]
    public async Task Worker_lease_form_token_and_owned_release_statements_are_valid_TSql()
    {
        var leases = new Registry.Data.Leases.WorkerLeaseStore(_server, _clock);
        var forms = new Registry.Data.Forms.FormTokenStore(_server, _clock);
        var mail = new Registry.Data.Mail.MailQueueStore(_server, _clock);
        var hooks = new Registry.Data.Webhooks.WebhookStore(_server, _clock);
        var grant = new Registry.Data.Leases.WorkerLeaseGrant("alerts", "i01/h:1:ab:alerts", Guid.NewGuid(), _clock.GetUtcNow());

        // Offline, the conditional UPDATE "takes" no row and the existence check finds one: the lease is held elsewhere.
        await leases.TryAcquireAsync("alerts", "i01/h:1:ab:alerts", TimeSpan.FromMinutes(1));
        Assert.Null(await leases.RenewAsync(grant, TimeSpan.FromMinutes(1)));
        Assert.False(await leases.ReleaseAsync(grant));
        await leases.ReleaseAllOwnedAsync("i01/");
        Assert.Null(await leases.FindAsync("alerts"));
        await forms.ForgetNonceAsync("abc");
        await forms.SweepNoncesAsync(_clock.GetUtcNow());
        await mail.ReleaseLeasesOwnedAsync("i01/");
        await hooks.ReleaseLeasesOwnedAsync("i01/");

        AssertAllParse(9);
        var take = _server.Commands.First();
        Assert.StartsWith("UPDATE [w]", take.Split('\n').First(l => l.StartsWith("UPDATE", StringComparison.Ordinal)));
        Assert.Contains("[w].[Until] < @", take);
        Assert.Contains("[w].[Owner] = @", take);
        Assert.Contains(_server.Commands, c => c.Contains("LIKE", StringComparison.Ordinal) && c.Contains("DELETE", StringComparison.Ordinal));
    }

    private void AssertAllParse(int atLeast)
    {
        Assert.True(_server.Commands.Count >= atLeast, $"expected at least {atLeast} statements, got {_server.Commands.Count}");
        Assert.All(_server.Commands, sql => Assert.Empty(TSql.Errors(sql)));
    }
}
