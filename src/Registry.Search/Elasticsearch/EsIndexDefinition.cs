using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Settings and the explicit mapping of a versioned task index. <c>dynamic: strict</c> makes a document with an
/// unexpected field fail loudly instead of silently growing the mapping; keyword fields serve filters, facets
/// and sorts; the source texts are copied (<c>copy_to</c>) into the search fields of <see cref="TextLayout"/>, the same
/// layout as the Lucene engine; the public record is stored under <see cref="F.Source"/> without being indexed.
/// The layout is recorded in the mapping's <c>_meta</c> (<see cref="Layout"/>), so an index of another layout is
/// replaced rather than searched wrongly.
/// </summary>
internal static class EsIndexDefinition
{
    /// <summary>The body of <c>PUT /{index}</c>.</summary>
    /// <param name="bulkLoad">True for a rebuild: no refresh until the load completes.</param>
    /// <param name="vietnameseWords">Adds the plugin's sub-fields (<see cref="EsVietnameseWords"/>).</param>
    public static CreateIndexRequest Create(string index, SynonymDictionary synonyms, bool bulkLoad, bool vietnameseWords = false) => new(index)
    {
        Settings = new IndexSettings
        {
            NumberOfShards = 1,
            RefreshInterval = bulkLoad ? Duration.MinusOne : LiveRefreshInterval,
            Analysis = EsAnalysis.Settings(synonyms, vietnameseWords),
        },
        Mappings = Mapping(vietnameseWords),
    };

    /// <summary>The refresh interval of a live index: "searchable within about a second".</summary>
    public static Duration LiveRefreshInterval => new("1s");

    /// <summary>
    /// The text layout this code writes and queries, kept in the mapping's <c>_meta</c>. Bump it whenever text fields
    /// change their analysis or meaning. It is the Lucene engine's number because both engines write the one
    /// <see cref="TextLayout"/>.
    /// </summary>
    internal const string Layout = "7";
    internal const string LayoutKey = "registry.layout";

    /// <summary>The layout marker of an index, which also says whether it has the plugin's sub-fields.</summary>
    public static string LayoutOf(bool vietnameseWords) => vietnameseWords ? Layout + "+vi" : Layout;

    /// <summary>One property per declared field (<see cref="IndexFields"/>; a Lucene-only split of a field shares that
    /// field's property), the text fields of <see cref="TextLayout"/>, and the layout marker.</summary>
    public static TypeMapping Mapping(bool vietnameseWords = false)
    {
        var properties = new Properties();
        foreach (var field in IndexFields.All.Where(f => f.ElasticsearchName == f.Name && f.Kind != IndexFieldKind.Text))
            properties[field.Name] = Property(field);
        AddText(properties);
        if (vietnameseWords) ((TextProperty)properties[TextLayout.Head]).Fields = EsVietnameseWords.SubFields();
        return new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Meta = new Dictionary<string, object> { [LayoutKey] = LayoutOf(vietnameseWords) },
            Properties = properties,
        };
    }

    private static IProperty Property(Model.IndexField field) => field.Kind switch
    {
        IndexFieldKind.Keyword or IndexFieldKind.Suggestion => new KeywordProperty(),
        IndexFieldKind.Int32 => new IntegerNumberProperty(),
        IndexFieldKind.Int64 => new LongNumberProperty(),
        IndexFieldKind.EpochMillis => new DateProperty { Format = "epoch_millis" },
        IndexFieldKind.Boolean => new BooleanProperty(),
        IndexFieldKind.Source => new ObjectProperty { Enabled = false },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, null),
    };

    /// <summary>Source texts whose hits are highlighted: they stay searchable on their own (both forms).</summary>
    private static readonly HashSet<string> Highlighted = [F.Title, F.Summary];

    /// <summary>
    /// The source texts, each copied into the fields of its part (<see cref="TextLayout.Fields"/>), and those fields:
    /// word fields with both forms of every word at one position (positions kept, for words side by side typed half
    /// with marks), pair fields with original pairs and folded pairs in a sub-field (frequencies only: a pair is one
    /// term). Sources other than the highlighted title and summary are not indexed themselves.
    /// </summary>
    private static void AddText(Properties properties)
    {
        foreach (var (source, part) in TextLayout.Sources)
            properties[source] = new TextProperty
            {
                Analyzer = EsAnalysis.BothForms,
                SearchAnalyzer = EsAnalysis.ExactSynonyms,
                Index = Highlighted.Contains(source) ? null : false,
                CopyTo = TextLayout.Fields(part).Select(f => (Field)f).ToArray(),
            };
        properties[TextLayout.All] = Words();
        properties[TextLayout.Head] = Words();
        properties[TextLayout.AllPairs] = Pairs();
        properties[TextLayout.BodyPairs] = Pairs();
        properties[TextLayout.HeadPairs] = Pairs();
    }

    private static TextProperty Words() => new()
    {
        Analyzer = EsAnalysis.BothForms,
        SearchAnalyzer = EsAnalysis.ExactSynonyms,
        IndexOptions = IndexOptions.Freqs,
    };

    private static TextProperty Pairs() => new()
    {
        Analyzer = EsAnalysis.Pairs,
        IndexOptions = IndexOptions.Freqs,
        Fields = new Properties
        {
            [EsAnalysis.FoldedSub] = new TextProperty { Analyzer = EsAnalysis.FoldedPairs, IndexOptions = IndexOptions.Freqs },
        },
    };
}
