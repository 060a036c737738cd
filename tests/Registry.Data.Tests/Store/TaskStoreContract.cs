using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

/// <summary>Single writes and reads of <see cref="ITaskStore"/>; run on SQLite always and on SQL Server when configured.</summary>
public abstract class TaskStoreContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    [StoreFact]
    public async Task Create_stores_a_draft_with_one_audit_entry_and_one_outbox_entry()
    {
        var record = TestRecords.Valid();
        var result = await store.Tasks.CreateAsync(record, Curator);

        Assert.Equal(WriteStatus.Created, result.Status);
        var stored = result.Task!;
        Assert.True(PublicIds.IsWellFormed(stored.Id, 't'), stored.Id);
        Assert.Equal(1, stored.Version);
        Assert.Equal(Visibility.Draft, stored.Visibility);
        Assert.Null(stored.Record.PublishedAt);
        Assert.Equal(store.Clock.GetUtcNow(), stored.Record.CreatedAt);

        var found = (await store.Tasks.FindByIdAsync(stored.Id))!.Record;
        Assert.Equal(record.Title, found.Title);
        Assert.Equal("an.nguyen@hvu.edu.vn", found.PrincipalInvestigator!.Email);
        Assert.Equal(["Trần Thị Bình", "Lê Văn Cường"], found.Members!.Select(m => m.Name));
        Assert.Equal(["4", "40101"], found.Fields);
        Assert.Equal(1_200_000_000, found.Budget!.StateBudgetVnd);
        var byCode = (await store.Tasks.FindByCodeAsync(" " + record.Code! + " "))!.Record;
        Assert.Equal(JsonSerializer.Serialize(found, RegistryJson.Options), JsonSerializer.Serialize(byCode, RegistryJson.Options));

        var (audit, outbox) = await BookkeepingAsync(stored.Id);
        Assert.Equal(AuditAction.Create, Assert.Single(audit).Action);
        Assert.Equal("curator-1", audit[0].Actor);
        Assert.Equal(OutboxKind.Remove, Assert.Single(outbox).Kind);
    }

    [StoreFact]
    public async Task Create_honours_a_requested_published_visibility()
    {
        var result = await store.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = Visibility.Published }, Curator);

        Assert.Equal(Visibility.Published, result.Task!.Visibility);
        Assert.Equal(store.Clock.GetUtcNow(), result.Task.Record.PublishedAt);
        var (audit, outbox) = await BookkeepingAsync(result.Task.Id);
        Assert.Equal(AuditAction.Publish, Assert.Single(audit).Action);
        Assert.Equal(OutboxKind.Upsert, Assert.Single(outbox).Kind);
    }

    [StoreFact]
    public async Task Update_changes_content_bumps_version_and_updatedAt_and_records_what_changed()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        store.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await store.Tasks.UpdateAsync(created.Id, created.Record with { Title = "Tên mới của nhiệm vụ" }, created.Version, Curator);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(2, result.Task!.Version);
        Assert.Equal("Tên mới của nhiệm vụ", result.Task.Record.Title);
        Assert.Equal(created.Record.CreatedAt, result.Task.Record.CreatedAt);
        Assert.True(result.Task.Record.UpdatedAt > created.Record.UpdatedAt);
        var (audit, outbox) = await BookkeepingAsync(created.Id);
        Assert.Equal(2, audit.Count);
        var changes = JsonNode.Parse(audit[1].ChangesJson)!.AsObject();
        Assert.Equal(["title"], changes.Select(c => c.Key));
        Assert.Equal(created.Record.Title, (string?)changes["title"]!["from"]);
        Assert.Equal("Tên mới của nhiệm vụ", (string?)changes["title"]!["to"]);
        Assert.Equal(2, outbox.Count);
    }

    [StoreFact]
    public async Task Update_with_a_stale_version_is_refused_and_writes_nothing()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        await store.Tasks.UpdateAsync(created.Id, created.Record with { Title = "Sửa lần một" }, created.Version, Curator);
        var before = await RowCountsAsync();

        var stale = await store.Tasks.UpdateAsync(created.Id, created.Record with { Title = "Sửa lần hai" }, created.Version, Curator);

        Assert.Equal(WriteStatus.VersionMismatch, stale.Status);
        Assert.Equal("Sửa lần một", (await store.Tasks.FindByIdAsync(created.Id))!.Record.Title);
        Assert.Equal(before, await RowCountsAsync());
    }

    [StoreFact]
    public async Task Sending_back_the_record_as_read_is_unchanged_even_with_the_organization_written_differently()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        var asRead = (await store.Tasks.FindByIdAsync(created.Id))!;
        var before = await RowCountsAsync();
        store.Clock.Advance(TimeSpan.FromMinutes(1));

        var same = await store.Tasks.UpdateAsync(created.Id, asRead.Record, asRead.Version, Curator);
        var respelled = asRead.Record with
        {
            HostOrganization = new OrganizationRef { Name = "  trường đại học   hùng vương " },
            Title = "  " + asRead.Record.Title + " ",
        };
        var sameAgain = await store.Tasks.UpdateAsync(created.Id, respelled, null, Curator);

        Assert.Equal(WriteStatus.Unchanged, same.Status);
        Assert.Equal(WriteStatus.Unchanged, sameAgain.Status);
        Assert.Equal(1, sameAgain.Task!.Version);
        Assert.Equal(created.Record.UpdatedAt, sameAgain.Task.Record.UpdatedAt);
        Assert.Equal(before, await RowCountsAsync());
    }

    [StoreFact]
    public async Task Publish_then_withdraw_then_republish_keeps_the_first_publication_time()
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        store.Clock.Advance(TimeSpan.FromHours(1));
        var published = await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Published, null, created.Version, Curator);
        var firstPublished = store.Clock.GetUtcNow();
        store.Clock.Advance(TimeSpan.FromHours(1));
        var withdrawn = await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Withdrawn, "Trùng lặp với nhiệm vụ khác", null, Curator);
        var again = await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Withdrawn, "Trùng lặp với nhiệm vụ khác", null, Curator);
        store.Clock.Advance(TimeSpan.FromHours(1));
        var republished = await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Published, null, null, Curator);

        Assert.Equal(firstPublished, published.Task!.Record.PublishedAt);
        Assert.Equal(Visibility.Withdrawn, withdrawn.Task!.Visibility);
        Assert.Equal("Trùng lặp với nhiệm vụ khác", withdrawn.Task.WithdrawalReason);
        Assert.Equal(WriteStatus.Unchanged, again.Status);
        Assert.Equal(firstPublished, republished.Task!.Record.PublishedAt);
        Assert.Null(republished.Task.WithdrawalReason);
        Assert.Equal(4, republished.Task.Version);
        var (audit, outbox) = await BookkeepingAsync(created.Id);
        Assert.Equal([AuditAction.Create, AuditAction.Publish, AuditAction.Withdraw, AuditAction.Publish], audit.Select(a => a.Action));
        Assert.Equal([OutboxKind.Remove, OutboxKind.Upsert, OutboxKind.Remove, OutboxKind.Upsert], outbox.Select(o => o.Kind));
    }

    [StoreFact]
    public async Task A_duplicate_code_is_refused_and_writes_nothing()
    {
        var record = TestRecords.Valid();
        await store.Tasks.CreateAsync(record, Curator);
        var other = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        var before = await RowCountsAsync();

        var duplicate = await store.Tasks.CreateAsync(TestRecords.Valid(record.Code), Curator);
        var recoded = await store.Tasks.UpdateAsync(other.Id, other.Record with { Code = " " + record.Code + " " }, null, Curator);

        Assert.Equal(WriteStatus.DuplicateCode, duplicate.Status);
        Assert.Equal(WriteStatus.DuplicateCode, recoded.Status);
        Assert.Contains("đã tồn tại", Assert.Single(duplicate.Errors!).Message);
        Assert.Equal(before, await RowCountsAsync());
    }

    [StoreFact]
    public async Task An_invalid_record_is_refused_with_field_errors_and_writes_nothing()
    {
        var before = await RowCountsAsync();
        var result = await store.Tasks.CreateAsync(TestRecords.Valid() with { Title = " ", Fields = ["999"] }, Curator);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["title", "fields[0]"], result.Errors!.Select(e => e.Path));
        Assert.Equal(before, await RowCountsAsync());
    }

    [StoreFact]
    public async Task A_state_secret_is_refused_and_leaves_no_trace_in_any_table_or_log()
    {
        var existing = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;
        var before = await RowCountsAsync();
        var secret = TestRecords.Secret(SecurityClassification.TopSecret);

        var created = await store.Tasks.CreateAsync(secret, Curator);
        var updated = await store.Tasks.UpdateAsync(existing.Id, secret with { Code = existing.Record.Code }, null, Curator);

        Assert.Equal(WriteStatus.StateSecret, created.Status);
        Assert.Equal(WriteStatus.StateSecret, updated.Status);
        Assert.Null(created.Task);
        Assert.Equal(before, await RowCountsAsync());
        await using var db = store.NewContext();
        Assert.Empty(await DatabaseScan.FindAsync(db, secret.Title!));
        Assert.Empty(await DatabaseScan.FindAsync(db, secret.Code!));
        Assert.DoesNotContain(store.Logs.Lines, l => l.Contains(secret.Title!) || l.Contains(secret.Code!));
        Assert.Equal(existing.Record.Title, (await store.Tasks.FindByIdAsync(existing.Id))!.Record.Title);
    }

    /// <summary>Creates and import batches racing to introduce one new organization: all succeed, one organization.</summary>
    [StoreFact]
    public async Task Concurrent_writes_introducing_one_new_organization_all_succeed()
    {
        var name = "Trung tâm Ứng dụng tiến bộ KH&CN " + Guid.NewGuid().ToString("N")[..8];
        using var start = new ManualResetEventSlim();
        var creates = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await store.Tasks.CreateAsync(TestRecords.Valid(organization: name), Curator)).Status;
        })).ToList();
        var batches = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var record = TestRecords.Valid(organization: name);
            return (await store.Tasks.UpsertBatchAsync([new ImportCandidate(1, record.Code, record, [])], new ImportOptions(), Curator)).Committed;
        })).ToList();
        start.Set();

        Assert.All(await Task.WhenAll(creates), s => Assert.Equal(WriteStatus.Created, s));
        Assert.All(await Task.WhenAll(batches), Assert.True);
        await using var db = store.NewContext();
        var org = await db.Organizations.SingleAsync(o => o.NormalizedName == OrganizationNames.Normalize(name));
        Assert.Equal(8, await db.Tasks.CountAsync(t => t.HostOrganizationId == org.Id));
    }

    [StoreFact]
    public async Task Organizations_are_deduplicated_by_normalised_name()
    {
        var name = "Trường Đại học Hùng Vương " + Guid.NewGuid().ToString("N")[..6];
        var first = (await store.Tasks.CreateAsync(TestRecords.Valid(organization: name), Curator)).Task!;
        var respelled = "  " + name.ToLowerInvariant().Replace(" ", "  ") + " ";
        var second = (await store.Tasks.CreateAsync(TestRecords.Valid() with
        {
            HostOrganization = new OrganizationRef { Name = respelled, Province = "Tỉnh Phú Thọ" },
        }, Curator)).Task!;

        var org1 = first.Record.HostOrganization!;
        var org2 = second.Record.HostOrganization!;
        Assert.True(PublicIds.IsWellFormed(org1.Id, 'o'), org1.Id);
        Assert.Equal(org1.Id, org2.Id);
        Assert.Equal(name, org2.Name);
        Assert.Equal("Tỉnh Phú Thọ", org2.Province);
        Assert.Equal(OrganizationType.University, org2.Type);
        await using var db = store.NewContext();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.NormalizedName == OrganizationNames.Normalize(name)));
    }

    [StoreFact]
    public async Task Published_listing_pages_newest_first_with_an_opaque_cursor()
    {
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            store.Clock.Advance(TimeSpan.FromMinutes(1));
            var created = await store.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = Visibility.Published }, Curator);
            mine.Add(created.Task!.Id);
        }
        await store.Tasks.CreateAsync(TestRecords.Valid(), Curator);

        var seen = new List<StoredTask>();
        string? cursor = null;
        long? total = null;
        do
        {
            var page = await store.Tasks.ListPublishedAsync(cursor, 2);
            Assert.InRange(page.Results.Count, 1, 2);
            seen.AddRange(page.Results);
            (cursor, total) = (page.NextCursor, page.TotalCount);
        } while (cursor is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(await store.Catalog.CountPublishedAsync(), seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.All(seen, s => Assert.Equal(Visibility.Published, s.Visibility));
        Assert.Equal(Enumerable.Reverse(mine), seen.Where(s => mine.Contains(s.Id)).Select(s => s.Id));
        Assert.Equal(seen.OrderByDescending(s => s.Record.PublishedAt).Select(s => s.Record.PublishedAt), seen.Select(s => s.Record.PublishedAt));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.Tasks.ListPublishedAsync("not-a-cursor", 2));
    }

    [StoreFact]
    public async Task Catalog_streams_and_returns_only_published_records_without_contacts()
    {
        var published = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = Visibility.Published }, Curator)).Task!;
        var draft = (await store.Tasks.CreateAsync(TestRecords.Valid(), Curator)).Task!;

        var streamed = new List<TaskRecord>();
        await foreach (var r in store.Catalog.StreamPublishedAsync()) streamed.Add(r);
        var fetched = await store.Catalog.GetPublishedAsync([published.Id, draft.Id, "t0000000000000"]);

        Assert.Contains(streamed, r => r.Id == published.Id);
        Assert.DoesNotContain(streamed, r => r.Id == draft.Id);
        Assert.Equal(await store.Catalog.CountPublishedAsync(), streamed.Count);
        Assert.True(await store.Catalog.CountAllAsync() > streamed.Count);
        var single = Assert.Single(fetched);
        Assert.Equal(published.Id, single.Id);
        Assert.Null(single.PrincipalInvestigator!.Email);
        Assert.Null(single.PrincipalInvestigator.Phone);
        Assert.All(single.Members!, m => Assert.Null(m.Email));
        Assert.Equal("Nguyễn Văn An", single.PrincipalInvestigator.Name);
    }

    [StoreFact]
    public async Task Catalog_reads_a_batch_larger_than_one_query_slice_as_the_single_reads_do()
    {
        var rows = Enumerable.Range(1, 1_050).Select(_ => TestRecords.WithIdentifiers() with { Visibility = Visibility.Published })
            .Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        Assert.True((await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), Curator)).Committed);
        var codes = rows.Select(r => r.Code!).ToList();
        var ids = new List<string>();
        foreach (var code in new[] { codes[0], codes[999], codes[1000], codes[^1] }) ids.Add((await store.Tasks.FindByCodeAsync(code))!.Record.Id!);
        var all = new List<string>();
        await foreach (var r in store.Catalog.StreamPublishedAsync()) all.Add(r.Id!);

        var fetched = await store.Catalog.GetPublishedAsync([.. all, .. ids, "t0000000000000"]);

        Assert.Equal(all.Count, fetched.Count);
        Assert.Equal(all, fetched.Select(r => r.Id));
        foreach (var id in ids)
        {
            var single = Assert.Single(await store.Catalog.GetPublishedAsync([id]));
            var batched = fetched.Single(r => r.Id == id);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(single, RegistryJson.Options), System.Text.Json.JsonSerializer.Serialize(batched, RegistryJson.Options));
            Assert.NotEmpty(batched.Fields!);
            Assert.NotNull(batched.PrincipalInvestigator);
            Assert.NotEmpty(batched.Outputs!);
        }
    }

    [StoreFact]
    public async Task Catalog_streams_every_published_task_once_in_order_across_pages_with_drafts_between()
    {
        // 1,203 tasks, every third a draft: pages of the primary-key walk (500) end on drafts and on published tasks.
        var rows = Enumerable.Range(1, 1_203)
            .Select(i => TestRecords.WithIdentifiers() with { Visibility = i % 3 == 0 ? Visibility.Draft : Visibility.Published })
            .Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        Assert.True((await store.Tasks.UpsertBatchAsync(rows, new ImportOptions(), Curator)).Committed);
        var published = new List<string>();
        foreach (var row in rows.Where(r => r.Record!.Visibility == Visibility.Published))
        {
            published.Add((await store.Tasks.FindByCodeAsync(row.Code!))!.Record.Id!);
        }

        var streamed = new List<TaskRecord>();
        await foreach (var r in store.Catalog.StreamPublishedAsync()) streamed.Add(r);
        var versions = new List<PublishedVersion>();
        await foreach (var v in store.Catalog.StreamPublishedVersionsAsync()) versions.Add(v);

        Assert.Equal(streamed.Count, streamed.Select(r => r.Id).Distinct().Count());
        // Other tests of the class share the database: this batch's tasks come all, once, in the order written.
        Assert.Equal(published, streamed.Select(r => r.Id!).Where(published.ToHashSet().Contains));
        Assert.All(streamed, r => Assert.Equal(Visibility.Published, r.Visibility));
        Assert.Equal(await store.Catalog.CountPublishedAsync(), streamed.Count);
        Assert.Equal(streamed.Select(r => r.Id), versions.Select(v => v.Id));
        Assert.All(streamed.Where(r => published.Contains(r.Id!)), r => Assert.NotEmpty(r.Fields!));
    }

    [StoreFact]
    public async Task Identifiers_are_stored_in_their_canonical_forms_and_resending_them_pasted_changes_nothing()
    {
        var pasted = TestRecords.WithIdentifiers(organization: "Viện Khoa học Nông Lâm nghiệp miền núi phía Bắc " + Guid.NewGuid().ToString("N")[..6]);
        var created = (await store.Tasks.CreateAsync(pasted, Curator)).Task!;

        var r = (await store.Tasks.FindByIdAsync(created.Id))!.Record;
        Assert.Equal(new FunderRecord { Name = "Quỹ Phát triển khoa học và công nghệ Quốc gia", Identifier = "https://doi.org/10.13039/100007224" }, r.Funder);
        Assert.Equal("https://ror.org/05dxps055", r.HostOrganization!.Ror);
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", r.PrincipalInvestigator!.Orcid);
        Assert.Equal(["https://orcid.org/0000-0002-1694-233X", null], r.Members!.Select(m => m.Orcid));
        Assert.Equal(
            [(null, null), (OutputIdentifierType.Doi, "10.31276/VJST.64(2).01"), (OutputIdentifierType.Isbn, "9783161484100"),
             (OutputIdentifierType.Patent, "2-0001234"), (null, "TCCS 12:2024")],
            r.Outputs!.Select(o => (o.IdentifierType, o.Identifier)));

        var again = await store.Tasks.UpdateAsync(created.Id, pasted, created.Version, Curator);
        Assert.Equal(WriteStatus.Unchanged, again.Status);
    }

    [StoreFact]
    public async Task A_bad_identifier_is_refused_with_its_path_and_nothing_is_stored()
    {
        var before = await RowCountsAsync();
        var record = TestRecords.WithIdentifiers();
        var result = await store.Tasks.CreateAsync(record with { HostOrganization = record.HostOrganization! with { Ror = "05dxps056" } }, Curator);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal("hostOrganization.ror", Assert.Single(result.Errors!).Path);
        Assert.Equal(before, await RowCountsAsync());
    }

    private async Task<(List<AuditEntry> Audit, List<OutboxEntry> Outbox)> BookkeepingAsync(string id)
    {
        await using var db = store.NewContext();
        var audit = await db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        var outbox = await db.Outbox.Where(o => o.TaskId == id).OrderBy(o => o.Sequence).ToListAsync();
        return (audit, outbox);
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var db = store.NewContext();
        return await DatabaseScan.RowCountsAsync(db);
    }
}
