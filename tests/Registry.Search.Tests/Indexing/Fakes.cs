using System.Runtime.CompilerServices;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Tests.Indexing;

/// <summary>An outbox with real lease semantics: due items only, owner checks, retry times.</summary>
internal sealed class InMemoryOutbox(TimeProvider time) : IOutboxStore
{
    private sealed class Row
    {
        public required OutboxItem Item;
        public string? Owner;
        public DateTimeOffset LeasedUntil;
        public DateTimeOffset DueAt;
        public bool Done;
        public string? Error;
        public bool Interactive;
    }

    private readonly List<Row> _rows = [];
    private long _sequence;

    /// <summary>Appends a change; <paramref name="interactive"/> as a curator's single save (leased ahead of the
    /// others, as the real store does), else as a row of an import batch.</summary>
    public void Append(string taskId, OutboxKind kind, bool interactive = false)
    {
        lock (_rows) _rows.Add(new Row { Item = new OutboxItem(++_sequence, taskId, kind, 0, time.GetUtcNow(), interactive), DueAt = time.GetUtcNow(), Interactive = interactive });
    }

    /// <summary>Every lease call, in order: the sequences it handed out.</summary>
    public List<IReadOnlyList<long>> Leases { get; } = [];

    /// <summary>Every completion, in order: the sequences completed.</summary>
    public List<IReadOnlyList<long>> Completions { get; } = [];

    /// <summary>When set, completing throws this (the process died between the index commit and the completion).</summary>
    public Exception? FailCompletion { get; set; }

    /// <summary>Called with the sequences of each completion before it is recorded (to check what is on disk then).</summary>
    public Action<IReadOnlyCollection<long>>? BeforeComplete { get; set; }

    public IReadOnlyList<string> Errors { get { lock (_rows) return _rows.Where(r => r.Error is not null).Select(r => r.Error!).ToList(); } }

    public Task<IReadOnlyList<OutboxItem>> LeaseAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default) =>
        Lease(owner, max, leaseFor, interactiveOnly: false);

    /// <summary>Every interactive-only lease call that found something, in order.</summary>
    public List<IReadOnlyList<long>> InteractiveLeases { get; } = [];

    public Task<IReadOnlyList<OutboxItem>> LeaseInteractiveAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default) =>
        Lease(owner, max, leaseFor, interactiveOnly: true);

    private Task<IReadOnlyList<OutboxItem>> Lease(string owner, int max, TimeSpan leaseFor, bool interactiveOnly)
    {
        var now = time.GetUtcNow();
        lock (_rows)
        {
            var due = _rows.Where(r => !r.Done && r.DueAt <= now && (r.Owner is null || r.LeasedUntil <= now) && (r.Interactive || !interactiveOnly))
                .OrderByDescending(r => r.Interactive).ThenBy(r => r.Item.Sequence).Take(max).ToList();
            foreach (var r in due) { r.Owner = owner; r.LeasedUntil = now + leaseFor; }
            if (!interactiveOnly) Leases.Add(due.Select(r => r.Item.Sequence).ToList());
            else if (due.Count > 0) InteractiveLeases.Add(due.Select(r => r.Item.Sequence).ToList());
            return Task.FromResult<IReadOnlyList<OutboxItem>>(due.Select(r => r.Item).ToList());
        }
    }

    public Task CompleteAsync(string owner, IReadOnlyCollection<long> sequences, CancellationToken ct = default)
    {
        if (FailCompletion is { } crash) throw crash;
        BeforeComplete?.Invoke(sequences);
        lock (_rows)
        {
            foreach (var r in _rows.Where(r => sequences.Contains(r.Item.Sequence) && r.Owner == owner)) r.Done = true;
            Completions.Add(sequences.ToList());
        }
        return Task.CompletedTask;
    }

    public IReadOnlyList<long> LeasedBy(string owner)
    {
        lock (_rows) return _rows.Where(r => !r.Done && r.Owner == owner).Select(r => r.Item.Sequence).ToList();
    }

    public Task FailAsync(string owner, IReadOnlyCollection<long> sequences, string error, DateTimeOffset retryAt, CancellationToken ct = default)
    {
        lock (_rows)
            foreach (var r in _rows.Where(r => sequences.Contains(r.Item.Sequence) && r.Owner == owner))
            {
                r.Owner = null; r.DueAt = retryAt; r.Error = error;
                r.Item = r.Item with { Attempts = r.Item.Attempts + 1 };
            }
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string owner, IReadOnlyCollection<long> sequences, CancellationToken ct = default)
    {
        lock (_rows)
            foreach (var r in _rows.Where(r => sequences.Contains(r.Item.Sequence) && r.Owner == owner && !r.Done)) r.Owner = null;
        return Task.CompletedTask;
    }

    public Task<int> ReleaseAllLeasesAsync(CancellationToken ct = default)
    {
        lock (_rows)
        {
            var held = _rows.Where(r => !r.Done && r.Owner is not null).ToList();
            foreach (var r in held) r.Owner = null;
            return Task.FromResult(held.Count);
        }
    }

    public Task<DateTimeOffset?> OldestPendingAsync(CancellationToken ct = default)
    {
        lock (_rows) return Task.FromResult(_rows.Where(r => !r.Done).Select(r => (DateTimeOffset?)r.Item.CreatedAt).FirstOrDefault());
    }

    public Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        lock (_rows) return Task.FromResult(_rows.Count(r => !r.Done));
    }

    public Task<long> CurrentSequenceAsync(CancellationToken ct = default) => Task.FromResult(_sequence);
}

/// <summary>Published records by id; anything else is a draft or withdrawn.</summary>
internal sealed class FakeCatalog : ITaskCatalog
{
    public Dictionary<string, TaskRecord> Published { get; } = [];

    public async IAsyncEnumerable<TaskRecord> StreamPublishedAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var r in Published.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList())
        {
            await Task.Yield();
            yield return r;
        }
    }

    public Task<int> CountPublishedAsync(CancellationToken ct = default) => Task.FromResult(Published.Count);

    public Task<int> CountAllAsync(CancellationToken ct = default) => Task.FromResult(Published.Count);

    private int _reads;

    /// <summary>How many batch reads (<see cref="GetPublishedAsync"/>) have returned.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        IReadOnlyList<TaskRecord> found = ids.Where(Published.ContainsKey).Select(id => Published[id]).ToList();
        Interlocked.Increment(ref _reads);
        return Task.FromResult(found);
    }
}

/// <summary>An engine that is down for the first <c>failures</c> writes.</summary>
internal sealed class FlakyIndex(ISearchIndex inner, int failures) : ISearchIndex
{
    private int _remaining = failures;

    private void MaybeFail()
    {
        if (Interlocked.Decrement(ref _remaining) >= 0) throw new HttpRequestException("search engine unavailable");
    }

    public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) { MaybeFail(); return inner.UpsertAsync(records, ct); }
    public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) { MaybeFail(); return inner.RemoveAsync(ids, ct); }
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
    public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
    public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);
    public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
    public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
    public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
}

internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
