using Registry.Data.Records;

namespace Registry.Data.Tests.Catalog;

public sealed class OrganizationDirectoryTests : CatalogTestBase
{
    [Fact]
    public async Task Search_ignores_case_and_diacritics_and_never_shows_an_organization_with_only_drafts()
    {
        await SeedAsync(Visibility.Published, At("Trường Đại học Hùng Vương"));
        await SeedAsync(Visibility.Published, At("Viện Nghiên cứu Chè"));
        await SeedAsync(Visibility.Draft, At("Công ty Cổ phần Đông Á"));
        await SeedAsync(Visibility.Withdrawn, At("Bệnh viện Đa khoa tỉnh"));

        var hung = await Organizations.SearchAsync("HUNG vuong", null, 20);
        var all = await Organizations.SearchAsync(null, null, 20);

        Assert.Equal("Trường Đại học Hùng Vương", Assert.Single(hung.Results).Name);
        Assert.Equal(1, hung.Results[0].PublishedTaskCount);
        Assert.Equal(["Trường Đại học Hùng Vương", "Viện Nghiên cứu Chè"], all.Results.Select(o => o.Name));
        Assert.Equal(2, all.Count);
        Assert.Empty((await Organizations.SearchAsync("đông á", null, 20)).Results);
        Assert.Empty((await Organizations.SearchAsync("benh vien", null, 20)).Results);
    }

    [Fact]
    public async Task Search_pages_by_folded_name_with_a_cursor_and_no_duplicates()
    {
        string[] names = ["Viện Ứng dụng", "Ban Quản lý", "Đài Khí tượng", "Công ty Chè", "Sở Nông nghiệp"];
        foreach (var name in names) await SeedAsync(Visibility.Published, At(name));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Organizations.SearchAsync("", cursor, 2);
            Assert.Equal(5, page.Count);
            seen.AddRange(page.Results.Select(o => o.Name));
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        // Đ folds to d, so "Đài" sorts between "Công" and "Sở".
        Assert.Equal(["Ban Quản lý", "Công ty Chè", "Đài Khí tượng", "Sở Nông nghiệp", "Viện Ứng dụng"], seen);
    }

    [Fact]
    public async Task Detail_counts_published_tasks_and_sums_their_budgets_only()
    {
        const string org = "Trường Đại học Hùng Vương";
        await SeedAsync(Visibility.Published, Both(At(org), Budget(1_500_000_000, 1_200_000_000)));
        await SeedAsync(Visibility.Published, Both(At(org), Budget(800_000_000, 500_000_000)));
        await SeedAsync(Visibility.Published, Both(At(org), r => r with { Budget = null }));
        await SeedAsync(Visibility.Draft, Both(At(org), Budget(9_000_000_000, 9_000_000_000)));
        await SeedAsync(Visibility.Withdrawn, Both(At(org), Budget(7_000_000_000, 7_000_000_000)));
        var id = (await Organizations.SearchAsync("hung vuong", null, 5)).Results[0].Id;

        var detail = await Organizations.FindAsync(id);

        Assert.NotNull(detail);
        Assert.Equal(3, detail.PublishedTaskCount);
        Assert.Equal(2_300_000_000, detail.BudgetTotalVnd);
        Assert.Equal(1_700_000_000, detail.StateBudgetVnd);
        Assert.Equal(OrganizationType.University, detail.Type);
        Assert.Null(await Organizations.FindAsync("o0000000000zz"));
    }

    [Fact]
    public async Task An_organization_with_only_drafts_or_withdrawn_tasks_is_not_found()
    {
        var draftId = await SeedAsync(Visibility.Draft, At("Công ty Cổ phần Đông Á"));
        var withdrawnId = await SeedAsync(Visibility.Withdrawn, At("Bệnh viện Đa khoa tỉnh"));
        var draftOrg = (await Store.Tasks.FindByIdAsync(draftId))!.Record.HostOrganization!.Id!;
        var withdrawnOrg = (await Store.Tasks.FindByIdAsync(withdrawnId))!.Record.HostOrganization!.Id!;

        Assert.Null(await Organizations.FindAsync(draftOrg));
        Assert.Null(await Organizations.FindAsync(withdrawnOrg));
        Assert.Null(await Organizations.ListPublishedTasksAsync(withdrawnOrg, null, 10));
    }

    [Fact]
    public async Task Tasks_of_an_organization_are_published_only_newest_first_without_contacts_and_paged()
    {
        const string org = "Viện Nghiên cứu Chè";
        var first = await SeedAsync(Visibility.Published, At(org));
        var second = await SeedAsync(Visibility.Published, At(org));
        var third = await SeedAsync(Visibility.Published, At(org));
        var withdrawn = await SeedAsync(Visibility.Withdrawn, At(org));
        var draft = await SeedAsync(Visibility.Draft, At(org));
        var id = (await Organizations.SearchAsync("che", null, 5)).Results[0].Id;

        var page1 = (await Organizations.ListPublishedTasksAsync(id, null, 2))!;
        var page2 = (await Organizations.ListPublishedTasksAsync(id, page1.NextCursor, 2))!;

        Assert.Equal([third, second], page1.Results.Select(r => r.Id));
        Assert.Equal([first], page2.Results.Select(r => r.Id));
        Assert.Null(page2.NextCursor);
        Assert.Equal(3, page1.Count);
        var all = page1.Results.Concat(page2.Results).ToList();
        Assert.DoesNotContain(all, r => r.Id == withdrawn || r.Id == draft);
        Assert.All(all, r => Assert.Null(r.PrincipalInvestigator!.Email));
        Assert.All(all, r => Assert.All(r.Members!, m => Assert.Null(m.Email)));
    }

    [Fact]
    public async Task Several_organizations_at_once_are_what_search_lists_and_never_one_that_is_not_public()
    {
        await SeedAsync(Visibility.Published, At("Trường Đại học Hùng Vương"));
        await SeedAsync(Visibility.Published, At("Trường Đại học Hùng Vương"));
        await SeedAsync(Visibility.Draft, At("Trường Đại học Hùng Vương"));
        await SeedAsync(Visibility.Published, At("Viện Nghiên cứu Chè"));
        var onlyDrafts = (await Store.Tasks.FindByIdAsync(await SeedAsync(Visibility.Draft, At("Công ty Cổ phần Đông Á"))))!.Record.HostOrganization!.Id!;
        var listed = (await Organizations.SearchAsync(null, null, 10)).Results;

        var found = await Organizations.FindManyAsync([.. listed.Select(o => o.Id), onlyDrafts, "o0000000000zz"]);

        Assert.Equal(listed.OrderBy(o => o.Id), found.Values.OrderBy(o => o.Id));
        Assert.Equal(2, found[listed.Single(o => o.Name == "Trường Đại học Hùng Vương").Id].PublishedTaskCount);
        Assert.Empty(await Organizations.FindManyAsync([]));
    }

    [Fact]
    public async Task Pages_of_several_organizations_at_once_equal_their_pages_one_by_one()
    {
        string[] orgs = ["Viện Nghiên cứu Chè", "Trường Đại học Hùng Vương"];
        for (var i = 0; i < 5; i++) await SeedAsync(Visibility.Published, At(orgs[i % 2]));
        await SeedAsync(Visibility.Draft, At(orgs[0]));
        var onlyDrafts = (await Store.Tasks.FindByIdAsync(await SeedAsync(Visibility.Draft, At("Công ty Cổ phần Đông Á"))))!.Record.HostOrganization!.Id!;
        var ids = (await Organizations.SearchAsync(null, null, 10)).Results.Select(o => o.Id).ToList();

        var first = await Organizations.ListPublishedTasksAsync([.. ids, onlyDrafts, "o0000000000zz"], null, 2);
        foreach (var id in ids)
        {
            var one = (await Organizations.ListPublishedTasksAsync(id, null, 2))!;
            Assert.Equal(one.Results.Select(r => r.Id), first[id].Results.Select(r => r.Id));
            Assert.Equal(one.Count, first[id].Count);
            Assert.Equal(one.NextCursor, first[id].NextCursor);
            var next = await Organizations.ListPublishedTasksAsync([id], one.NextCursor, 2);
            Assert.Equal((await Organizations.ListPublishedTasksAsync(id, one.NextCursor, 2))!.Results.Select(r => r.Id), next[id].Results.Select(r => r.Id));
        }
        Assert.Equal(ids.Order(), first.Keys.Order());
        Assert.All(first.Values.SelectMany(p => p.Results), r => Assert.Null(r.PrincipalInvestigator!.Email));
    }

    [Fact]
    public async Task A_cursor_from_elsewhere_is_refused()
    {
        await SeedAsync(Visibility.Published);
        var changeCursor = (await Changes.ReadAsync(null, 10)).NextCursor;

        await Assert.ThrowsAsync<InvalidCursorException>(() => Organizations.SearchAsync(null, changeCursor, 10));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Organizations.SearchAsync(null, "not-a-cursor!", 10));
    }
}
