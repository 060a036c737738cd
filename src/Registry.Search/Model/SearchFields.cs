namespace Registry.Search.Model;

/// <summary>
/// Index field names shared by every engine; what each field holds is declared once in <see cref="IndexFields"/>, and
/// the fields text is searched in once in <see cref="TextLayout"/>.
/// </summary>
public static class SearchFields
{
    /// <summary>A field name ending so is analysed folded (the highlighter's and "related tasks"' analysis).</summary>
    public const string FoldedSuffix = "_f";

    public const string Id = "id";
    /// <summary>The task code as typed, exact match (keyword).</summary>
    public const string Code = "code";
    /// <summary>The task code folded and stripped of punctuation ("ĐT-2024-40101-PT" → "dt202440101pt").</summary>
    public const string CodeKey = "codeKey";

    // Analysed text, each indexed with the suffixes above.
    public const string Title = "title";
    public const string Keywords = "keywords";
    public const string Summary = "summary";
    /// <summary>Tóm tắt phổ thông: searched like the summary, never above it.</summary>
    public const string PlainSummary = "plainSummary";
    /// <summary>Objectives, methods, expected results, results, outputs, people, organisations, English title.</summary>
    public const string Body = "body";

    public const string OrganizationId = "orgId";
    public const string OrganizationName = "orgName";
    /// <summary>"id\u001Fname" so a facet bucket can carry the organisation's display name.</summary>
    public const string OrganizationFacet = "orgFacet";
    /// <summary>Every prefix of every field code: "40101" gives "4", "401", "40101".</summary>
    public const string FieldPrefix = "fieldPrefix";
    public const string FieldLevel1 = "field";
    public const string Sector = "sector";
    public const string Level = "level";
    public const string Kind = "kind";
    public const string Status = "status";
    public const string StartYear = "year";
    /// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>).</summary>
    public const string StartDay = "startDay";
    public const string EndDay = "endDay";
    public const string BudgetTotal = "budget";
    public const string Transferable = "transferable";
    /// <summary>Unix milliseconds.</summary>
    public const string UpdatedAt = "updatedAt";
    /// <summary>Compact JSON of the public record, for rendering hits without a database read.</summary>
    public const string Source = "source";
    /// <summary>Folded suggestion phrases: one term per word start of each keyword and of the organisation name.</summary>
    public const string Suggest = "suggest";
    /// <summary>One folded suggestion term per task from the start of its title (titles are unique, so Lucene keeps
    /// them apart from the shared phrase vocabulary of <see cref="Suggest"/>; Elasticsearch puts them in
    /// <see cref="Suggest"/>).</summary>
    public const string SuggestTitle = "suggestTitle";

    /// <summary>The analysed text fields in order of weight (title highest), as declared in <see cref="IndexFields.Text"/>.</summary>
    public static readonly IReadOnlyList<string> TextFields = IndexFields.Text.Select(f => f.Name).ToList();
}
