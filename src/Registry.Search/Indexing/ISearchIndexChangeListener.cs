namespace Registry.Search.Indexing;

/// <summary>
/// Told after the content of the index changed: records upserted or removed, the index emptied, a rebuild made live.
/// The host registers one to drop what it cached from earlier answers (the web host evicts its output cache), so a
/// search cached just before the indexer caught up with a write does not outlive the change.
/// </summary>
public interface ISearchIndexChangeListener
{
    /// <summary>Runs after the change is written; it is not cancelled, since the change has already happened.</summary>
    ValueTask IndexChangedAsync();
}
