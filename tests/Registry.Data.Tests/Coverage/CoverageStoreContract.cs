using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Coverage;

/// <summary>Coverage through the store: kept in order, replaced on update, audited, validated on every write path.</summary>
public abstract class CoverageStoreContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-cov", ApiRole.Curator);

    // The harness clock starts on 1 March 2026 (08:00 UTC, 15:00 in Vietnam).
    private static CoverageRecord Item(int n, CoverageKind kind = CoverageKind.Press, int day = 10) => new()
    {
        Url = $"https://baophutho.vn/khoa-hoc/tin-{n}.html", Outlet = "  Ba\u0301o Phú Thọ ", Kind = kind, Date = new DateOnly(2026, 2, day),
        Title = $"Tin số {n}",
    };

    [StoreFact]
    public async Task Items_round_trip_in_the_order_given_with_texts_stored_clean()
    {
        CoverageRecord[] items = [Item(3, day: 20), Item(1, CoverageKind.Event, day: 1), Item(2, CoverageKind.SocialNetwork, day: 28)];
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = items }, Curator)).Task!;

        var found = (await store.Tasks.FindByIdAsync(created.Id))!.Record.Coverage!;
        Assert.Equal(["https://baophutho.vn/khoa-hoc/tin-3.html", "https://baophutho.vn/khoa-hoc/tin-1.html", "https://baophutho.vn/khoa-hoc/tin-2.html"],
            found.Select(c => c.Url));
        Assert.All(found, c => Assert.Equal("Báo Phú Thọ", c.Outlet));
        Assert.Equal([CoverageKind.Press, CoverageKind.Event, CoverageKind.SocialNetwork], found.Select(c => c.Kind!.Value));
        Assert.Equal(new DateOnly(2026, 2, 1), found[1].Date);
    }

    [StoreFact]
    public async Task An_update_replaces_the_items_and_the_audit_entry_records_the_change()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = [Item(1), Item(2)] }, Curator)).Task!;
        store.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await store.Tasks.UpdateAsync(created.Id, created.Record with { Coverage = [Item(2), Item(4, CoverageKind.Radio)] }, created.Version, Curator);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(created.Version + 1, result.Task!.Version);
        Assert.True(result.Task.Record.UpdatedAt > created.Record.UpdatedAt);
        Assert.Equal(["https://baophutho.vn/khoa-hoc/tin-2.html", "https://baophutho.vn/khoa-hoc/tin-4.html"], result.Task.Record.Coverage!.Select(c => c.Url));
        await using var db = store.NewContext();
        var rows = await db.Set<TaskCoverage>().Where(c => c.TaskId == db.Tasks.Single(t => t.PublicId == created.Id).Id).CountAsync();
        Assert.Equal(2, rows);
        var audit = await db.AuditEntries.Where(a => a.EntityId == created.Id).OrderBy(a => a.Id).ToListAsync();
        var changes = JsonNode.Parse(audit[^1].ChangesJson)!.AsObject();
        Assert.Equal(["coverage"], changes.Select(c => c.Key));
        Assert.Equal("radio", (string?)changes["coverage"]!["to"]![1]!["kind"]);
        Assert.Equal(2, await db.Outbox.CountAsync(o => o.TaskId == created.Id));
    }

    [StoreFact]
    public async Task An_update_or_import_row_without_coverage_keeps_the_items_and_an_empty_list_clears_them()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = [Item(1), Item(2)] }, Curator)).Task!;

        var retitled = await store.Tasks.UpdateAsync(created.Id, created.Record with { Title = "Tên mới", Coverage = null }, created.Version, Curator);
        Assert.Equal(WriteStatus.Ok, retitled.Status);
        Assert.Equal(2, retitled.Task!.Record.Coverage!.Count);

        var import = await store.Tasks.UpsertBatchAsync(
            [new ImportCandidate(2, created.Record.Code, retitled.Task.Record with { Title = "Tên mới hơn", Coverage = null }, [])], new ImportOptions(), Curator);
        Assert.Equal(RowOutcome.Updated, Assert.Single(import.Rows).Outcome);
        var found = (await store.Tasks.FindByIdAsync(created.Id))!;
        Assert.Equal("Tên mới hơn", found.Record.Title);
        Assert.Equal(["https://baophutho.vn/khoa-hoc/tin-1.html", "https://baophutho.vn/khoa-hoc/tin-2.html"], found.Record.Coverage!.Select(c => c.Url));
        await using (var db = store.NewContext())
        {
            var audit = await db.AuditEntries.Where(a => a.EntityId == created.Id).OrderBy(a => a.Id).ToListAsync();
            Assert.DoesNotContain("coverage", JsonNode.Parse(audit[^1].ChangesJson)!.AsObject().Select(c => c.Key));
        }

        var cleared = await store.Tasks.UpdateAsync(created.Id, found.Record with { Coverage = [] }, found.Version, Curator);
        Assert.Equal(WriteStatus.Ok, cleared.Status);
        Assert.Empty(cleared.Task!.Record.Coverage!);
    }

    [StoreFact]
    public async Task Re_sending_the_record_as_read_is_unchanged()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = [Item(1)] }, Curator)).Task!;
        var again = await store.Tasks.UpdateAsync(created.Id, created.Record, created.Version, Curator);
        Assert.Equal(WriteStatus.Unchanged, again.Status);
    }

    [StoreFact]
    public async Task Items_without_kind_or_date_are_refused_on_create_update_and_import_and_nothing_is_written()
    {
        var bad = new CoverageRecord { Url = "https://baophutho.vn/tin/x" };
        var before = await CountAsync();

        var create = await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = [bad] }, Curator);
        Assert.Equal(WriteStatus.Invalid, create.Status);
        Assert.Equal(["coverage[0].kind", "coverage[0].date"], create.Errors!.Select(e => e.Path));

        var created = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        var update = await store.Tasks.UpdateAsync(created.Id, created.Record with { Coverage = [Item(1), bad] }, created.Version, Curator);
        Assert.Equal(WriteStatus.Invalid, update.Status);

        var import = await store.Tasks.UpsertBatchAsync(
            [new ImportCandidate(2, created.Record.Code, created.Record with { Coverage = [null!, bad] }, [])], new ImportOptions(), Curator);
        var row = Assert.Single(import.Rows);
        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        Assert.Contains(row.Reasons, e => e.StartsWith("coverage[0]:", StringComparison.Ordinal));
        Assert.Contains(row.Reasons, e => e.StartsWith("coverage[1].date:", StringComparison.Ordinal));
        Assert.Equal(before + 1, await CountAsync());
        Assert.Empty((await store.Tasks.FindByIdAsync(created.Id))!.Record.Coverage!);
    }

    [StoreFact]
    public async Task A_date_after_today_in_Vietnam_by_the_store_clock_is_refused()
    {
        // The clock says 1 March 2026 08:00 UTC: 15:00 in Vietnam, so 2 March is tomorrow.
        var now = store.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var today = DateOnly.FromDateTime(now.DateTime);
        var ok = await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = [Item(1) with { Date = today }] }, Curator);
        Assert.Equal(WriteStatus.Created, ok.Status);
        var late = await store.Tasks.CreateAsync(TestRecords.Valid() with { Coverage = [Item(1) with { Date = today.AddDays(1) }] }, Curator);
        Assert.Equal(["coverage[0].date"], late.Errors!.Select(e => e.Path));
    }

    [StoreFact]
    public async Task An_import_batch_stores_coverage_of_new_and_updated_tasks()
    {
        var code = TestRecords.NewCode();
        var first = await store.Tasks.UpsertBatchAsync([new ImportCandidate(2, code, TestRecords.Valid(code) with { Coverage = [Item(1), Item(2)] }, [])],
            new ImportOptions(), Curator);
        Assert.Equal(RowOutcome.Created, Assert.Single(first.Rows).Outcome);
        var second = await store.Tasks.UpsertBatchAsync([new ImportCandidate(2, code, TestRecords.Valid(code) with { Coverage = [Item(5)] }, [])],
            new ImportOptions(), Curator);
        Assert.Equal(RowOutcome.Updated, Assert.Single(second.Rows).Outcome);

        var stored = (await store.Tasks.FindByCodeAsync(code))!.Record.Coverage!;
        Assert.Equal("https://baophutho.vn/khoa-hoc/tin-5.html", Assert.Single(stored).Url);
    }

    private async Task<int> CountAsync()
    {
        await using var db = store.NewContext();
        return await db.Tasks.CountAsync();
    }
}

public sealed class SqliteCoverageStoreTests(SqliteHarness store) : CoverageStoreContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerCoverageStoreTests(SqlServerHarness store) : CoverageStoreContract(store), IClassFixture<SqlServerHarness>;
