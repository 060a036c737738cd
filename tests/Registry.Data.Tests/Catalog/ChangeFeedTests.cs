using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Catalog;

public sealed class ChangeFeedTests : CatalogTestBase
{
    private async Task<List<(string, PublicChangeKind)>> AllAsync(string? since = null) =>
        (await Changes.ReadAsync(since, 1000)).Changes.Select(c => (c.Id, c.Change)).ToList();

    [Fact]
    public async Task Create_publish_update_withdraw_gives_created_updated_withdrawn_in_order()
    {
        var created = await Store.Tasks.CreateAsync(TestRecords.Valid(), Curator);
        var id = created.Task!.Id;
        var draftEdit = await Store.Tasks.UpdateAsync(id, created.Task.Record with { Title = "Bản nháp sửa lại" }, null, Curator);
        Store.Clock.Advance(TimeSpan.FromMinutes(1));
        var published = await Store.Tasks.SetVisibilityAsync(id, Visibility.Published, null, null, Curator);
        Store.Clock.Advance(TimeSpan.FromMinutes(1));
        var updated = await Store.Tasks.UpdateAsync(id, published.Task!.Record with { Title = "Tên mới" }, null, Curator);
        Store.Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.Tasks.SetVisibilityAsync(id, Visibility.Withdrawn, "Trùng lặp", null, Curator);

        var page = await Changes.ReadAsync(null, 100);

        Assert.Equal(WriteStatus.Ok, draftEdit.Status);
        Assert.Equal(WriteStatus.Ok, updated.Status);
        Assert.Equal([(id, PublicChangeKind.Created), (id, PublicChangeKind.Updated), (id, PublicChangeKind.Withdrawn)],
            page.Changes.Select(c => (c.Id, c.Change)));
        Assert.True(page.Changes.Select(c => c.Sequence).SequenceEqual(page.Changes.Select(c => c.Sequence).Order()));
        Assert.Equal(published.Task.Record.PublishedAt, page.Changes[0].At);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Drafts_and_unpublished_withdrawals_never_appear()
    {
        var draft = await Store.Tasks.CreateAsync(TestRecords.Valid(), Curator);
        await Store.Tasks.UpdateAsync(draft.Task!.Id, draft.Task.Record with { Title = "Sửa bản nháp" }, null, Curator);
        await Store.Tasks.SetVisibilityAsync(draft.Task.Id, Visibility.Withdrawn, "Không thực hiện", null, Curator);

        var page = await Changes.ReadAsync(null, 100);

        Assert.Empty(page.Changes);
        Assert.False(string.IsNullOrEmpty(page.NextCursor));
    }

    [Fact]
    public async Task Publishing_again_after_a_withdrawal_is_an_update_and_a_return_to_draft_leaves_the_catalogue()
    {
        var id = await SeedAsync(Visibility.Withdrawn);
        await Store.Tasks.SetVisibilityAsync(id, Visibility.Published, null, null, Curator);
        await Store.Tasks.SetVisibilityAsync(id, Visibility.Draft, null, null, Curator);

        Assert.Equal(
            [(id, PublicChangeKind.Created), (id, PublicChangeKind.Withdrawn), (id, PublicChangeKind.Updated), (id, PublicChangeKind.Withdrawn)],
            await AllAsync());
    }

    [Fact]
    public async Task Imports_record_created_for_new_published_rows_and_updated_for_changed_ones()
    {
        var record = TestRecords.Valid() with { Visibility = Visibility.Published };
        var draft = TestRecords.Valid();
        await Store.Tasks.UpsertBatchAsync([new ImportCandidate(2, null, record, []), new ImportCandidate(3, null, draft, [])], new ImportOptions(), Curator);
        var outcome = await Store.Tasks.UpsertBatchAsync([new ImportCandidate(2, null, record with { Title = "Tên đã sửa" }, [])], new ImportOptions(), Curator);
        var id = outcome.Rows[0].Id!;

        Assert.Equal([(id, PublicChangeKind.Created), (id, PublicChangeKind.Updated)], await AllAsync());
    }

    [Fact]
    public async Task The_cursor_pages_forward_and_an_empty_page_still_gives_a_cursor_to_poll_with()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await SeedAsync(Visibility.Published));

        var first = await Changes.ReadAsync(null, 2);
        var second = await Changes.ReadAsync(first.NextCursor, 2);
        var third = await Changes.ReadAsync(second.NextCursor, 2);
        var idle = await Changes.ReadAsync(third.NextCursor, 2);
        var later = await SeedAsync(Visibility.Published);
        var polled = await Changes.ReadAsync(idle.NextCursor, 2);

        Assert.Equal(ids, first.Changes.Concat(second.Changes).Concat(third.Changes).Select(c => c.Id));
        Assert.True(first.HasMore);
        Assert.False(third.HasMore);
        Assert.Empty(idle.Changes);
        Assert.Equal(third.NextCursor, idle.NextCursor);
        Assert.Equal(later, Assert.Single(polled.Changes).Id);
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_by_the_feed_is_refused()
    {
        await SeedAsync(Visibility.Published, At("Viện Nghiên cứu Chè"));
        await SeedAsync(Visibility.Published, At("Trường Đại học Hùng Vương"));
        var organizationCursor = (await Organizations.SearchAsync(null, null, 1)).NextCursor!;

        await Assert.ThrowsAsync<InvalidCursorException>(() => Changes.ReadAsync(organizationCursor, 10));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Changes.ReadAsync("%%%", 10));
    }
}
