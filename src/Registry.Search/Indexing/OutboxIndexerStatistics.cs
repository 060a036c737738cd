using System.Diagnostics;

namespace Registry.Search.Indexing;

/// <summary>The stages of one outbox batch, in order.</summary>
public enum OutboxStage
{
    /// <summary>The lease: one conditional UPDATE and the read-back of the leased rows.</summary>
    Lease,
    /// <summary>The catalogue read of the batch's tasks (one query per table) and their mapping to records.</summary>
    Read,
    /// <summary>The engine write: analysis and indexing (Lucene), or the bulk request (Elasticsearch).</summary>
    Write,
    /// <summary>The engine's durable commit (once per group of batches).</summary>
    Commit,
    /// <summary>Making written changes searchable (Lucene: the reader reopen and the warming of new segments).</summary>
    Refresh,
    /// <summary>Marking the items done, after the commit.</summary>
    Complete,
}

/// <summary>
/// Wall time spent in each stage since start, summed over batches (the read of one batch overlaps the write of the
/// one before, so the stages add up to more than the elapsed time). Safe to update from both stages at once.
/// </summary>
public sealed class OutboxIndexerStatistics
{
    private readonly long[] _ticks = new long[Enum.GetValues<OutboxStage>().Length];
    private long _items;
    private long _batches;

    /// <summary>Adds the watch's elapsed time to <paramref name="stage"/> and restarts it for the next stage.</summary>
    internal void Add(OutboxStage stage, Stopwatch watch)
    {
        Interlocked.Add(ref _ticks[(int)stage], watch.Elapsed.Ticks);
        watch.Restart();
    }

    internal void Applied(int items)
    {
        Interlocked.Add(ref _items, items);
        Interlocked.Increment(ref _batches);
    }

    public TimeSpan this[OutboxStage stage] => TimeSpan.FromTicks(Interlocked.Read(ref _ticks[(int)stage]));

    /// <summary>Items completed.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Batches completed.</summary>
    public long Batches => Interlocked.Read(ref _batches);
}
