using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registry.Data.Records;
using Registry.Search.Model;
using Directory = Lucene.Net.Store.Directory;

namespace Registry.Search.Lucene;

/// <summary>
/// The embedded engine: one <see cref="IndexWriter"/> and a near-real-time <see cref="SearcherManager"/>.
/// Every <see cref="ApplyAsync"/> is followed by a reopen, so changes are searchable at once (the outbox indexer
/// writes a backlog with <see cref="WriteAsync"/> and reopens when it needs to, see <see cref="RefreshAsync"/>);
/// <see cref="FlushAsync"/> commits them to disk (the outbox indexer calls it once per group of batches, before
/// completing them), a timer commits
/// other writers' changes every <see cref="SearchOptions.CommitInterval"/>, and disposal commits what is left.
/// An index that cannot be opened is set aside and replaced by an empty one (see <c>LuceneSearchIndex.Recovery</c>).
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const double RamBufferMegabytes = 256;

    private readonly System.Threading.Lock _gate = new();
    private readonly Directory _directory;
    private readonly VietnameseIndexAnalyzer _analyzer = new();
    private readonly LuceneHighlighter _highlighter;
    private readonly ILogger _logger;
    private readonly Timer _commitTimer;
    private IndexWriter _writer;
    private SearcherManager _manager;
    private long _uncommitted;
    /// <summary>Written with <see cref="WriteAsync"/> since the last reader reopen.</summary>
    private bool _unrefreshed;
    private bool _rebuilding;
    private bool _disposed;

    public LuceneSearchIndex(IOptions<SearchOptions> options, ILogger<LuceneSearchIndex> logger)
    {
        var path = RequireDirectory(options.Value);
        _logger = logger;
        _highlighter = new LuceneHighlighter(_analyzer);
        (_directory, _writer, _manager) = OpenOrSetAside(path);
        var interval = options.Value.CommitInterval;
        _commitTimer = new Timer(_ => CommitIfDirty(), null, interval, interval);
    }

    /// <summary>Opens (or creates) an index in <paramref name="directory"/>; tests pass a <see cref="RAMDirectory"/>.</summary>
    public LuceneSearchIndex(Directory directory, TimeSpan commitInterval, ILogger? logger = null)
    {
        _directory = directory;
        _logger = logger ?? NullLogger.Instance;
        _highlighter = new LuceneHighlighter(_analyzer);
        (_writer, _manager) = Open();
        _commitTimer = new Timer(_ => CommitIfDirty(), null, commitInterval, commitInterval);
    }

    /// <summary>How one search is spread over threads; tests split tiny indexes to exercise the merging.</summary>
    internal SearchParallelism Parallelism { get; init; } = SearchParallelism.Default;

    public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => ApplyAsync(records, [], ct);

    /// <summary>Upserts and removals under one lock, then one reader reopen for both (a reopen flushes a segment and
    /// warms it, the largest fixed cost of a small batch).</summary>
    public Task ApplyAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
        Apply(upserts, removals, refresh: true);

    /// <summary>Written into the writer's buffer, searchable at the next <see cref="RefreshAsync"/> (or any
    /// <see cref="ApplyAsync"/>): a backlog's batches share one reopen and flush fewer, larger segments.</summary>
    public Task WriteAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
        Apply(upserts, removals, refresh: false);

    public Task RefreshAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_unrefreshed && !_rebuilding) _manager.MaybeRefreshBlocking();
            _unrefreshed = false;
        }
        return Task.CompletedTask;
    }

    private Task Apply(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, bool refresh)
    {
        var documents = Latest(upserts.Count < ParallelFrom
            ? upserts.Select(SearchDocument.From).ToList()
            : upserts.AsParallel().AsOrdered().Select(SearchDocument.From).ToList());
        lock (_gate)
        {
            if (documents.Count < ParallelFrom) documents.ForEach(Write);
            // Analysis is most of the cost and IndexWriter takes documents from several threads at once (one
            // in-memory segment per thread), so large batches (a rebuild, a big import) use every core.
            else Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Write);
            if (removals.Count > 0) _writer.DeleteDocuments(removals.Select(id => new Term(SearchFields.Id, id)).ToArray());
            if (documents.Count + removals.Count > 0) AfterWrite(documents.Count + removals.Count, refresh);
        }
        return Task.CompletedTask;
    }

    /// <summary>Batches at least this large are analysed on all cores.</summary>
    private const int ParallelFrom = 64;

    private void Write(SearchDocument d) => _writer.UpdateDocument(new Term(SearchFields.Id, d.Id), LuceneDocumentMapper.ToLucene(d));

    /// <summary>
    /// The last document of each id, in batch order: written one after the other the last one would win, and
    /// written in parallel the order is not defined, so earlier duplicates are dropped first.
    /// </summary>
    private static List<SearchDocument> Latest(List<SearchDocument> documents)
    {
        var last = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) last[documents[i].Id] = i;
        return last.Count == documents.Count ? documents : documents.Where((d, i) => last[d.Id] == i).ToList();
    }

    public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => ApplyAsync([], ids, ct);

    public Task ResetAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            _writer.DeleteAll();
            _writer.Commit();
            _uncommitted = 0;
            _manager.MaybeRefreshBlocking();
        }
        return Task.CompletedTask;
    }

    public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_rebuilding) throw new InvalidOperationException("A rebuild of the search index is already running.");
            _writer.Commit();
            _uncommitted = 0;
            _rebuilding = true;
            _buildEnded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _writer.DeleteAll();
        }
        return Task.FromResult<ISearchIndexBuild>(new Build(this));
    }

    public Task<long> CountAsync(CancellationToken ct = default) =>
        Task.FromResult(WithSearcher(s => (long)s.IndexReader.NumDocs));

    /// <summary>Writes pending changes to disk now (normally the timer does it).</summary>
    public void Commit()
    {
        lock (_gate)
        {
            if (_disposed || _rebuilding) return;
            _writer.Commit();
            _uncommitted = 0;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _commitTimer.Dispose();
            if (_rebuilding) _writer.Rollback();
            else _writer.Dispose();
            _buildEnded.TrySetResult(!_rebuilding);
            _manager.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }
        // The write lock is released now: another writer (a restarted host in the same process) can open the index.
        _logger.LogInformation("Đã đóng chỉ mục tìm kiếm (search index closed)");
    }

    private void AfterWrite(int count, bool refresh)
    {
        _uncommitted += count;
        _unrefreshed = !refresh;
        // During a rebuild readers keep the old view until the build completes.
        if (refresh && !_rebuilding) _manager.MaybeRefreshBlocking();
    }

    private void CommitIfDirty()
    {
        try
        {
            lock (_gate)
            {
                if (_disposed || _rebuilding || _uncommitted == 0) return;
                _writer.Commit();
                _uncommitted = 0;
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _logger.LogWarning(e, "Periodic commit of the search index failed; it is retried on the next tick.");
        }
    }

    private (IndexWriter, SearcherManager) Open() => Open(_directory);

    private (IndexWriter, SearcherManager) Open(Directory directory)
    {
        var config = new IndexWriterConfig(LuceneIndex.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // A rebuild of a large catalogue flushes far fewer, larger segments (less merging) than with the 16 MB
            // default; it is a ceiling, reached only while many documents are buffered between commits.
            RAMBufferSizeMB = RamBufferMegabytes,
            // Flushed segments are written once as plain files rather than written and then copied into a
            // compound file; merged segments still follow the merge policy's compound-file ratio.
            UseCompoundFile = false,
        };
        var writer = new IndexWriter(directory, config);
        try
        {
            EnsureLayout(writer);
            return (writer, new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new WarmingSearcherFactory()));
        }
        catch
        {
            // Releases the write lock without committing, so a damaged index can be moved aside untouched.
            writer.Rollback();
            throw;
        }
    }

    /// <summary>
    /// The field layout this code writes and queries (<see cref="LuceneText"/>; title suggestions in their own
    /// field), kept in the commit data. Bump it whenever fields change their analysis, index options or meaning.
    /// </summary>
    internal const string Layout = "7";
    internal const string LayoutKey = "registry.layout";

    /// <summary>
    /// An index written with another layout would answer wrongly (phrases looked up in pair fields it does not
    /// have, suggestions missing titles), so it is emptied; the start-up bootstrap then rebuilds it from the
    /// store, as for a deleted index directory.
    /// </summary>
    private void EnsureLayout(IndexWriter writer)
    {
        var committed = writer.CommitData;
        var layout = committed is not null && committed.TryGetValue(LayoutKey, out var value) ? value : null;
        if (layout == Layout) return;
        if (writer.MaxDoc > 0)
        {
            _logger.LogWarning("Chỉ mục tìm kiếm theo bố cục {Old}, cần {New}: làm trống để dựng lại (search index layout {Old} is not {New}; emptied for a rebuild)",
                layout ?? "1", Layout, layout ?? "1", Layout);
            writer.DeleteAll();
        }
        writer.SetCommitData(new Dictionary<string, string> { [LayoutKey] = Layout });
        writer.Commit();
    }

    /// <summary>Runs <paramref name="read"/> on the current searcher (the benchmark's phase profile uses it).</summary>
    internal T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        var manager = _manager;
        var searcher = manager.Acquire();
        try { return read(searcher); }
        finally { manager.Release(searcher); }
    }

    private static string RequireDirectory(SearchOptions options)
    {
        var path = options.IndexDirectory ?? throw new InvalidOperationException("Registry:Search:IndexDirectory is not set.");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A rebuild: old documents were deleted at the start but readers see them until completion.</summary>
    private sealed class Build(LuceneSearchIndex index) : ISearchIndexBuild
    {
        private bool _finished;

        public Task AddAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) =>
            index.UpsertAsync(records, ct);

        public Task CompleteAsync(CancellationToken ct = default)
        {
            lock (index._gate)
            {
                index._rebuilding = false;
                index._writer.Commit();
                index._uncommitted = 0;
                index._manager.MaybeRefreshBlocking();
                index._buildEnded.TrySetResult(true);
                _finished = true;
            }
            return Task.CompletedTask;
        }

        /// <summary>An unfinished build rolls back to the last commit (the index as it was before the build).</summary>
        public ValueTask DisposeAsync()
        {
            lock (index._gate)
            {
                if (_finished || index._disposed) return ValueTask.CompletedTask;
                index._logger.LogWarning("Search index rebuild abandoned; rolling back to the previous index.");
                index._writer.Rollback();
                var old = index._manager;
                (index._writer, index._manager) = index.Open();
                index._rebuilding = false;
                old.Dispose();
                index._buildEnded.TrySetResult(false);
                _finished = true;
            }
            return ValueTask.CompletedTask;
        }
    }
}
