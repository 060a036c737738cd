using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Registry.Search.Analysis;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Analyzers built only from stock Elasticsearch parts (no ICU plugin), giving the forms of the Lucene engine's
/// analysis (<c>VietnameseIndexAnalyzer</c>, <c>LuceneText</c>):
/// a <c>char_group</c> tokenizer splitting on whitespace, punctuation and symbols (letters, digits and combining
/// marks stay in tokens, like <see cref="VietnameseText.IsTokenChar"/>), then <c>lowercase</c>; the folded variant
/// adds <c>asciifolding</c> (đ → d included); shingle variants add two-syllable shingles. NFC and tone placement
/// are done in C# before documents and queries are sent (<see cref="VietnameseText.Normalize"/>): stock
/// Elasticsearch has no Unicode normaliser without the ICU plugin, and NFD input would otherwise fold differently.
/// </summary>
internal static class EsAnalysis
{
    public const string Tokenizer = "registry_words";
    public const string Original = "registry_original";
    public const string Folded = "registry_folded";
    public const string OriginalShingles = "registry_original_shingles";
    public const string FoldedShingles = "registry_folded_shingles";
    /// <summary>Search analyzer of the folded sub-fields: <see cref="Folded"/> plus the project's synonyms.</summary>
    public const string FoldedSynonyms = "registry_folded_synonyms";
    public const string ShingleFilter = "registry_shingle";
    public const string FoldingFilter = "registry_asciifolding";
    public const string SynonymFilter = "registry_synonyms";

    /// <summary>Sub-field names of every analysed text field (from the shared suffixes: "_f" → "f").</summary>
    public static readonly string FoldedSub = F.FoldedSuffix.TrimStart('_');
    public static readonly string ShingleSub = F.ShingleSuffix.TrimStart('_');
    public static readonly string FoldedShingleSub = F.FoldedShingleSuffix.TrimStart('_');

    public static string FoldedField(string field) => field + "." + FoldedSub;
    public static string ShingleField(string field) => field + "." + ShingleSub;
    public static string FoldedShingleField(string field) => field + "." + FoldedShingleSub;

    public static IndexSettingsAnalysis Settings(SynonymDictionary synonyms) => new()
    {
        Tokenizers = new Tokenizers
        {
            [Tokenizer] = new CharGroupTokenizer { TokenizeOnChars = ["whitespace", "punctuation", "symbol"], MaxTokenLength = 255 },
        },
        TokenFilters = new TokenFilters
        {
            [FoldingFilter] = new AsciiFoldingTokenFilter { PreserveOriginal = false },
            [ShingleFilter] = new ShingleTokenFilter { MinShingleSize = 2, MaxShingleSize = 2, OutputUnigrams = false },
            [SynonymFilter] = new SynonymGraphTokenFilter { Synonyms = SynonymRules(synonyms), Lenient = true },
        },
        Analyzers = new Analyzers
        {
            [Original] = Custom("lowercase"),
            [Folded] = Custom("lowercase", FoldingFilter),
            [OriginalShingles] = Custom("lowercase", ShingleFilter),
            [FoldedShingles] = Custom("lowercase", FoldingFilter, ShingleFilter),
            [FoldedSynonyms] = Custom("lowercase", FoldingFilter, SynonymFilter),
        },
    };

    /// <summary>
    /// The embedded dictionary as explicit Solr rules on folded words, "from =&gt; from, to…": the phrase keeps
    /// matching itself, and one-way rules ("a =&gt; b") stay one-way.
    /// </summary>
    public static List<string> SynonymRules(SynonymDictionary synonyms) =>
        synonyms.Rules
            .Select(r => (From: Words(r.From), To: r.To.Select(Words).Prepend(Words(r.From)).Where(w => w.Length > 0).Distinct().ToList()))
            .Where(r => r.From.Length > 0 && r.To.Count > 1)
            .Select(r => $"{r.From} => {string.Join(", ", r.To)}")
            .Distinct()
            .ToList();

    private static string Words(TokenPhrase phrase) => string.Join(' ', phrase.Folded.Select(w => w.ToLowerInvariant()));

    private static CustomAnalyzer Custom(params string[] filters) => new() { Tokenizer = Tokenizer, Filter = filters };
}
