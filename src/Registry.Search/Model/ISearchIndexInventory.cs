namespace Registry.Search.Model;

/// <summary>
/// What an engine holds, by task id and last change, for the start-up reconciliation with the store. The embedded
/// engine implements it: its index lives on the local disk and can lose uncommitted work in a crash. Elasticsearch
/// acknowledges only durable writes and is shared by several instances, so it is not reconciled at start.
/// </summary>
public interface ISearchIndexInventory
{
    /// <summary>Every indexed task id with its <see cref="SearchDocument.UpdatedAtMs"/>, read from doc values (no stored documents).</summary>
    Dictionary<string, long> ReadIndexed();
}
