using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Data.Records;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// The production engine: the same query model and ranking as the Lucene engine, over an Elasticsearch alias
/// <c>{prefix}-tasks</c> that points at one versioned index. Writes use <c>refresh=wait_for</c>, so a task is
/// searchable when the call returns (the index refreshes every second). A rebuild loads a new index and swaps the
/// alias; writes made while it runs go to both indexes so the swap loses nothing.
/// </summary>
public sealed partial class ElasticsearchSearchIndex : ISearchIndex
{
    private readonly ElasticsearchClient _client;
    private readonly EsIndexLifecycle _lifecycle;
    private readonly EsBulkWriter _writer;
    private readonly EsTermStatisticsCache _statistics;
    private readonly bool _vietnameseWords;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _ensure = new(1, 1);
    private readonly System.Threading.Lock _gate = new();
    private volatile bool _ensured;
    private string? _building;

    public ElasticsearchSearchIndex(ElasticsearchClient client, ElasticsearchOptions options, TimeProvider? time = null,
        ILogger<ElasticsearchSearchIndex>? logger = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _client = client;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var names = new IndexNames(options.IndexPrefix, time ?? TimeProvider.System);
        _vietnameseWords = options.UsesVietnameseAnalyzer;
        _lifecycle = new EsIndexLifecycle(client, names, SynonymDictionary.Default, _vietnameseWords);
        _statistics = new EsTermStatisticsCache(client, names.Alias, time ?? TimeProvider.System);
        _writer = new EsBulkWriter(client, options.BulkBatchSize, options.MaxRetries, options.RetryDelay, delay ?? Task.Delay);
    }

    public string Alias => _lifecycle.Names.Alias;

    /// <summary>Makes sure the alias exists (creating the first index if needed); called at start and before use.</summary>
    public async Task EnsureIndexAsync(CancellationToken ct = default)
    {
        if (_ensured) return;
        await _ensure.WaitAsync(ct);
        try
        {
            if (_ensured) return;
            var live = await _lifecycle.EnsureAsync((old, layout) => _logger.LogWarning(
                "Chỉ mục {Old} theo bố cục {Layout}, cần {New}: thay bằng chỉ mục trống để dựng lại (index {Old} has text layout {Layout}, not {New}; replaced by an empty index for a rebuild)",
                old, layout, _lifecycle.Layout, old, layout, _lifecycle.Layout), ct);
            _logger.LogInformation("Elasticsearch alias {Alias} points at {Index}.", Alias, live);
            _ensured = true;
        }
        finally { _ensure.Release(); }
    }

    /// <summary>
    /// As the Lucene engine: the query is planned from the index's statistics (one counting request, see
    /// <see cref="EsTermStatisticsCache"/>, none for a query without words); when nothing holds enough of its concepts
    /// the relaxed plans are tried in turn and the answer says so; a query typed without marks gets the spelling the
    /// hits use (<see cref="MarkSuggestion"/>).
    /// </summary>
    public async Task<SearchResult> SearchAsync(Model.SearchRequest request, CancellationToken ct = default)
    {
        var parsed = QueryText.Parse(request.Query);
        var facets = EsSearchBuilder.Facets(request.Facets);
        // A bad cursor is the caller's mistake: refused before anything is asked of the cluster.
        if (request.Cursor is not null) EsSorting.Decode(request.Cursor, request.Sort, hasQuery: !parsed.IsEmpty);
        await EnsureIndexAsync(ct);
        ITermStatistics stats = parsed.Units.Count == 0 ? NoStatistics.Instance : await _statistics.ForAsync(parsed, ct);
        var plan = QueryPlan.Build(parsed, stats);
        var result = await SearchAsync(request, plan, stats, facets, ct);
        // A later page of a relaxed search finds the stricter plans empty again, so its cursor goes to the same plan.
        if (result.Total == 0)
            foreach (var loose in plan.Relaxations())
            {
                var relaxed = await SearchAsync(request, loose, stats, facets, ct);
                if (relaxed.Total == 0) continue;
                result = relaxed with { Relaxed = true };
                break;
            }
        return result with { Suggestion = MarkSuggestion.Suggest(request.Query, parsed, result.Hits.Select(h => h.Record)) };
    }

    private async Task<SearchResult> SearchAsync(Model.SearchRequest request, QueryPlan plan, ITermStatistics stats,
        IReadOnlyList<SearchFacet> facets, CancellationToken ct)
    {
        var response = await _client.SearchAsync<EsStoredRecord>(EsSearchBuilder.Build(Alias, request, plan, stats, _vietnameseWords), ct);
        EsIndexLifecycle.Ensure(response, "tìm kiếm (search)");
        return EsResponseReader.Read(response, request, facets);
    }

    /// <summary>The statistics of a query without words: nothing is looked up.</summary>
    private sealed class NoStatistics : ITermStatistics
    {
        public static readonly NoStatistics Instance = new();
        public long DocCount => 0;
        public long DocFreq(IReadOnlyList<string> terms) => 0;
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default)
    {
        var body = EsSuggestions.Build(Alias, prefix);
        if (body is null || max <= 0) return [];
        await EnsureIndexAsync(ct);
        var response = await _client.SearchAsync<EsStoredRecord>(body, ct);
        EsIndexLifecycle.Ensure(response, "gợi ý (suggest)");
        return EsSuggestions.Read(response, prefix, max);
    }

    public async Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default)
    {
        if (max <= 0 || string.IsNullOrEmpty(id)) return [];
        await EnsureIndexAsync(ct);
        var found = await _client.SearchAsync<EsStoredRecord>(new Elastic.Clients.Elasticsearch.SearchRequest(Alias)
        {
            Size = 1,
            Query = new Elastic.Clients.Elasticsearch.QueryDsl.TermQuery(F.Id, id),
            Source = new Elastic.Clients.Elasticsearch.Core.Search.SourceConfig(
                new Elastic.Clients.Elasticsearch.Core.Search.SourceFilter { Includes = new[] { F.Source } }),
        }, ct);
        EsIndexLifecycle.Ensure(found, "đọc nhiệm vụ (get task)");
        if (found.Hits.FirstOrDefault() is not { } hit) return [];
        var task = SearchDocument.From(EsResponseReader.Record(hit));
        var response = await _client.SearchAsync<EsStoredRecord>(EsRelated.Build(Alias, task, max), ct);
        EsIndexLifecycle.Ensure(response, "nhiệm vụ liên quan (related)");
        return response.Hits.Select(EsResponseReader.Hit).ToList();
    }

    public async Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        var operations = records.Select(EsTaskDocument.IndexOperation).ToList();
        await WriteLiveAsync(operations, ct);
    }

    public async Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return;
        await WriteLiveAsync(ids.Select(id => (IBulkOperation)new BulkDeleteOperation(id)).ToList(), ct);
    }

    /// <summary>The index and delete operations of one outbox batch in one bulk sequence, with one refresh wait.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default)
    {
        if (upserts.Count + removals.Count == 0) return;
        var operations = upserts.Select(EsTaskDocument.IndexOperation)
            .Concat(removals.Select(id => (IBulkOperation)new BulkDeleteOperation(id))).ToList();
        await WriteLiveAsync(operations, ct);
    }

    /// <summary>
    /// Nothing to do: with the default <c>index.translog.durability: request</c> a bulk response arrives only after
    /// the translog is synced, so every write <see cref="WriteLiveAsync"/> returned from is already durable.
    /// </summary>
    public Task FlushAsync(CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>Empties the index: a new empty versioned index replaces the live one in one alias swap.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await EnsureIndexAsync(ct);
        var live = await _lifecycle.AliasedIndexesAsync(ct);
        var fresh = await _lifecycle.CreateNextAsync(live.LastOrDefault(), bulkLoad: false, ct);
        await _lifecycle.SwapAsync(fresh, live, ct);
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await EnsureIndexAsync(ct);
        var response = await _client.CountAsync(new CountRequest(Alias), ct);
        EsIndexLifecycle.Ensure(response, "đếm (count)");
        return response.Count;
    }

    /// <summary>Writes to the alias and, during a rebuild, to the index being built as well.</summary>
    private async Task WriteLiveAsync(IReadOnlyList<IBulkOperation> operations, CancellationToken ct)
    {
        await EnsureIndexAsync(ct);
        await _writer.WriteAsync(Alias, operations, Refresh.WaitFor, ct);
        string? building;
        lock (_gate) building = _building;
        if (building is not null) await _writer.WriteAsync(building, operations, null, ct);
    }
}
