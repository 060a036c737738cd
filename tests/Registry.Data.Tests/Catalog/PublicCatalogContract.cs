using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Catalog;

/// <summary>
/// What every public surface reads through <see cref="IPublicCatalog"/>: published tasks are found without contacts,
/// withdrawn ones leave a tombstone, drafts do not exist for the public, curators see everything, and the lists skip
/// drafts and withdrawn tasks. The store is shared by the class, so lists are checked for the tasks each test made.
/// </summary>
public abstract class PublicCatalogContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    private IPublicCatalog Catalog => store.PublicCatalog;

    [StoreFact]
    public async Task A_published_task_is_found_by_id_and_by_code_without_contacts()
    {
        var (id, code) = await SeedAsync(Visibility.Published);

        foreach (var lookup in new[] { await Catalog.FindByIdAsync(id), await Catalog.FindByCodeAsync(" " + code + " ") })
        {
            var found = Assert.IsType<PublicTaskLookup.Found>(lookup);
            Assert.Equal(id, found.Id);
            Assert.Equal(Visibility.Published, found.Record.Visibility);
            Assert.Equal("Nguyễn Văn An", found.Record.PrincipalInvestigator!.Name);
            Assert.Null(found.Record.PrincipalInvestigator.Email);
            Assert.Null(found.Record.PrincipalInvestigator.Phone);
            Assert.All(found.Record.Members!, m => Assert.Null(m.Email));
            Assert.Equal((await store.Tasks.FindByIdAsync(id))!.Version, found.Version);
        }
    }

    [StoreFact]
    public async Task A_draft_is_not_found_for_the_public_and_found_with_contacts_for_curators()
    {
        var (id, code) = await SeedAsync(Visibility.Draft);

        Assert.IsType<PublicTaskLookup.NotFound>(await Catalog.FindByIdAsync(id));
        Assert.IsType<PublicTaskLookup.NotFound>(await Catalog.FindByCodeAsync(code));
        var curator = Assert.IsType<PublicTaskLookup.Found>(await Catalog.FindByIdAsync(id, CatalogReader.Curator));
        Assert.Equal(Visibility.Draft, curator.Record.Visibility);
        Assert.Equal("an.nguyen@hvu.edu.vn", curator.Record.PrincipalInvestigator!.Email);
        Assert.IsType<PublicTaskLookup.Found>(await Catalog.FindByCodeAsync(code, CatalogReader.Curator));
    }

    [StoreFact]
    public async Task A_withdrawn_task_leaves_a_tombstone_for_the_public_and_stays_whole_for_curators()
    {
        var (id, code) = await SeedAsync(Visibility.Withdrawn);
        var withdrawnAt = (await store.Tasks.FindByIdAsync(id))!.Record.UpdatedAt;

        foreach (var lookup in new[] { await Catalog.FindByIdAsync(id), await Catalog.FindByCodeAsync(code) })
        {
            var gone = Assert.IsType<PublicTaskLookup.Gone>(lookup);
            Assert.Equal(new TaskTombstone(id, code, withdrawnAt, "Trùng lặp với nhiệm vụ khác"), gone.Tombstone);
        }
        var curator = Assert.IsType<PublicTaskLookup.Found>(await Catalog.FindByCodeAsync(code, CatalogReader.Curator));
        Assert.Equal(Visibility.Withdrawn, curator.Record.Visibility);
        Assert.Equal("an.nguyen@hvu.edu.vn", curator.Record.PrincipalInvestigator!.Email);
    }

    [StoreFact]
    public async Task An_unknown_id_or_code_is_not_found_for_anyone()
    {
        foreach (var reader in new[] { CatalogReader.Public, CatalogReader.Curator })
        {
            Assert.IsType<PublicTaskLookup.NotFound>(await Catalog.FindByIdAsync("t0000000000000", reader));
            Assert.IsType<PublicTaskLookup.NotFound>(await Catalog.FindByCodeAsync(TestRecords.NewCode(), reader));
        }
    }

    [StoreFact]
    public async Task The_published_lists_hold_published_tasks_only_without_contacts()
    {
        var (published, _) = await SeedAsync(Visibility.Published);
        var (draft, _) = await SeedAsync(Visibility.Draft);
        var (withdrawn, _) = await SeedAsync(Visibility.Withdrawn);
        var (unpublished, _) = await SeedAsync(Visibility.Published, backToDraft: true);
        string[] hidden = [draft, withdrawn, unpublished];

        var streamed = new List<TaskRecord>();
        await foreach (var record in Catalog.StreamPublishedAsync()) streamed.Add(record);
        var listed = await ListAllPublishedAsync();
        var entries = await Catalog.ListPublishedEntriesAsync();
        var fetched = await Catalog.GetPublishedAsync([withdrawn, published, draft, unpublished]);

        foreach (var ids in new[] { streamed.Select(r => r.Id!), listed.Select(r => r.Id!), entries.Select(e => e.Id), fetched.Select(r => r.Id!) })
        {
            var list = ids.ToList();
            Assert.Contains(published, list);
            Assert.DoesNotContain(list, hidden.Contains);
        }
        Assert.All(streamed.Concat(listed).Concat(fetched), r => Assert.Null(r.PrincipalInvestigator!.Email));
        Assert.Equal((await store.Tasks.FindByIdAsync(published))!.Record.UpdatedAt, entries.Single(e => e.Id == published).UpdatedAt);
        Assert.Equal(entries.Select(e => e.Id).Order(StringComparer.Ordinal), entries.Select(e => e.Id));
    }

    [StoreFact]
    public async Task Only_organizations_hosting_a_published_task_are_listed()
    {
        var hosting = "Viện Nghiên cứu Chè " + Guid.NewGuid().ToString("N")[..6];
        var draftOnly = "Công ty Đông Á " + Guid.NewGuid().ToString("N")[..6];
        var withdrawnOnly = "Bệnh viện Đa khoa " + Guid.NewGuid().ToString("N")[..6];
        var (published, _) = await SeedAsync(Visibility.Published, organization: hosting);
        var (draft, _) = await SeedAsync(Visibility.Draft, organization: draftOnly);
        var (withdrawn, _) = await SeedAsync(Visibility.Withdrawn, organization: withdrawnOnly);

        var listed = (await Catalog.ListOrganizationEntriesAsync()).Select(e => e.Id).ToList();

        Assert.Contains(await OrganizationOfAsync(published), listed);
        Assert.DoesNotContain(await OrganizationOfAsync(draft), listed);
        Assert.DoesNotContain(await OrganizationOfAsync(withdrawn), listed);
    }

    [StoreFact]
    public async Task Tasks_that_left_the_public_are_told_apart_from_drafts_never_published()
    {
        var (published, _) = await SeedAsync(Visibility.Published);
        var since = store.Clock.GetUtcNow();
        var (withdrawn, _) = await SeedAsync(Visibility.Withdrawn);
        var (unpublished, _) = await SeedAsync(Visibility.Published, backToDraft: true);
        var (draft, _) = await SeedAsync(Visibility.Draft);

        var withdrawnIds = await Catalog.ListWithdrawnIdsAsync();
        Assert.Contains(withdrawn, withdrawnIds);
        Assert.DoesNotContain(withdrawnIds, new[] { published, unpublished, draft }.Contains);
        Assert.True(await Catalog.AnyLeftPublicSinceAsync(since));

        await SeedAsync(Visibility.Draft);
        await SeedAsync(Visibility.Published);
        Assert.False(await Catalog.AnyLeftPublicSinceAsync(store.Clock.GetUtcNow() - TimeSpan.FromSeconds(30)));
    }

    [StoreFact]
    public async Task Harvesters_get_published_and_deleted_tasks_in_change_order_and_never_a_draft()
    {
        var from = store.Clock.GetUtcNow();
        var (published, _) = await SeedAsync(Visibility.Published);
        var (draft, _) = await SeedAsync(Visibility.Draft);
        var (withdrawn, _) = await SeedAsync(Visibility.Withdrawn);
        var (unpublished, _) = await SeedAsync(Visibility.Published, backToDraft: true);
        var query = new HarvestQuery(From: from);

        var all = await Catalog.HarvestAsync(query, null, 100);
        var paged = new List<HarvestItem>();
        HarvestPosition? after = null;
        HarvestPage page;
        do
        {
            page = await Catalog.HarvestAsync(query, after, 1);
            paged.AddRange(page.Items);
            if (page.Items.Count > 0) after = new HarvestPosition(page.Items[^1].UpdatedAt, page.Items[^1].Id);
        } while (page.HasMore);

        Assert.Equal([published, withdrawn, unpublished], all.Items.Select(i => i.Id));
        Assert.Equal([false, true, true], all.Items.Select(i => i.Deleted));
        Assert.Equal(3, all.CompleteListSize);
        Assert.Equal(all.Items.Select(i => i.Id), paged.Select(i => i.Id));
        Assert.Equal(["4", "40101"], all.Items[0].FieldCodes);
        Assert.Null(await Catalog.FindHarvestItemAsync(draft));
        Assert.True((await Catalog.FindHarvestItemAsync(withdrawn))!.Deleted);
        Assert.Empty((await Catalog.HarvestAsync(query with { FieldPrefix = "1" }, null, 100)).Items);
    }

    /// <summary>Creates a task; withdrawn ones are published first, and <paramref name="backToDraft"/> unpublishes one.</summary>
    private async Task<(string Id, string Code)> SeedAsync(Visibility visibility, bool backToDraft = false, string? organization = null)
    {
        var record = TestRecords.Valid(organization: organization) with
        {
            Visibility = visibility == Visibility.Withdrawn ? Visibility.Published : visibility,
        };
        var created = await store.Tasks.CreateAsync(record, Curator);
        Assert.Equal(WriteStatus.Created, created.Status);
        var id = created.Task!.Id;
        store.Clock.Advance(TimeSpan.FromMinutes(1));
        if (visibility == Visibility.Withdrawn || backToDraft)
        {
            var (next, reason) = backToDraft ? (Visibility.Draft, null) : (Visibility.Withdrawn, "Trùng lặp với nhiệm vụ khác");
            Assert.Equal(WriteStatus.Ok, (await store.Tasks.SetVisibilityAsync(id, next, reason, null, Curator)).Status);
            store.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return (id, record.Code!);
    }

    private async Task<List<TaskRecord>> ListAllPublishedAsync()
    {
        var all = new List<TaskRecord>();
        string? cursor = null;
        do
        {
            var page = await Catalog.ListPublishedAsync(cursor, 50);
            all.AddRange(page.Results);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return all;
    }

    private async Task<string> OrganizationOfAsync(string taskId) =>
        (await store.Tasks.FindByIdAsync(taskId))!.Record.HostOrganization!.Id!;
}
