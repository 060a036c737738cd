using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

/// <summary><see cref="ITaskStore.UpsertBatchAsync"/>: all-or-nothing, skip invalid, dry run, re-import.</summary>
public abstract class BatchContract(StoreHarness store)
{
    private static readonly Actor Importer = new("importer", ApiRole.Curator);

    private static ImportCandidate Row(int line, TaskRecord record) => new(line, record.Code, record, []);

    private static List<ImportCandidate> GoodRows(int count) =>
        Enumerable.Range(2, count).Select(line => Row(line, TestRecords.Valid())).ToList();

    [StoreFact]
    public async Task Without_skipInvalid_one_bad_row_rejects_the_whole_batch()
    {
        var rows = GoodRows(2);
        rows.Add(Row(4, TestRecords.Valid() with { Budget = new BudgetRecord { TotalVnd = 10, StateBudgetVnd = 20 } }));
        rows.Add(new ImportCandidate(5, "X-1", null, ["Cột \"Ngày bắt đầu\": không phải ngày (not a date)"]));

        var outcome = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), Importer);

        Assert.False(outcome.Committed);
        Assert.Equal([RowOutcome.Created, RowOutcome.Created, RowOutcome.Rejected, RowOutcome.Rejected], outcome.Rows.Select(r => r.Outcome));
        Assert.Equal([2, 3, 4, 5], outcome.Rows.Select(r => r.Line));
        Assert.All(outcome.Rows, r => Assert.Null(r.Id));
        Assert.Contains("budget.stateBudgetVnd", Assert.Single(outcome.Rows[2].Reasons));
        Assert.Contains("not a date", Assert.Single(outcome.Rows[3].Reasons));
        Assert.Equal(0, await CountStoredAsync(rows));
    }

    [StoreFact]
    public async Task With_skipInvalid_good_rows_are_written_and_bad_rows_reported()
    {
        var rows = GoodRows(3);
        rows.Insert(1, Row(9, TestRecords.Valid() with { Fields = [] }));

        var outcome = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(SkipInvalid: true), Importer);

        Assert.True(outcome.Committed);
        Assert.Equal(RowOutcome.Rejected, outcome.Rows[1].Outcome);
        Assert.Contains("fields", outcome.Rows[1].Reasons[0]);
        Assert.Equal(3, outcome.Rows.Count(r => r.Outcome == RowOutcome.Created && PublicIds.IsWellFormed(r.Id, 't')));
        Assert.Equal(3, await CountStoredAsync(rows));
        await using var db = store.NewContext();
        var ids = outcome.Rows.Where(r => r.Id is not null).Select(r => r.Id!).ToList();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => ids.Contains(a.EntityId) && a.Action == AuditAction.ImportCreate));
        Assert.Equal(3, await db.Outbox.CountAsync(o => ids.Contains(o.TaskId)));
    }

    [StoreFact]
    public async Task Dry_run_reports_outcomes_and_writes_nothing()
    {
        var existing = TestRecords.Valid();
        await store.Tasks.UpsertBatchAsync([Row(1, existing)], new ImportOptions(), Importer);
        var rows = new List<ImportCandidate> { Row(2, existing with { Title = "Tên đã sửa" }), Row(3, TestRecords.Valid()) };
        var before = await RowCountsAsync();

        var outcome = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(DryRun: true), Importer);

        Assert.False(outcome.Committed);
        Assert.Equal([RowOutcome.Updated, RowOutcome.Created], outcome.Rows.Select(r => r.Outcome));
        Assert.Equal(before, await RowCountsAsync());
        Assert.NotEqual("Tên đã sửa", (await store.Tasks.FindByCodeAsync(existing.Code!))!.Record.Title);
    }

    [StoreFact]
    public async Task Re_importing_the_same_batch_is_all_unchanged_and_writes_nothing()
    {
        var rows = GoodRows(4);
        var first = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), Importer);
        var before = await RowCountsAsync();
        store.Clock.Advance(TimeSpan.FromDays(1));

        var second = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), Importer);
        var changed = rows.Select((r, i) => i == 2 ? r with { Record = r.Record! with { Status = Records.TaskStatus.Accepted } } : r).ToList();
        var third = await store.Tasks.UpsertBatchAsync(changed, new ImportOptions(), Importer);

        Assert.All(second.Rows, r => Assert.Equal(RowOutcome.Unchanged, r.Outcome));
        Assert.Equal(first.Rows.Select(r => r.Id), second.Rows.Select(r => r.Id));
        Assert.Equal([RowOutcome.Unchanged, RowOutcome.Unchanged, RowOutcome.Updated, RowOutcome.Unchanged], third.Rows.Select(r => r.Outcome));
        var updated = (await store.Tasks.FindByIdAsync(third.Rows[2].Id!))!;
        Assert.Equal(2, updated.Version);
        Assert.Equal(store.Clock.GetUtcNow(), updated.Record.UpdatedAt);
        var after = await RowCountsAsync();
        Assert.Equal(before["Tasks"], after["Tasks"]);
        Assert.Equal(before["AuditEntries"] + 2, after["AuditEntries"]); // the update's diff and the import's own entry
    }

    [StoreFact]
    public async Task A_state_secret_row_is_answered_by_line_only_and_leaves_no_trace()
    {
        var secret = TestRecords.Secret(SecurityClassification.Secret);
        var rows = new List<ImportCandidate>
        {
            Row(2, TestRecords.Valid()),
            new(3, secret.Code, secret, []),
            new(4, "code-from-parser", null, [], StateSecret: true),
        };

        var outcome = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(SkipInvalid: true), Importer);

        Assert.True(outcome.Committed);
        foreach (var refused in outcome.Rows.Skip(1))
        {
            Assert.Equal(RowOutcome.Rejected, refused.Outcome);
            Assert.Null(refused.Code);
            Assert.Equal(["Bản ghi thuộc danh mục bí mật nhà nước: không được tiếp nhận (state secret: refused)"], refused.Reasons);
        }
        await using var db = store.NewContext();
        Assert.Empty(await DatabaseScan.FindAsync(db, secret.Title!));
        Assert.Empty(await DatabaseScan.FindAsync(db, secret.Code!));
        Assert.DoesNotContain(store.Logs.Lines, l => l.Contains(secret.Title!));
    }

    [StoreFact]
    public async Task Rows_sharing_a_code_in_one_batch_are_both_rejected()
    {
        var record = TestRecords.Valid();
        var rows = new List<ImportCandidate> { Row(2, record), Row(3, TestRecords.Valid()), Row(7, record with { Title = "Bản khác" }) };

        var outcome = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(SkipInvalid: true), Importer);

        Assert.Equal([RowOutcome.Rejected, RowOutcome.Created, RowOutcome.Rejected], outcome.Rows.Select(r => r.Outcome));
        Assert.Contains("dòng 2, 7", outcome.Rows[0].Reasons[0]);
        Assert.Null(await store.Tasks.FindByCodeAsync(record.Code!));
    }

    [StoreFact]
    public async Task Keep_timestamps_takes_them_from_the_records_and_visibility_is_honoured()
    {
        var created = new DateTimeOffset(2019, 5, 1, 3, 0, 0, TimeSpan.Zero);
        var record = TestRecords.Valid() with
        {
            Visibility = Visibility.Published,
            CreatedAt = created,
            UpdatedAt = created.AddDays(10),
            PublishedAt = created.AddDays(2),
        };

        var outcome = await store.Tasks.UpsertBatchAsync([Row(1, record)], new ImportOptions(KeepTimestamps: true), Actor.Seeder);

        var stored = (await store.Tasks.FindByIdAsync(outcome.Rows[0].Id!))!;
        Assert.Equal(Visibility.Published, stored.Visibility);
        Assert.Equal(created, stored.Record.CreatedAt);
        Assert.Equal(created.AddDays(10), stored.Record.UpdatedAt);
        Assert.Equal(created.AddDays(2), stored.Record.PublishedAt);
        Assert.Equal(["Trần Thị Bình", "Lê Văn Cường"], stored.Record.Members!.Select(m => m.Name));
        Assert.Equal("an.nguyen@hvu.edu.vn", stored.Record.PrincipalInvestigator!.Email);
        Assert.Equal(["4", "40101"], stored.Record.Fields);
        Assert.Equal(["chè", "công nghệ sinh học"], stored.Record.Keywords);
        Assert.Equal("Quy trình nhân giống chè", Assert.Single(stored.Record.Outputs!).Title);
        Assert.Equal(new DateOnly(2023, 12, 20), stored.Record.ApprovalDecision!.Date);
        Assert.Equal(1_500_000_000, stored.Record.Budget!.TotalVnd);
    }

    [StoreFact]
    public async Task A_new_organization_written_two_ways_in_one_batch_becomes_one_organization()
    {
        var name = "Viện Khoa học Nông Lâm nghiệp miền núi phía Bắc " + Guid.NewGuid().ToString("N")[..6];
        var rows = new List<ImportCandidate>
        {
            Row(2, TestRecords.Valid(organization: name)),
            Row(3, TestRecords.Valid(organization: " " + name.ToUpperInvariant().Replace(" ", "   ") + " ")),
        };

        var outcome = await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), Importer);

        var stored = await store.Tasks.FindManyAsync(outcome.Rows.Select(r => r.Id!).ToList());
        Assert.Equal(2, stored.Count);
        Assert.Single(stored.Select(s => s.Record.HostOrganization!.Id).Distinct());
        Assert.Equal(name, stored[0].Record.HostOrganization!.Name);
    }

    private async Task<int> CountStoredAsync(IEnumerable<ImportCandidate> rows)
    {
        var codes = rows.Where(r => r.Record is not null).Select(r => r.Record!.Code!).ToList();
        await using var db = store.NewContext();
        return await db.Tasks.CountAsync(t => codes.Contains(t.Code));
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var db = store.NewContext();
        return await DatabaseScan.RowCountsAsync(db);
    }
}
