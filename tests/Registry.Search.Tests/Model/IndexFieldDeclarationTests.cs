using Lucene.Net.Documents;
using Lucene.Net.Index;
using Registry.Search.Lucene;
using Registry.Search.Model;
using LuceneSortFieldType = Lucene.Net.Search.SortFieldType;

namespace Registry.Search.Tests.Model;

/// <summary>
/// The one declaration of the index fields (<see cref="IndexFields"/>): coherent in itself, written by the Lucene
/// engine exactly as declared, and the only source of what filters, facets and sorts read.
/// (The Elasticsearch side is in <c>EsFieldDeclarationTests</c>.)
/// </summary>
public sealed class IndexFieldDeclarationTests
{
    private static readonly HashSet<string> LuceneTextFields =
        [LuceneText.All, LuceneText.AllPairs, LuceneText.Head, LuceneText.HeadPairs, LuceneText.BodyPairs];

    [Fact]
    public void Names_are_unique_and_every_name_finds_its_declaration()
    {
        Assert.Equal(IndexFields.All.Count, IndexFields.All.Select(f => f.Name).Distinct().Count());
        Assert.All(IndexFields.All, f => Assert.Same(f, IndexFields.Get(f.Name)));
        Assert.Throws<ArgumentException>(() => IndexFields.Get("colour"));
    }

    [Fact]
    public void Doc_values_stored_and_unindexed_fields_fit_their_kind()
    {
        foreach (var field in IndexFields.All)
        {
            var allowed = field.Kind switch
            {
                IndexFieldKind.Keyword when !field.MultiValued => [IndexDocValues.None, IndexDocValues.Sorted, IndexDocValues.SortedSet],
                IndexFieldKind.Keyword => [IndexDocValues.None, IndexDocValues.SortedSet],
                IndexFieldKind.Int32 or IndexFieldKind.Int64 or IndexFieldKind.EpochMillis => [IndexDocValues.None, IndexDocValues.Numeric, IndexDocValues.SortedSet],
                _ => new[] { IndexDocValues.None },
            };
            Assert.Contains(field.DocValues, allowed);
            if (field.Stored) Assert.Contains(field.Kind, new[] { IndexFieldKind.Keyword, IndexFieldKind.Source });
            // A field without terms must at least keep doc values (or be the stored record).
            if (!field.Indexed) Assert.True(field.DocValues != IndexDocValues.None || field.Kind == IndexFieldKind.Source, field.ToString());
            Assert.Equal(field.Kind == IndexFieldKind.Text, field.Part is not null);
        }
    }

    [Fact]
    public void Text_fields_are_declared_in_order_of_weight_with_their_part()
    {
        Assert.Equal(SearchFields.TextFields, IndexFields.Text.Select(f => f.Name));
        Assert.Equal([SearchFields.Title, SearchFields.Keywords, SearchFields.Summary, SearchFields.PlainSummary, SearchFields.OrganizationName, TextLayout.Places, SearchFields.Body],
            SearchFields.TextFields);
        Assert.Equal([TextPart.Head, TextPart.Head, TextPart.Text, TextPart.Text, TextPart.Text, TextPart.Text, TextPart.Body], IndexFields.Text.Select(f => f.Part!.Value));
        Assert.Equal(["Nghiên cứu chọn tạo giống lúa chịu mặn", "giống lúa", "chịu mặn", "Tạo giống lúa cho vùng ven biển.",
            "Lúa mới trồng được ở ruộng nhiễm mặn.", "Viện Lúa Đồng bằng sông Cửu Long", "Rice breeding", "Mục tiêu: hai giống mới"],
            IndexFields.Text.SelectMany(f => f.Strings(FullSearchDocument.Value)));
    }

    [Fact]
    public void The_lucene_document_holds_every_declared_field_with_its_doc_values_and_nothing_undeclared()
    {
        var document = LuceneDocumentMapper.ToLucene(FullSearchDocument.Value);
        var fields = document.Fields.Where(f => !LuceneTextFields.Contains(f.Name)).ToLookup(f => f.Name);
        var declared = IndexFields.All.Where(f => f.Kind != IndexFieldKind.Text).ToList();
        Assert.Equal(declared.Select(f => f.Name).Order(StringComparer.Ordinal), fields.Select(g => g.Key).Order(StringComparer.Ordinal));
        foreach (var field in declared)
        {
            var written = fields[field.Name].ToList();
            var docValues = written.Select(f => f.IndexableFieldType.DocValueType).Where(t => t != DocValuesType.NONE).Distinct();
            Assert.Equal(field.DocValues switch
            {
                IndexDocValues.Sorted => [DocValuesType.SORTED],
                IndexDocValues.SortedSet => [DocValuesType.SORTED_SET],
                IndexDocValues.Numeric => [DocValuesType.NUMERIC],
                _ => Array.Empty<DocValuesType>(),
            }, docValues);
            Assert.Equal(field.Indexed, written.Any(f => f.IndexableFieldType.IsIndexed));
            Assert.Equal(field.Stored, written.Any(f => f.IndexableFieldType.IsStored));
            var numeric = written.Select(f => f.IndexableFieldType).OfType<FieldType>().Select(t => t.NumericType).Where(t => t != NumericType.NONE);
            Assert.Equal(field.Kind switch
            {
                IndexFieldKind.Int32 => [NumericType.INT32],
                IndexFieldKind.Int64 or IndexFieldKind.EpochMillis => [NumericType.INT64],
                _ => Array.Empty<NumericType>(),
            }, numeric.Distinct());
        }
    }

    [Fact]
    public void Filters_read_declared_fields_terms_from_keywords_and_flags_bounds_from_numbers()
    {
        foreach (var filter in SearchFilters.All)
        {
            Assert.Contains(filter.Field, IndexFields.All);
            Assert.Equal(filter.Field.Name, filter.IndexField);
            if (!filter.IsRange)
            {
                Assert.Contains(filter.Field.Kind, new[] { IndexFieldKind.Keyword, IndexFieldKind.Boolean });
                Assert.True(filter.Field.Indexed, filter.Name);
            }
            else Assert.True(filter.Field.IsNumeric, filter.Name);
        }
    }

    [Fact]
    public void Facets_count_declared_fields_that_keep_sorted_set_doc_values() =>
        Assert.All(SearchFacets.All, facet =>
        {
            Assert.Contains(facet.Field, IndexFields.All);
            Assert.Equal(facet.Field.Name, facet.IndexField);
            Assert.Equal(IndexDocValues.SortedSet, facet.Field.DocValues);
        });

    [Fact]
    public void Sorts_read_numeric_doc_values_of_declared_fields_at_their_declared_width()
    {
        foreach (var by in Enum.GetValues<SortBy>())
        {
            var field = IndexFields.SortedBy(by);
            Assert.Contains(field, IndexFields.All);
            Assert.True(field.IsNumeric, by.ToString());
            Assert.Equal(IndexDocValues.Numeric, field.DocValues);
            var primary = LuceneSorting.Build(new SearchSort(by, SortDirection.Descending), hasQuery: false).GetSort()[0];
            Assert.Equal(field.Name, primary.Field);
            Assert.Equal(field.Kind == IndexFieldKind.Int32 ? LuceneSortFieldType.INT32 : LuceneSortFieldType.INT64, primary.Type);
        }
        Assert.Same(IndexFields.StartDay, IndexFields.SortedBy(SortBy.Newest));
        Assert.Same(IndexFields.UpdatedAt, IndexFields.SortedBy(SortBy.Updated));
    }
}
