using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Analyzers built only from stock Elasticsearch parts (no ICU plugin) that index the Lucene engine's layout
/// (<see cref="TextLayout"/>): a <c>char_group</c> tokenizer splitting on whitespace, punctuation and symbols (letters,
/// digits and combining marks stay in tokens, like <see cref="VietnameseText.IsTokenChar"/>), then <c>lowercase</c>.
/// Word fields stack both forms of each word (<c>asciifolding</c> with <c>preserve_original</c>: the original and, at
/// the same position when different, the folded form); pair fields hold two-word shingles of the original words, and
/// in their <see cref="FoldedSub"/> sub-field shingles of the folded words. NFC and tone placement are done in C#
/// before documents and queries are sent (<see cref="VietnameseText.Normalize"/>): stock Elasticsearch has no Unicode
/// normaliser without the ICU plugin, and NFD input would otherwise fold differently.
/// </summary>
internal static class EsAnalysis
{
    public const string Tokenizer = "registry_words";
    /// <summary>Index analyzer of the word fields: each word as written and folded, at one position.</summary>
    public const string BothForms = "registry_both_forms";
    /// <summary>Search analyzer of the word fields, for ad-hoc <c>match</c> queries: words as typed plus the synonyms
    /// of their exact spellings. The engine's own queries send terms already analysed in C#.</summary>
    public const string ExactSynonyms = "registry_exact_synonyms";
    public const string Pairs = "registry_pairs";
    public const string FoldedPairs = "registry_folded_pairs";
    /// <summary>Folded words only: the "like" text of related-task queries.</summary>
    public const string Folded = "registry_folded";
    public const string FoldingFilter = "registry_asciifolding";
    public const string BothFormsFilter = "registry_asciifolding_both";
    public const string ShingleFilter = "registry_shingle";
    public const string SynonymFilter = "registry_synonyms";

    /// <summary>The sub-field of a pair field holding folded pairs.</summary>
    public const string FoldedSub = "f";

    /// <summary>The pair field a pair is looked up in: typed with a mark anywhere, the original pairs; without any, the
    /// folded ones (see <see cref="TextLayout.PairTerms"/>).</summary>
    public static string PairField(string field, string pair) =>
        TokenPhrase.IsMarked(pair) ? field : field + "." + FoldedSub;

    /// <param name="vietnameseWords">Adds the plugin's analyzers (<see cref="EsVietnameseWords"/>).</param>
    public static IndexSettingsAnalysis Settings(SynonymDictionary synonyms, bool vietnameseWords = false)
    {
        var analysis = Stock(synonyms);
        if (vietnameseWords) EsVietnameseWords.AddTo(analysis);
        return analysis;
    }

    private static IndexSettingsAnalysis Stock(SynonymDictionary synonyms) => new()
    {
        Tokenizers = new Tokenizers
        {
            [Tokenizer] = new CharGroupTokenizer { TokenizeOnChars = ["whitespace", "punctuation", "symbol"], MaxTokenLength = 255 },
        },
        TokenFilters = new TokenFilters
        {
            [FoldingFilter] = new AsciiFoldingTokenFilter { PreserveOriginal = false },
            [BothFormsFilter] = new AsciiFoldingTokenFilter { PreserveOriginal = true },
            [ShingleFilter] = new ShingleTokenFilter { MinShingleSize = 2, MaxShingleSize = 2, OutputUnigrams = false },
            [SynonymFilter] = new SynonymGraphTokenFilter { Synonyms = SynonymRules(synonyms), Lenient = true },
        },
        Analyzers = new Analyzers
        {
            [BothForms] = Custom("lowercase", BothFormsFilter),
            [ExactSynonyms] = Custom("lowercase", SynonymFilter),
            [Pairs] = Custom("lowercase", ShingleFilter),
            [FoldedPairs] = Custom("lowercase", FoldingFilter, ShingleFilter),
            [Folded] = Custom("lowercase", FoldingFilter),
        },
    };

    /// <summary>
    /// The embedded vocabulary as explicit Solr rules on exact spellings (lowercase, marks kept), "from =&gt; from,
    /// to…": the phrase keeps matching itself, one-way rules ("a =&gt; b") stay one-way, and "chè" never expands from
    /// the "che" of another word. The same rules the engines apply to parsed queries (<see cref="SynonymDictionary"/>).
    /// </summary>
    public static List<string> SynonymRules(SynonymDictionary synonyms) =>
        synonyms.Rules
            .Select(r => (From: Words(r.From), To: r.To.Select(Words).Prepend(Words(r.From)).Where(w => w.Length > 0).Distinct().ToList()))
            .Where(r => r.From.Length > 0 && r.To.Count > 1)
            .Select(r => $"{r.From} => {string.Join(", ", r.To)}")
            .Distinct()
            .ToList();

    private static string Words(TokenPhrase phrase) => string.Join(' ', phrase.Original.Select(w => w.ToLowerInvariant()));

    private static CustomAnalyzer Custom(params string[] filters) => new() { Tokenizer = Tokenizer, Filter = filters };
}
