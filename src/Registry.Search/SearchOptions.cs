using System.ComponentModel.DataAnnotations;

namespace Registry.Search;

public enum SearchProvider { Lucene, Elasticsearch }

/// <summary>Bound from <c>Registry:Search</c>; the Elasticsearch engine's settings are <see cref="Elasticsearch.ElasticsearchOptions"/>.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Registry:Search";

    /// <summary><c>Lucene</c> (embedded, default) or <c>Elasticsearch</c>.</summary>
    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    /// <summary>Where the Lucene index lives; the host sets it to <c>&lt;DataDirectory&gt;/index</c> unless overridden.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>How often pending Lucene changes are committed to disk (searchability does not wait for it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most outbox items per indexer batch (a batch holds what is due, up to this). While a backlog drains the
    /// indexer sizes batches for about 250 ms of engine time within this ceiling (a curator's save waits for at most
    /// the batch being written and the one read ahead); commits and reader reopens are shared by several batches
    /// (docs/search.md).
    /// </summary>
    [Range(1, 5000)]
    public int IndexerBatchSize { get; set; } = 1000;

    /// <summary>Delay between polls when the outbox is empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan IndexerPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Readiness answers 503 while more outbox items than this wait for the index.</summary>
    [Range(1, int.MaxValue)]
    public int ReadyMaxPending { get; set; } = 10_000;

    /// <summary>Readiness answers 503 while the oldest change not yet in the index is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReadyMaxLag { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
            yield return new ValidationResult($"Registry:Search:Provider '{Provider}' is not an engine; use Lucene (the default) or Elasticsearch.", [nameof(Provider)]);
        if (Provider == SearchProvider.Lucene && string.IsNullOrWhiteSpace(IndexDirectory))
            yield return new ValidationResult("Registry:Search:IndexDirectory is required for the Lucene provider (the host defaults it to <DataDirectory>/index).", [nameof(IndexDirectory)]);
    }
}
