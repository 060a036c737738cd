using Lucene.Net.Documents;
using Lucene.Net.Index;
using Registry.Search.Lucene;
using Registry.Search.Tests.Model;

namespace Registry.Search.Tests.Lucene;

/// <summary>
/// The Lucene fields of one task other than text, written out in full: an existing index stays readable only
/// while these keep their names, types, stored flags and doc values (a change needs a new layout number).
/// </summary>
public sealed class LuceneFieldLayoutTests
{
    private static readonly HashSet<string> TextFields =
        [LuceneText.All, LuceneText.AllPairs, LuceneText.Head, LuceneText.HeadPairs, LuceneText.BodyPairs];

    [Fact]
    public void Keyword_numeric_stored_and_doc_values_fields_are_those_of_layout_5()
    {
        var document = LuceneDocumentMapper.ToLucene(FullSearchDocument.Value);
        var described = document.Fields.Where(f => !TextFields.Contains(f.Name)).Select(Describe)
            .Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            "budget Int64Field indexed numeric=INT64 1500000000",
            "budget NumericDocValuesField dv=NUMERIC 1500000000",
            "code StringField indexed ĐT-2024-40101",
            "codeKey StringField indexed dt202440101",
            "endDay Int32Field indexed numeric=INT32 739616",
            "endDay NumericDocValuesField dv=NUMERIC 739616",
            "field SortedSetDocValuesField dv=SORTED_SET 4",
            "field StringField indexed 4",
            "fieldPrefix StringField indexed 4",
            "fieldPrefix StringField indexed 401",
            "fieldPrefix StringField indexed 40101",
            "id SortedDocValuesField dv=SORTED t-full-1",
            "id StringField indexed stored t-full-1",
            "kind SortedSetDocValuesField dv=SORTED_SET researchProject",
            "kind StringField indexed researchProject",
            "level SortedSetDocValuesField dv=SORTED_SET provincial",
            "level StringField indexed provincial",
            "orgFacet SortedSetDocValuesField dv=SORTED_SET org_3f9a\u001FViện Lúa Đồng bằng sông Cửu Long",
            "orgId StringField indexed org_3f9a",
            "sector SortedSetDocValuesField dv=SORTED_SET 401",
            "sector StringField indexed 401",
            "source StoredField stored " + FullSearchDocument.Value.SourceJson,
            "startDay Int32Field indexed numeric=INT32 738886",
            "startDay NumericDocValuesField dv=NUMERIC 738886",
            "status SortedSetDocValuesField dv=SORTED_SET accepted",
            "status StringField indexed accepted",
            "transferable StringField indexed true",
            "updatedAt Int64Field indexed numeric=INT64 1764547200000",
            "updatedAt NumericDocValuesField dv=NUMERIC 1764547200000",
            "year Int32Field indexed numeric=INT32 2024",
            "year SortedSetDocValuesField dv=SORTED_SET 2024",
        ];
        Assert.Equal(expected, described.Where(d => !d.StartsWith("suggest", StringComparison.Ordinal)));
        // Suggestion terms: one from the title start, one per word start of each keyword and of the organisation.
        Assert.Single(described, d => d.StartsWith("suggestTitle StringField indexed nghien cuu chon tao giong lua chiu man\u001F", StringComparison.Ordinal));
        Assert.Equal(2 + 2 + 7, described.Count(d => d.StartsWith("suggest StringField indexed ", StringComparison.Ordinal)));
    }

    private static string Describe(IIndexableField field)
    {
        var type = field.IndexableFieldType;
        var parts = new List<string> { field.Name, field.GetType().Name };
        if (type.IsIndexed) parts.Add("indexed");
        if (type.IsStored) parts.Add("stored");
        if (type is FieldType { NumericType: not NumericType.NONE } numeric) parts.Add("numeric=" + numeric.NumericType);
        if (type.DocValueType != DocValuesType.NONE) parts.Add("dv=" + type.DocValueType);
        parts.Add(field.GetStringValue() ?? field.GetBinaryValue()?.Utf8ToString() ?? (field.GetInt64Value() ?? field.GetInt32Value())?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return string.Join(' ', parts);
    }
}
