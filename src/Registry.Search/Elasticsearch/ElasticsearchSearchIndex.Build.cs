using Elastic.Clients.Elasticsearch.Core.Bulk;
using Microsoft.Extensions.Logging;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Elasticsearch;

public sealed partial class ElasticsearchSearchIndex
{
    /// <summary>
    /// Creates <c>{prefix}-tasks-v{yyyyMMddHHmmss}</c> with refresh switched off; <see cref="ISearchIndexBuild.AddAsync"/>
    /// bulk-loads it in batches; <see cref="ISearchIndexBuild.CompleteAsync"/> restores refresh, refreshes, then moves
    /// the alias and deletes the old index in one atomic request. Readers keep the old index until then.
    /// </summary>
    public async Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        await EnsureIndexAsync(ct);
        var live = await _lifecycle.AliasedIndexesAsync(ct);
        lock (_gate)
        {
            if (_building is not null) throw new InvalidOperationException("A rebuild of the search index is already running.");
            _building = "";
        }
        try
        {
            var target = await _lifecycle.CreateNextAsync(live.LastOrDefault(), bulkLoad: true, ct);
            lock (_gate) _building = target;
            _logger.LogInformation("Rebuilding the search index into {Index}.", target);
            return new Build(this, target);
        }
        catch
        {
            lock (_gate) _building = null;
            throw;
        }
    }

    private sealed class Build(ElasticsearchSearchIndex index, string target) : ISearchIndexBuild
    {
        private bool _finished;

        public Task AddAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default)
        {
            var operations = records.Select(EsTaskDocument.IndexOperation).ToList();
            return index._writer.WriteAsync(target, operations, refresh: null, ct);
        }

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            await index._lifecycle.PrepareForSwapAsync(target, ct);
            var old = await index._lifecycle.AliasedIndexesAsync(ct);
            await index._lifecycle.SwapAsync(target, old, ct);
            lock (index._gate) index._building = null;
            _finished = true;
            index._logger.LogInformation("Search index rebuilt: alias {Alias} now points at {Index}; removed {Old}.",
                index.Alias, target, string.Join(", ", old));
        }

        /// <summary>An unfinished build is deleted; the live index was never touched.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_finished) return;
            lock (index._gate) index._building = null;
            _finished = true;
            index._logger.LogWarning("Search index rebuild into {Index} abandoned; deleting it.", target);
            try { await index._lifecycle.DeleteAsync(target, CancellationToken.None); }
            catch (ElasticsearchIndexException e)
            {
                index._logger.LogWarning(e, "Could not delete the abandoned index {Index}; delete it by hand.", target);
            }
        }
    }
}
