namespace Registry.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <summary>Ends when the running rebuild ends: true when it committed, false when it was rolled back.</summary>
    private TaskCompletionSource<bool> _buildEnded = Ended();

    /// <summary>
    /// Commits what was written since the last commit, so it survives a crash. One commit covers a whole drained
    /// batch (the caller writes first, then flushes once); searchability never waited for it (each write reopens
    /// the near-real-time reader). During a rebuild a commit would make the half-built index the durable one, so
    /// the flush waits for the rebuild's own commit instead, and fails when the rebuild is abandoned (its writes
    /// are rolled back, so the caller must retry them).
    /// </summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        Task<bool> build;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_rebuilding)
            {
                if (_uncommitted == 0) return;
                _writer.Commit();
                _uncommitted = 0;
                return;
            }
            build = _buildEnded.Task;
        }
        if (!await build.WaitAsync(ct))
            throw new IOException("The search index rebuild was abandoned and its writes rolled back; they are retried.");
    }

    private static TaskCompletionSource<bool> Ended()
    {
        var ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        ended.SetResult(true);
        return ended;
    }
}
