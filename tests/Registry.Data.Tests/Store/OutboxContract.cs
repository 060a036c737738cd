using Registry.Data.Abstractions;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

/// <summary>Outbox leasing: safe with several instances, retried after failure, taken over after a crash.</summary>
public abstract class OutboxContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator", ApiRole.Curator);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private async Task DrainAsync()
    {
        while (await store.Outbox.LeaseAsync("drain", 100, Lease) is { Count: > 0 } items)
        {
            await store.Outbox.CompleteAsync("drain", items.Select(i => i.Sequence).ToList());
        }
    }

    private async Task<List<string>> CreateTasksAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!.Id);
        return ids;
    }

    [StoreFact]
    public async Task Two_owners_leasing_at_once_never_get_the_same_row()
    {
        await DrainAsync();
        var ids = await CreateTasksAsync(12);

        var a = Enumerable.Range(0, 4).Select(_ => store.Outbox.LeaseAsync("instance-a", 2, Lease));
        var b = Enumerable.Range(0, 4).Select(_ => store.Outbox.LeaseAsync("instance-b", 2, Lease));
        var leases = await Task.WhenAll(a.Concat(b));

        var sequences = leases.SelectMany(l => l).Select(i => i.Sequence).ToList();
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(ids.Count, sequences.Count);
        Assert.Equal(ids.Order(), leases.SelectMany(l => l).Select(i => i.TaskId).Order());
        Assert.Empty(await store.Outbox.LeaseAsync("instance-c", 10, Lease));
    }

    [StoreFact]
    public async Task A_curator_save_is_leased_ahead_of_an_older_import_backlog_and_the_backlog_stays_in_order()
    {
        await DrainAsync();
        var rows = Enumerable.Range(1, 30).Select(i => TestRecords.Valid()).Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        var imported = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), new Actor("import", ApiRole.Curator));
        Assert.True(imported.Committed);
        var backlog = imported.Rows.Select(r => r.Id!).ToHashSet();
        var saved = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!.Id;

        var leases = new List<IReadOnlyList<OutboxItem>>();
        while (await store.Outbox.LeaseAsync("indexer", 10, Lease) is { Count: > 0 } items)
        {
            leases.Add(items);
            await store.Outbox.CompleteAsync("indexer", items.Select(i => i.Sequence).ToList());
        }

        // The save, appended last, comes with the first lease; the import's rows follow oldest first.
        Assert.Contains(leases[0], i => i.TaskId == saved);
        var imports = leases.SelectMany((items, n) => items.Where(i => backlog.Contains(i.TaskId)).Select(i => (n, i.Sequence))).ToList();
        Assert.Equal(30, imports.Count);
        Assert.Equal(imports.OrderBy(x => x.Sequence).Select(x => x.n), imports.Select(x => x.n).Order());
        Assert.True(leases[0].Single(i => i.TaskId == saved).Sequence > imports.Max(x => x.Sequence));
        // The lease says which is which, so the indexer can make the save searchable before the rows beside it.
        Assert.True(leases[0].Single(i => i.TaskId == saved).Interactive);
        Assert.All(leases.SelectMany(l => l).Where(i => backlog.Contains(i.TaskId)), i => Assert.False(i.Interactive));
    }

    [StoreFact]
    public async Task The_saves_only_lease_takes_curator_saves_and_leaves_the_import_backlog_where_it_is()
    {
        await DrainAsync();
        var rows = Enumerable.Range(1, 20).Select(i => TestRecords.Valid()).Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        Assert.True((await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), new Actor("import", ApiRole.Curator))).Committed);
        Assert.Empty(await store.Outbox.LeaseInteractiveAsync("indexer", 10, Lease));
        var first = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!.Id;
        var second = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!.Id;

        var saves = await store.Outbox.LeaseInteractiveAsync("indexer", 10, Lease);

        Assert.Equal([first, second], saves.Select(i => i.TaskId));
        Assert.All(saves, i => Assert.True(i.Interactive));
        // Leased: another instance gets neither the saves again nor anything but the backlog.
        Assert.Empty(await store.Outbox.LeaseInteractiveAsync("other", 10, Lease));
        var rest = await store.Outbox.LeaseAsync("other", 100, Lease);
        Assert.Equal(20, rest.Count);
        Assert.All(rest, i => Assert.False(i.Interactive));
        await store.Outbox.CompleteAsync("indexer", saves.Select(i => i.Sequence).ToList());
        await store.Outbox.CompleteAsync("other", rest.Select(i => i.Sequence).ToList());
    }

    [StoreFact]
    public async Task Items_released_untried_are_due_at_once_without_an_attempt_counted()
    {
        await DrainAsync();
        await CreateTasksAsync(2);
        var leased = await store.Outbox.LeaseAsync("indexer", 10, Lease);

        await store.Outbox.ReleaseAsync("someone-else", leased.Select(i => i.Sequence).ToList());
        Assert.Empty(await store.Outbox.LeaseAsync("other", 10, Lease));
        await store.Outbox.ReleaseAsync("indexer", leased.Select(i => i.Sequence).ToList());

        var again = await store.Outbox.LeaseAsync("other", 10, Lease);
        Assert.Equal(leased.Select(i => i.Sequence), again.Select(i => i.Sequence));
        Assert.All(again, i => Assert.Equal(0, i.Attempts));
        await store.Outbox.CompleteAsync("other", again.Select(i => i.Sequence).ToList());
    }

    [StoreFact]
    public async Task Leases_of_a_dead_process_are_released_and_the_oldest_pending_item_is_reported()
    {
        await DrainAsync();
        await CreateTasksAsync(3);
        var leased = await store.Outbox.LeaseAsync("killed-process", 100, Lease);
        Assert.True(leased.Count >= 3);

        Assert.True(await store.Outbox.ReleaseAllLeasesAsync() >= leased.Count);

        var again = await store.Outbox.LeaseAsync("restarted", 100, Lease);
        Assert.Superset(leased.Select(i => i.Sequence).ToHashSet(), again.Select(i => i.Sequence).ToHashSet());
        Assert.True(await store.Outbox.OldestPendingAsync() <= leased.Min(i => i.CreatedAt));
    }

    [StoreFact]
    public async Task Complete_only_counts_for_the_owner_holding_the_lease()
    {
        await DrainAsync();
        await CreateTasksAsync(2);
        var leased = await store.Outbox.LeaseAsync("owner", 10, Lease);
        var sequences = leased.Select(i => i.Sequence).ToList();

        await store.Outbox.CompleteAsync("someone-else", sequences);
        Assert.Equal(2, await store.Outbox.PendingCountAsync());
        await store.Outbox.CompleteAsync("owner", sequences);

        Assert.Equal(0, await store.Outbox.PendingCountAsync());
        Assert.Equal(sequences.Max(), await store.Outbox.CurrentSequenceAsync());
    }

    [StoreFact]
    public async Task A_failed_item_comes_back_when_due_with_one_more_attempt()
    {
        await DrainAsync();
        await CreateTasksAsync(1);
        var item = Assert.Single(await store.Outbox.LeaseAsync("owner", 10, Lease));

        await store.Outbox.FailAsync("owner", [item.Sequence], "Elasticsearch: connection refused", store.Clock.GetUtcNow().AddMinutes(5));
        Assert.Empty(await store.Outbox.LeaseAsync("owner", 10, Lease));
        store.Clock.Advance(TimeSpan.FromMinutes(5));
        var retried = Assert.Single(await store.Outbox.LeaseAsync("owner", 10, Lease));

        Assert.Equal(item.Sequence, retried.Sequence);
        Assert.Equal(1, retried.Attempts);
        await store.Outbox.CompleteAsync("owner", [retried.Sequence]);
    }

    [StoreFact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_can_no_longer_complete_it()
    {
        await DrainAsync();
        await CreateTasksAsync(1);
        var item = Assert.Single(await store.Outbox.LeaseAsync("crashed", 10, Lease));
        Assert.Empty(await store.Outbox.LeaseAsync("survivor", 10, Lease));

        store.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = Assert.Single(await store.Outbox.LeaseAsync("survivor", 10, Lease));
        await store.Outbox.CompleteAsync("crashed", [item.Sequence]);

        Assert.Equal(item.Sequence, taken.Sequence);
        Assert.Equal(1, await store.Outbox.PendingCountAsync());
        await store.Outbox.CompleteAsync("survivor", [taken.Sequence]);
        Assert.Equal(0, await store.Outbox.PendingCountAsync());
    }
}
