using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Every setting of the Elasticsearch engine, bound from <c>Registry:Search:Elasticsearch</c> and validated at start
/// when the provider is Elasticsearch; the one place its messages are written.
/// </summary>
public sealed partial class ElasticsearchOptions : IValidatableObject
{
    public const string Section = SearchOptions.Section + ":Elasticsearch";

    /// <summary>Cluster URL, e.g. <c>https://search.internal:9200</c>. Required.</summary>
    public string? Url { get; set; }

    /// <summary>Prefix of the alias <c>{prefix}-tasks</c> and of the versioned indexes behind it.</summary>
    public string IndexPrefix { get; set; } = "registry";

    /// <summary>An encoded API key (the <c>encoded</c> value Elasticsearch returns); excludes Username/Password.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Documents per bulk request when rebuilding.</summary>
    [Range(1, 10_000)]
    public int BulkBatchSize { get; set; } = 1000;

    /// <summary>Retries of a bulk request (or of its rejected items) answered 429 or 5xx.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off delay; each retry doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>on</c> when every node runs the elasticsearch-analysis-vietnamese plugin (<c>vi_tokenizer</c>, Cốc Cốc's word
    /// segmentation): the title and keywords are also indexed as its words, which only add to the ranking; <c>off</c>
    /// (the default) uses stock parts only. Changing it replaces the index by an empty one that the start-up rebuild
    /// fills (the layout differs).
    /// </summary>
    public string VietnameseAnalyzer { get; set; } = "off";

    /// <summary>True when <see cref="VietnameseAnalyzer"/> is <c>on</c>.</summary>
    public bool UsesVietnameseAnalyzer => string.Equals(VietnameseAnalyzer, "on", StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="Url"/> when it is an absolute http(s) URL, else null.</summary>
    public Uri? ClusterUrl =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    public const string UrlMessage =
        Section + ":Url phải là URL http(s) tuyệt đối khi Provider là Elasticsearch (must be an absolute http(s) URL when Registry:Search:Provider is Elasticsearch, e.g. https://search.internal:9200).";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClusterUrl is null) yield return new ValidationResult(UrlMessage, [nameof(Url)]);
        if (!IndexPrefixPattern().IsMatch(IndexPrefix ?? ""))
            yield return new ValidationResult(
                $"{Section}:IndexPrefix '{IndexPrefix}' không hợp lệ (must be 1-100 lowercase letters, digits, '-' or '_', starting with a letter or digit).",
                [nameof(IndexPrefix)]);
        if (!string.IsNullOrEmpty(ApiKey) && (!string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password)))
            yield return new ValidationResult(
                $"{Section}: chỉ dùng ApiKey hoặc Username/Password (set either ApiKey or Username/Password, not both).",
                [nameof(ApiKey)]);
        if (!string.Equals(VietnameseAnalyzer, "on", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(VietnameseAnalyzer, "off", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult(
                $"{Section}:VietnameseAnalyzer '{VietnameseAnalyzer}' không hợp lệ (must be 'off', the default, or 'on' when every node runs the elasticsearch-analysis-vietnamese plugin).",
                [nameof(VietnameseAnalyzer)]);
        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
            yield return new ValidationResult(
                $"{Section}: Username và Password phải đi cùng nhau (Username and Password must be set together).",
                [nameof(Username), nameof(Password)]);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex IndexPrefixPattern();
}
