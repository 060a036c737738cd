using Lucene.Net.Store;
using Registry.Data.Records;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Lucene;

/// <summary>
/// Browsing without words reads cached per-segment counts and each segment's documents in sort order, stopping
/// early (<see cref="SegmentBrowse"/>). What a user sees must not change: the same index searched with the
/// optimisation off (a full pass with a top-N collector and a facet counter over every document) gives the same
/// totals, facet counts, hits in the same order and the same cursors, for every sort and direction, several filter
/// sets and every page; and still after updates and deletions (new segment readers, new deleted documents).
/// </summary>
public sealed class SegmentBrowseTests : IDisposable
{
    private static readonly string[] AllFacets = SearchFacets.All.Select(f => f.Name).ToArray();

    private readonly LuceneSearchIndex _browsing;

    public SegmentBrowseTests()
    {
        _browsing = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromHours(1));
        // Several batches: several segments, so pages merge across them.
        foreach (var batch in SeededCorpus.Records.Chunk(45)) _browsing.UpsertAsync(batch).GetAwaiter().GetResult();
    }

    public void Dispose() => _browsing.Dispose();

    public static TheoryData<string> FilterSets() =>
    [
        "",
        "status=accepted,inProgress",
        "field=4",
        "yearFrom=2018&yearTo=2022",
        "field=1&yearFrom=2020&status=inProgress",
        "transferable=true",
        "budgetMin=1000000000",
        "yearFrom=2090",
    ];

    private static SearchFilterSet Parse(string filters) =>
        filters.Length == 0
            ? SearchFilterSet.Empty
            : SearchFilterSet.Of(filters.Split('&').Select(p => (p.Split('=')[0], p.Split('=')[1])).ToArray());

    [Theory]
    [MemberData(nameof(FilterSets))]
    public async Task Every_sort_and_page_of_a_browse_equals_the_full_pass(string filters)
    {
        await AssertSameAsync(Parse(filters));
    }

    [Fact]
    public async Task Updates_and_deletions_are_seen_at_once()
    {
        // Warm the caches on the current readers, then change sort values, statuses and delete some tasks.
        await AssertSameAsync(Parse("status=accepted"));
        var records = SeededCorpus.Records;
        var changed = records.Take(30).Select((r, i) => r with
        {
            Status = i % 2 == 0 ? Registry.Data.Records.TaskStatus.Accepted : Registry.Data.Records.TaskStatus.InProgress,
            Budget = new BudgetRecord { TotalVnd = (r.Budget?.TotalVnd ?? 0) + 7_000_000_000L + i },
            StartDate = new DateOnly(2031, 1, 1).AddDays(i % 5),
        }).ToList();
        await _browsing.UpsertAsync(changed);
        await _browsing.RemoveAsync(records.Skip(40).Take(25).Select(r => r.Id!).ToList());

        await AssertSameAsync(SearchFilterSet.Empty);
        await AssertSameAsync(Parse("status=accepted"));
        var newest = await _browsing.SearchAsync(new SearchRequest { Sort = new SearchSort(SortBy.Newest, SortDirection.Descending), PageSize = 5 });
        Assert.All(newest.Hits, h => Assert.Equal(2031, h.Record.StartDate!.Value.Year));
        Assert.Equal(records.Count - 25, (await _browsing.SearchAsync(new SearchRequest())).Total);
    }

    [Fact]
    public async Task A_cursor_from_the_full_pass_continues_in_the_browse_and_back()
    {
        var sort = new SearchSort(SortBy.Budget, SortDirection.Ascending);
        var first = await FullPassAsync(new SearchRequest { Sort = sort, PageSize = 9 });
        var second = await _browsing.SearchAsync(new SearchRequest { Sort = sort, PageSize = 9, Cursor = first.NextCursor });
        var expected = await FullPassAsync(new SearchRequest { Sort = sort, PageSize = 9, Cursor = first.NextCursor });
        Assert.Equal(expected.Hits.Select(h => h.Id), second.Hits.Select(h => h.Id));
        Assert.Equal(expected.NextCursor, second.NextCursor);
    }

    public static TheoryData<string, string> SidewaysCases() => new()
    {
        { "nông nghiệp", "yearFrom=2020" },
        { "chuyen doi so", "status=accepted,inProgress" },
        { "giống", "field=4&status=accepted" },
        { "giống", "field=4&yearFrom=2015&yearTo=2025&status=accepted,inProgress" },
        { "", "status=accepted&transferable=true" },
        { "y tế", "budgetMin=1000000000&status=accepted" },
    };

    /// <summary>Multi-select facets counted in the scored pass (<see cref="SidewaysPlan"/>) against one counting pass
    /// per group: same totals, hits and counts, by relevance and by a field.</summary>
    [Theory]
    [MemberData(nameof(SidewaysCases))]
    public async Task Multi_select_counts_in_the_scored_pass_equal_the_separate_passes(string query, string filters)
    {
        foreach (var sort in new[] { SearchSort.Default, new SearchSort(SortBy.Budget, SortDirection.Ascending) })
        {
            var request = new SearchRequest { Query = query, Filters = Parse(filters), Facets = AllFacets, Sort = sort, PageSize = 6 };
            SearchResult expected;
            _browsing.Sideways = false;
            _browsing.Browsing = false;
            try { expected = await _browsing.SearchAsync(request); }
            finally { (_browsing.Sideways, _browsing.Browsing) = (true, true); }
            var actual = await _browsing.SearchAsync(request);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(h => h.Id), actual.Hits.Select(h => h.Id));
            Assert.Equal(expected.NextCursor, actual.NextCursor);
            foreach (var facet in AllFacets)
                Assert.True(expected.Facets[facet].SequenceEqual(actual.Facets[facet]), $"{query} {filters} {sort}: facet {facet} differs");
            Assert.True(expected.Total > 0 || query == "", $"{query} {filters}: the case finds nothing, so it proves little");
        }
    }

    /// <summary>The same index and reader, the optimisation off.</summary>
    private async Task<SearchResult> FullPassAsync(SearchRequest request)
    {
        _browsing.Browsing = false;
        try { return await _browsing.SearchAsync(request); }
        finally { _browsing.Browsing = true; }
    }

    private async Task AssertSameAsync(SearchFilterSet filters)
    {
        foreach (var by in Enum.GetValues<SortBy>())
        foreach (var direction in new[] { SortDirection.Descending, SortDirection.Ascending })
        {
            var request = new SearchRequest { Filters = filters, Facets = AllFacets, Sort = new SearchSort(by, direction), PageSize = 7 };
            var pages = 0;
            while (true)
            {
                var expected = await FullPassAsync(request);
                var browsesBefore = LuceneSearchIndex.Browses;
                var actual = await _browsing.SearchAsync(request);
                Assert.True(LuceneSearchIndex.Browses > browsesBefore, "the search without words did not take the browse path");
                var what = $"{filters} {request.Sort} page {pages + 1}";
                Assert.True(expected.Total == actual.Total, $"{what}: total {actual.Total}, full pass {expected.Total}");
                Assert.True(expected.Hits.Select(h => h.Id).SequenceEqual(actual.Hits.Select(h => h.Id)),
                    $"{what}: [{string.Join(",", actual.Hits.Select(h => h.Id))}] against [{string.Join(",", expected.Hits.Select(h => h.Id))}]");
                Assert.Equal(expected.NextCursor, actual.NextCursor);
                foreach (var facet in AllFacets)
                    Assert.True(expected.Facets[facet].SequenceEqual(actual.Facets[facet]), $"{what}: facet {facet} differs");
                if (actual.NextCursor is null || ++pages > 40) break;
                request = request with { Cursor = actual.NextCursor };
            }
        }
    }
}
