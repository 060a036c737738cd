namespace Registry.Search.Model;

/// <summary>
/// Relevance weights, tuned on the judged queries of the relevance test (see docs/search.md). The Elasticsearch
/// engine weighs each text field (<see cref="Fields"/>); the Lucene engine indexes all text in one field and the
/// title and keywords in another (the head, weighted <c>LuceneQueryBuilder.HeadWeight</c>) and shares the other
/// multipliers.
/// </summary>
public static class SearchWeights
{
    /// <summary>Per text field: title &gt; keywords &gt; summary &gt; organisation &gt; other text.</summary>
    public static readonly IReadOnlyDictionary<string, float> Fields = new Dictionary<string, float>
    {
        [SearchFields.Title] = 6f,
        [SearchFields.Keywords] = 4f,
        [SearchFields.Summary] = 2f,
        [SearchFields.OrganizationName] = 1.5f,
        [SearchFields.Body] = 1f,
    };

    /// <summary>Multiplier of the original-diacritics field.</summary>
    public const float Original = 1.0f;
    /// <summary>Multiplier of the folded field: half, so a query typed with diacritics ranks exact words first.</summary>
    public const float Folded = 0.5f;
    /// <summary>Multiplier of a two-syllable shingle match (adjacent syllables).</summary>
    public const float Shingle = 1.5f;
    /// <summary>Multiplier of a one-edit fuzzy match on a folded word of <see cref="FuzzyMinLength"/>+ letters.</summary>
    public const float Fuzzy = 0.15f;
    public const int FuzzyMinLength = 5;
    /// <summary>Boost of an exact task-code match: always first.</summary>
    public const float Code = 1000f;
    /// <summary>Multiplier of a narrower phrase of a broad query term (a category group of the vocabulary).</summary>
    public const float Narrower = 0.5f;
    /// <summary>A match in the title or keywords (the head) against one anywhere in the task's text.</summary>
    public const float Head = 3f;
    /// <summary>Constant added to tasks holding every concept of a query that lets some be missing: they rank first.</summary>
    public const float AllConcepts = 50f;
    /// <summary>Dis-max tie breaker across fields of one word.</summary>
    public const float FieldTieBreaker = 0.3f;
}
