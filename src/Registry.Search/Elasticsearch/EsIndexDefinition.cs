using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Registry.Search.Analysis;
using Registry.Search.Model;
using IndexField = Registry.Search.Model.IndexField;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Settings and the explicit mapping of a versioned task index. <c>dynamic: strict</c> makes a document with an
/// unexpected field fail loudly instead of silently growing the mapping; keyword fields serve filters, facets
/// and sorts; every text field has an original (lowercase, diacritics kept) main field and folded and shingle
/// sub-fields; the public record is stored under <see cref="F.Source"/> without being indexed.
/// </summary>
internal static class EsIndexDefinition
{
    /// <summary>The body of <c>PUT /{index}</c>.</summary>
    /// <param name="bulkLoad">True for a rebuild: no refresh until the load completes.</param>
    public static CreateIndexRequest Create(string index, SynonymDictionary synonyms, bool bulkLoad) => new(index)
    {
        Settings = new IndexSettings
        {
            NumberOfShards = 1,
            RefreshInterval = bulkLoad ? Duration.MinusOne : LiveRefreshInterval,
            Analysis = EsAnalysis.Settings(synonyms),
        },
        Mappings = Mapping(),
    };

    /// <summary>The refresh interval of a live index: "searchable within about a second".</summary>
    public static Duration LiveRefreshInterval => new("1s");

    /// <summary>One property per declared field (<see cref="IndexFields"/>); a Lucene-only split of a field shares
    /// that field's property.</summary>
    public static TypeMapping Mapping()
    {
        var properties = new Properties();
        foreach (var field in IndexFields.All.Where(f => f.ElasticsearchName == f.Name))
            properties[field.Name] = Property(field);
        return new TypeMapping { Dynamic = DynamicMapping.Strict, Properties = properties };
    }

    private static IProperty Property(IndexField field) => field.Kind switch
    {
        IndexFieldKind.Text => Text(field.Name),
        IndexFieldKind.Keyword or IndexFieldKind.Suggestion => new KeywordProperty(),
        IndexFieldKind.Int32 => new IntegerNumberProperty(),
        IndexFieldKind.Int64 => new LongNumberProperty(),
        IndexFieldKind.EpochMillis => new DateProperty { Format = "epoch_millis" },
        IndexFieldKind.Boolean => new BooleanProperty(),
        IndexFieldKind.Source => new ObjectProperty { Enabled = false },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, null),
    };

    /// <summary>Original text (precision) with a folded (recall) sub-field and, except for the long body (as in
    /// the Lucene engine, see <see cref="F.HasShingles"/>), two-syllable shingle sub-fields.</summary>
    private static TextProperty Text(string field)
    {
        var fields = new Properties
        {
            [EsAnalysis.FoldedSub] = new TextProperty { Analyzer = EsAnalysis.Folded, SearchAnalyzer = EsAnalysis.FoldedSynonyms },
        };
        if (F.HasShingles(field))
        {
            fields[EsAnalysis.ShingleSub] = new TextProperty { Analyzer = EsAnalysis.OriginalShingles };
            fields[EsAnalysis.FoldedShingleSub] = new TextProperty { Analyzer = EsAnalysis.FoldedShingles };
        }
        return new TextProperty { Analyzer = EsAnalysis.Original, Fields = fields };
    }
}
