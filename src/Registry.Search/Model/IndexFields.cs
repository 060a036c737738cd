using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Model;

/// <summary>
/// Every index field, declared once: the Lucene document and the Elasticsearch mapping and document are built by
/// looping over <see cref="All"/>; filters, facets and sorts point at these declarations. Names stay constants in
/// <see cref="SearchFields"/> so attributes and switch cases can use them.
/// </summary>
public static class IndexFields
{
    public static readonly IndexField Id = IndexField.Keyword(F.Id, d => d.Id) with { DocValues = IndexDocValues.Sorted, Stored = true };
    public static readonly IndexField Code = IndexField.Keyword(F.Code, d => d.Code);
    public static readonly IndexField CodeKey = IndexField.Keyword(F.CodeKey, d => d.CodeKey);

    // Text, in order of weight. Lucene's text fields (LuceneText) group them by part; Elasticsearch keeps one
    // analysed property per text field.
    public static readonly IndexField Title = IndexField.Text(F.Title, TextPart.Head, d => d.Title);
    public static readonly IndexField Keywords = IndexField.Texts(F.Keywords, TextPart.Head, d => d.Keywords);
    public static readonly IndexField Summary = IndexField.Text(F.Summary, TextPart.Text, d => d.Summary);
    /// <summary>The plain-language summary: the summary's part, so the same weight (never more: it is the easier text, not the authoritative one).</summary>
    public static readonly IndexField PlainSummary = IndexField.Text(F.PlainSummary, TextPart.Text, d => d.PlainSummary);
    public static readonly IndexField OrganizationName = IndexField.Text(F.OrganizationName, TextPart.Text, d => d.OrganizationName);
    public static readonly IndexField Places = IndexField.Texts(TextLayout.Places, TextPart.Text, d => d.Places);
    public static readonly IndexField Body = IndexField.Texts(F.Body, TextPart.Body, d => d.Body);

    public static readonly IndexField OrganizationId = IndexField.Keyword(F.OrganizationId, d => d.OrganizationId);
    /// <summary>Only counted, never filtered on (the filter uses <see cref="OrganizationId"/>).</summary>
    public static readonly IndexField OrganizationFacet = IndexField.Keyword(F.OrganizationFacet, d => d.OrganizationFacet)
        with { DocValues = IndexDocValues.SortedSet, Indexed = false };
    /// <summary>Filtered on only: the field filter needs no prefix query because every prefix is a term.</summary>
    public static readonly IndexField FieldPrefix = IndexField.Keywords(F.FieldPrefix, d => d.FieldPrefixes);
    public static readonly IndexField FieldLevel1 = Facet(IndexField.Keywords(F.FieldLevel1, d => d.FieldsLevel1));
    public static readonly IndexField Sector = Facet(IndexField.Keywords(F.Sector, d => d.Sectors));
    public static readonly IndexField Level = Facet(IndexField.Keyword(F.Level, d => d.Level));
    public static readonly IndexField Kind = Facet(IndexField.Keyword(F.Kind, d => d.Kind));
    public static readonly IndexField Status = Facet(IndexField.Keyword(F.Status, d => d.Status));
    /// <summary>Ranges read the number; the year facet reads its digits.</summary>
    public static readonly IndexField StartYear = Facet(IndexField.Int32(F.StartYear, d => d.StartYear));
    public static readonly IndexField StartDay = Sortable(IndexField.Int32(F.StartDay, d => d.StartDay));
    public static readonly IndexField EndDay = Sortable(IndexField.Int32(F.EndDay, d => d.EndDay));
    public static readonly IndexField BudgetTotal = Sortable(IndexField.Int64(F.BudgetTotal, d => d.BudgetTotal));
    public static readonly IndexField Transferable = IndexField.Boolean(F.Transferable, d => d.Transferable);
    /// <summary>Sorted on, and read per task when the index is compared with the database.</summary>
    public static readonly IndexField UpdatedAt = Sortable(IndexField.EpochMillis(F.UpdatedAt, d => d.UpdatedAtMs));
    /// <summary>Lucene keeps the title terms apart from the shared phrase vocabulary of <see cref="Suggest"/> for its
    /// in-memory phrase structure; Elasticsearch puts them first in <see cref="Suggest"/>, which keeps the strict
    /// mapping of existing indexes valid.</summary>
    public static readonly IndexField SuggestTitle = IndexField.Suggestions(F.SuggestTitle, SuggestionTerms.Title)
        with { ElasticsearchName = F.Suggest };
    public static readonly IndexField Suggest = IndexField.Suggestions(F.Suggest, SuggestionTerms.Phrases);
    public static readonly IndexField Source = IndexField.Source(F.Source, d => d.SourceJson);

    public static readonly IReadOnlyList<IndexField> All =
    [
        Id, Code, CodeKey, Title, Keywords, Summary, PlainSummary, OrganizationName, Places, Body, OrganizationId, OrganizationFacet, FieldPrefix,
        FieldLevel1, Sector, Level, Kind, Status, StartYear, StartDay, EndDay, BudgetTotal, Transferable, UpdatedAt,
        SuggestTitle, Suggest, Source,
    ];

    /// <summary>The analysed text fields in order of weight (title highest).</summary>
    public static readonly IReadOnlyList<IndexField> Text = All.Where(f => f.Kind == IndexFieldKind.Text).ToList();

    private static readonly Dictionary<string, IndexField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The declared field of that name; throws for an undeclared name, which is a programming error.</summary>
    public static IndexField Get(string name) =>
        ByName.TryGetValue(name, out var field) ? field : throw new ArgumentException($"Undeclared index field '{name}'.", nameof(name));

    /// <summary>The numeric field a sort orders by; relevance orders by start date when there is no query to score.</summary>
    public static IndexField SortedBy(SortBy by) => by switch
    {
        SortBy.Relevance or SortBy.Newest => StartDay,
        SortBy.Budget => BudgetTotal,
        SortBy.EndDate => EndDay,
        SortBy.Updated => UpdatedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    private static IndexField Facet(IndexField field) => field with { DocValues = IndexDocValues.SortedSet };

    private static IndexField Sortable(IndexField field) => field with { DocValues = IndexDocValues.Numeric };
}
