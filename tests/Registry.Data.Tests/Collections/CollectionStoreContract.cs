using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Collections;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Collections;

/// <summary><see cref="ICollectionStore"/> on each provider: order kept, public view, validation, audit, atomicity.</summary>
public abstract class CollectionStoreContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-collections", ApiRole.Curator);
    private ICollectionStore Collections => store.Services.GetService(typeof(ICollectionStore)) as ICollectionStore
        ?? throw new InvalidOperationException("ICollectionStore is not registered");

    private async Task<StoredTask> TaskAsync(Visibility visibility = Visibility.Published)
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = visibility == Visibility.Withdrawn ? Visibility.Published : visibility }, Curator)).Task!;
        if (visibility != Visibility.Withdrawn) return created;
        return (await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Withdrawn, "Trùng lặp", null, Curator)).Task!;
    }

    private static CollectionInput Input(params string[] tasks) => new()
    {
        Title = "Ngày Khoa học và Công nghệ Việt Nam 18/5",
        TitleEn = "Vietnam Science and Technology Day",
        Description = "Các nhiệm vụ tiêu biểu",
        Date = new DateOnly(2027, 5, 18),
        Items = tasks.Select((t, i) => new CollectionItemInput { Task = t, Note = i == 0 ? "Mở đầu" : null }).ToList(),
    };

    [StoreFact]
    public async Task Create_keeps_the_order_given_resolves_codes_and_writes_one_audit_entry()
    {
        var a = await TaskAsync();
        var b = await TaskAsync();
        var c = await TaskAsync();

        var result = await Collections.CreateAsync(Input(c.Id, a.Record.Code!, b.Id), Curator);

        Assert.Equal(WriteStatus.Created, result.Status);
        var id = result.Collection!.Id;
        Assert.True(PublicIds.IsWellFormed(id, 'c'), id);
        var read = (await Collections.FindAsync(id))!;
        Assert.Equal([c.Id, a.Id, b.Id], read.Items.Select(i => i.Task.Id));
        Assert.Equal([1, 2, 3], read.Items.Select(i => i.Position));
        Assert.Equal("Mở đầu", read.Items[0].Note);
        Assert.Equal(1, read.Version);

        await using var db = store.NewContext();
        var audit = Assert.Single(await db.AuditEntries.Where(e => e.EntityId == id).ToListAsync());
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.Equal("curator-collections", audit.Actor);
        var items = JsonNode.Parse(audit.ChangesJson)!["items"]!["to"]!.AsArray();
        Assert.Equal([c.Id, a.Id, b.Id], items.Select(i => (string?)i!["task"]));
    }

    [StoreFact]
    public async Task The_public_sees_published_tasks_only_renumbered_and_curators_see_every_task_flagged()
    {
        var published = await TaskAsync();
        var draft = await TaskAsync(Visibility.Draft);
        var withdrawn = await TaskAsync(Visibility.Withdrawn);
        var id = (await Collections.CreateAsync(Input(draft.Id, published.Id, withdrawn.Id), Curator)).Collection!.Id;

        var pub = (await Collections.FindAsync(id, CatalogReader.Public))!;
        var entry = Assert.Single(pub.Items);
        Assert.Equal(published.Id, entry.Task.Id);
        Assert.Equal(1, entry.Position);
        Assert.Null(entry.Task.PrincipalInvestigator?.Email);
        Assert.Equal(1, pub.TaskCount);

        var curator = (await Collections.FindAsync(id, CatalogReader.Curator))!;
        Assert.Equal([draft.Id, published.Id, withdrawn.Id], curator.Items.Select(i => i.Task.Id));
        Assert.Equal([false, true, false], curator.Items.Select(i => i.Public));
        Assert.NotNull(curator.Items[1].Task.PrincipalInvestigator?.Email);

        var listed = (await Collections.ListAsync(null, 50)).Results.Single(s => s.Id == id);
        Assert.Equal(1, listed.TaskCount);
    }

    [StoreFact]
    public async Task A_task_named_twice_even_once_by_id_and_once_by_code_is_refused_and_nothing_is_written()
    {
        var a = await TaskAsync();
        var before = await CountsAsync();

        var result = await Collections.CreateAsync(Input(a.Id, a.Record.Code!), Curator);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors!);
        Assert.Equal("items[1].task", error.Path);
        Assert.Contains("mục 1", error.Message);
        Assert.Equal(before, await CountsAsync());
    }

    [StoreFact]
    public async Task Unknown_tasks_are_refused_naming_each_and_nothing_is_written()
    {
        var a = await TaskAsync();
        var before = await CountsAsync();

        var result = await Collections.CreateAsync(Input(a.Id, "ĐT-KHÔNG-CÓ", "t0000000000zz"), Curator);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["items[1].task", "items[2].task"], result.Errors!.Select(e => e.Path));
        Assert.Contains("ĐT-KHÔNG-CÓ", result.Errors![0].Message);
        Assert.Equal(before, await CountsAsync());
    }

    [StoreFact]
    public async Task Validation_names_title_date_lengths_and_the_item_limit()
    {
        var tooMany = Enumerable.Range(0, CollectionLimits.MaxItems + 1).Select(i => new CollectionItemInput { Task = "t" + i }).ToList();
        var result = await Collections.CreateAsync(new CollectionInput
        {
            Title = "\u0001\u0002 ",
            Description = new string('x', CollectionLimits.Description + 1),
            Items = tooMany,
        }, Curator);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["title", "description", "date", "items"], result.Errors!.Select(e => e.Path));
        Assert.All(result.Errors!, e => Assert.Matches(@"\(.+\)$", e.Message));
    }

    [StoreFact]
    public async Task Control_characters_are_cleaned_from_stored_text()
    {
        var a = await TaskAsync();
        var result = await Collections.CreateAsync(Input(a.Id) with { Title = "Ngày\u0000 KH&CN\u000b18/5\uFFFF" }, Curator);

        Assert.Equal("Ngày KH&CN\n18/5", result.Collection!.Title);
    }

    [StoreFact]
    public async Task Update_reorders_replaces_and_removes_items_with_If_Match_and_audits_the_change()
    {
        var a = await TaskAsync();
        var b = await TaskAsync();
        var c = await TaskAsync();
        var created = (await Collections.CreateAsync(Input(a.Id, b.Id, c.Id), Curator)).Collection!;
        store.Clock.Advance(TimeSpan.FromMinutes(1));

        var stale = await Collections.UpdateAsync(created.Id, Input(b.Id), created.Version + 1, Curator);
        Assert.Equal(WriteStatus.VersionMismatch, stale.Status);

        var swapped = await Collections.UpdateAsync(created.Id, Input(c.Id, a.Id), created.Version, Curator);
        Assert.Equal(WriteStatus.Ok, swapped.Status);
        Assert.Equal([c.Id, a.Id], swapped.Collection!.Items.Select(i => i.Task.Id));
        Assert.Equal(2, swapped.Collection.Version);
        Assert.True(swapped.Collection.UpdatedAt > created.UpdatedAt);

        var same = await Collections.UpdateAsync(created.Id, Input(c.Id, a.Id), null, Curator);
        Assert.Equal(WriteStatus.Unchanged, same.Status);
        Assert.Equal(2, same.Collection!.Version);

        await using var db = store.NewContext();
        var audit = await db.AuditEntries.Where(e => e.EntityId == created.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update], audit.Select(e => e.Action));
        Assert.Equal(["items"], JsonNode.Parse(audit[1].ChangesJson)!.AsObject().Select(p => p.Key));
    }

    [StoreFact]
    public async Task Delete_removes_the_collection_and_its_items_but_never_the_tasks_and_is_audited()
    {
        var a = await TaskAsync();
        var created = (await Collections.CreateAsync(Input(a.Id), Curator)).Collection!;

        Assert.Equal(WriteStatus.VersionMismatch, (await Collections.DeleteAsync(created.Id, 99, Curator)).Status);
        Assert.Equal(WriteStatus.Ok, (await Collections.DeleteAsync(created.Id, created.Version, Curator)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Collections.DeleteAsync(created.Id, null, Curator)).Status);

        Assert.Null(await Collections.FindAsync(created.Id, CatalogReader.Curator));
        Assert.NotNull(await store.Tasks.FindByIdAsync(a.Id));
        await using var db = store.NewContext();
        Assert.Equal(AuditAction.Delete, (await db.AuditEntries.Where(e => e.EntityId == created.Id).OrderBy(e => e.Id).ToListAsync())[^1].Action);
        Assert.False(await db.Set<CollectionItem>().AnyAsync(i => i.Task.PublicId == a.Id));
    }

    [StoreFact]
    public async Task The_list_is_latest_date_first_and_pages_by_cursor()
    {
        var a = await TaskAsync();
        var dates = new[] { new DateOnly(2095, 10, 1), new DateOnly(2095, 10, 10), new DateOnly(2095, 5, 18) };
        var ids = new List<string>();
        foreach (var date in dates) ids.Add((await Collections.CreateAsync(Input(a.Id) with { Date = date }, Curator)).Collection!.Id);

        var first = await Collections.ListAsync(null, 2);
        Assert.Equal([ids[1], ids[0]], first.Results.Select(r => r.Id));
        Assert.NotNull(first.NextCursor);
        var second = await Collections.ListAsync(first.NextCursor, 2);
        Assert.Equal(ids[2], second.Results[0].Id);
        await Assert.ThrowsAsync<InvalidCursorException>(() => Collections.ListAsync("not-a-cursor", 2));
    }

    [StoreFact]
    public async Task The_current_collection_is_the_in_season_one_nearest_today_with_a_published_task()
    {
        var published = await TaskAsync();
        var draft = await TaskAsync(Visibility.Draft);
        var innovation = (await Collections.CreateAsync(Input(published.Id) with { Date = new DateOnly(2040, 10, 1) }, Curator)).Collection!;
        var digital = (await Collections.CreateAsync(Input(published.Id) with { Date = new DateOnly(2040, 10, 10) }, Curator)).Collection!;
        await Collections.CreateAsync(Input(draft.Id) with { Date = new DateOnly(2040, 10, 5) }, Curator);

        Assert.Equal(innovation.Id, (await Collections.FindCurrentAsync(new DateOnly(2040, 10, 5)))!.Id);
        Assert.Equal(digital.Id, (await Collections.FindCurrentAsync(new DateOnly(2040, 10, 6)))!.Id);
        Assert.Equal(innovation.Id, (await Collections.FindCurrentAsync(new DateOnly(2040, 9, 18)))!.Id);
        Assert.Null(await Collections.FindCurrentAsync(new DateOnly(2040, 9, 16)));
        Assert.Null(await Collections.FindCurrentAsync(new DateOnly(2040, 11, 10)));
    }

    private async Task<(int Collections, int Items, int Audit)> CountsAsync()
    {
        await using var db = store.NewContext();
        return (await db.Set<Collection>().CountAsync(), await db.Set<CollectionItem>().CountAsync(), await db.AuditEntries.CountAsync());
    }
}

public sealed class SqliteCollectionStoreTests(SqliteHarness store) : CollectionStoreContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerCollectionStoreTests(SqlServerHarness store) : CollectionStoreContract(store), IClassFixture<SqlServerHarness>;

public sealed class DemoCollectionTests(SqliteHarness store) : IClassFixture<SqliteHarness>
{
    [Fact]
    public async Task Demo_collections_are_made_once_from_published_demo_tasks()
    {
        await Registry.Data.Demo.DemoSeeder.SeedIfEmptyAsync(store.Tasks, store.Catalog, 300);
        var collections = (ICollectionStore)store.Services.GetService(typeof(ICollectionStore))!;

        Assert.Equal(2, await Registry.Data.Demo.DemoCollections.SeedIfEmptyAsync(collections, store.Catalog));
        Assert.Equal(0, await Registry.Data.Demo.DemoCollections.SeedIfEmptyAsync(collections, store.Catalog));

        var page = await collections.ListAsync(null, 10);
        Assert.Equal(2, page.Count);
        foreach (var summary in page.Results)
        {
            var full = (await collections.FindAsync(summary.Id, CatalogReader.Curator))!;
            Assert.InRange(full.Items.Count, 1, 8);
            Assert.All(full.Items, i => Assert.True(i.Public));
        }
    }
}
