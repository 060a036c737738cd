namespace Registry.Search.Model;

/// <summary>
/// Relevance weights, tuned on the judged queries of the relevance test (see docs/search.md), shared by both engines:
/// all text is one field and the title and keywords another (the head, <see cref="Head"/>; see <see cref="TextLayout"/>).
/// </summary>
public static class SearchWeights
{
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
}
