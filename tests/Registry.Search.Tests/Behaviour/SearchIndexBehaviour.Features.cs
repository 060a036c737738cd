using Registry.Data.Records;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Behaviour;

public abstract partial class SearchIndexBehaviour
{
    [Fact]
    public async Task Highlights_mark_matches_even_when_typed_without_diacritics()
    {
        var hit = (await Search("chuyen doi so", 1, highlight: true)).Hits[0];
        var title = Assert.Single(hit.Highlights["title"]);
        Assert.Contains("<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>", title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>", hit.Highlights["summary"][0]);
        Assert.Empty((await Search("chuyen doi so", 1)).Hits[0].Highlights);
    }

    [Fact]
    public async Task Suggestions_complete_a_folded_prefix_with_the_written_form()
    {
        var suggestions = await Seeded.SuggestAsync("chuyen d");
        Assert.InRange(suggestions.Count, 1, 10);
        Assert.Contains(suggestions, s => s.Text == "chuyển đổi số" && s.Source == "keyword" && s.Count == 4);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Text.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(suggestions.OrderByDescending(s => s.Count).Select(s => s.Count), suggestions.Select(s => s.Count));
        Assert.Contains(await Seeded.SuggestAsync("hung vuong"), s => s.Text == "Trường Đại học Hùng Vương" && s.Source == "organization");
        Assert.True((await Seeded.SuggestAsync("n", 50)).Count <= 10);
        Assert.Empty(await Seeded.SuggestAsync("   "));
        Assert.Empty(await Seeded.SuggestAsync("zzzzqqq"));
    }

    [Fact]
    public async Task Related_tasks_share_the_subject_and_never_include_the_task_itself()
    {
        var related = await Seeded.RelatedAsync(SeededCorpus.Id("LUAHAN", 1), 5);
        Assert.Equal(5, related.Count);
        Assert.DoesNotContain(related, h => h.Id == SeededCorpus.Id("LUAHAN", 1));
        Assert.Equal(SeededCorpus.Id("LUAHAN", 2), related[0].Id);
        Assert.Contains(related.Skip(1), h => SeededCorpus.KeyOf(h.Id) is "LUAHC" or "LUANEP");
        Assert.Empty(await Seeded.RelatedAsync("t-missing-1"));
    }

    [Fact]
    public async Task Changes_are_searchable_at_once_and_withdrawn_tasks_leave()
    {
        var index = await CreateEmptyAsync();
        var records = SeededCorpus.Records.Take(10).ToList();
        await index.UpsertAsync(records);
        Assert.Equal(10, await index.CountAsync());
        var changed = records[0] with { Title = "Nghiên cứu cây mắc ca trên đất đồi" };
        await index.UpsertAsync([changed]);
        Assert.Equal(changed.Id, (await index.SearchAsync(new SearchRequest { Query = "mac ca" })).Hits.Single().Id);
        Assert.Equal(10, await index.CountAsync());
        await index.RemoveAsync([changed.Id!]);
        Assert.Empty((await index.SearchAsync(new SearchRequest { Query = "mac ca" })).Hits);
        Assert.Equal(9, await index.CountAsync());
        await index.ResetAsync();
        Assert.Equal(0, await index.CountAsync());
    }

    [Fact]
    public async Task A_rebuild_shows_the_old_index_until_it_completes()
    {
        var index = await CreateEmptyAsync();
        await index.UpsertAsync(SeededCorpus.Records.Take(5).ToList());
        await using (var build = await index.BeginRebuildAsync())
        {
            await build.AddAsync(SeededCorpus.Records.Skip(5).Take(3).ToList());
            Assert.Equal(5, await index.CountAsync());
            await build.CompleteAsync();
        }
        Assert.Equal(3, await index.CountAsync());
        await using (var abandoned = await index.BeginRebuildAsync())
        {
            await abandoned.AddAsync(SeededCorpus.Records.Take(1).ToList());
        }
        Assert.Equal(3, await index.CountAsync());
        Assert.Equal(SeededCorpus.Records[5].Id, (await index.SearchAsync(new SearchRequest { Query = SeededCorpus.Records[5].Code })).Hits[0].Id);
    }

    [Fact]
    public async Task Hits_carry_the_public_record_and_snippets_are_html_encoded()
    {
        var index = await CreateEmptyAsync();
        var record = SeededCorpus.Records[0] with { Title = "Tôm & cá <b>nước ngọt</b>", Summary = "Nuôi tôm \"càng xanh\" & cá" };
        await index.UpsertAsync([record]);
        var hit = (await index.SearchAsync(new SearchRequest { Query = "tom", Highlight = true })).Hits.Single();
        Assert.Equal(record.Code, hit.Record.Code);
        Assert.Equal(record.HostOrganization, hit.Record.HostOrganization);
        Assert.Equal("<mark>Tôm</mark> &amp; cá &lt;b&gt;nước ngọt&lt;/b&gt;", hit.Highlights["title"][0]);
    }
    [Fact]
    public async Task The_plain_summary_is_searched_and_weighs_no_more_than_the_summary()
    {
        var index = await CreateEmptyAsync();
        TaskRecord Task(string id, string title, string summary, string plain) => new()
        {
            Id = id, Code = "PS-" + id, Title = title, Kind = TaskKind.ResearchProject, Level = TaskLevel.Provincial,
            Status = Registry.Data.Records.TaskStatus.InProgress, Fields = ["4"], Visibility = Visibility.Published,
            Summary = summary, PlainSummary = plain,
        };
        const string compost = "Ủ phân hữu cơ từ rơm rạ cho đồng ruộng.";
        const string plainWords = "Nông dân học cách làm phân bón tại nhà.";
        // The same two texts, swapped: only which field holds "rơm rạ" differs.
        await index.UpsertAsync([Task("ps-a", "Nhiệm vụ thứ nhất", compost, plainWords), Task("ps-b", "Nhiệm vụ thứ hai", plainWords, compost)]);

        var hits = (await index.SearchAsync(new SearchRequest { Query = "rom ra" })).Hits;
        Assert.Equal(["ps-a", "ps-b"], hits.Select(h => h.Id).Order());
        var inSummary = hits.Single(h => h.Id == "ps-a").Score;
        var inPlain = hits.Single(h => h.Id == "ps-b").Score;
        Assert.True(inPlain <= inSummary * 1.0001, $"plain summary {inPlain} outranks summary {inSummary}");
    }
}
