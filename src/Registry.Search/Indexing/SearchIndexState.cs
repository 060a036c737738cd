namespace Registry.Search.Indexing;

/// <summary>Where the index stands after start; readiness answers 503 until it is <see cref="Ready"/>.</summary>
public enum SearchIndexPhase
{
    /// <summary>The host started; the bootstrap has not looked at the index yet.</summary>
    Starting,
    /// <summary>The index is empty or was set aside as damaged, and is being rebuilt from the store.</summary>
    Rebuilding,
    /// <summary>The index is compared with the store and repaired.</summary>
    Reconciling,
    Ready,
}

/// <summary>Shared by the start-up bootstrap (which moves the phase), the outbox indexer and readiness.</summary>
public sealed class SearchIndexState
{
    private volatile SearchIndexPhase _phase = SearchIndexPhase.Starting;

    public SearchIndexPhase Phase => _phase;

    public void Enter(SearchIndexPhase phase) => _phase = phase;

    /// <summary>
    /// Taken by the outbox indexer and the reconciler around "read the task from the store, write it to the index",
    /// so neither can overwrite the other's newer state with an older one it read just before.
    /// </summary>
    public SemaphoreSlim WriteTurn { get; } = new(1, 1);
}
