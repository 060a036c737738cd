using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>Splits on anything but letters, digits and combining marks (so NFD input stays whole).</summary>
public sealed class VietnameseTokenizer(TextReader input) : CharTokenizer(LuceneIndex.Version, input)
{
    protected override bool IsTokenChar(int c) => VietnameseText.IsTokenChar(c);
}

/// <summary>NFC, lowercase and canonical tone placement of each token (offsets stay on the original text).</summary>
public sealed class VietnameseNormalizationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public VietnameseNormalizationFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    /// <summary>Works on the term buffer: ASCII tokens (most of them) are lowercased in place, others looked up in a
    /// cache of normalised forms, so a token costs no string allocation (this filter runs on every indexed word).</summary>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var term = _term.Buffer.AsSpan(0, _term.Length);
        if (System.Text.Ascii.IsValid(term))
        {
            System.Text.Ascii.ToLowerInPlace(term, out _);
            return true;
        }
        var normalized = VietnameseText.NormalizeNonAsciiToken(term);
        if (!term.SequenceEqual(normalized)) _term.SetEmpty().Append(normalized);
        return true;
    }
}

/// <summary>
/// Index-time analysis by field name: original (normalised, with diacritics), or folded for names ending in
/// <see cref="SearchFields.FoldedSuffix"/> (+ ASCII folding after NFC). The engine's own text fields are fed
/// pre-analysed words (<see cref="LuceneText"/>, the same forms); this analyzer serves the highlighter, "related
/// tasks" and the position gap between the values of a text field.
/// </summary>
public sealed class VietnameseIndexAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    /// <summary>Field names ending so get each word's original form and, at the same position, its folded form
    /// (as <see cref="LuceneText.All"/> holds them; the highlighter reads text this way).</summary>
    public const string BothFormsSuffix = "_both";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        TokenStream stream = new VietnameseNormalizationFilter(tokenizer);
        if (fieldName.EndsWith(SearchFields.FoldedSuffix, StringComparison.Ordinal)) stream = new ASCIIFoldingFilter(stream);
        else if (fieldName.EndsWith(BothFormsSuffix, StringComparison.Ordinal)) stream = new ASCIIFoldingFilter(stream, preserveOriginal: true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The texts of one task in <see cref="LuceneText.All"/> are several values: no phrase spans two of them.</summary>
    public override int GetPositionIncrementGap(string fieldName) =>
        fieldName is LuceneText.All or LuceneText.Head ? LuceneText.ValueGap : base.GetPositionIncrementGap(fieldName);
}

internal static class LuceneIndex
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}

/// <summary>
/// Stacks the Telex decoding of a token on top of it (same position), so "vieejt" also matches "việt".
/// Only tokens that are not plausible syllables and decode to one are touched (see <see cref="TelexDecoder"/>).
/// </summary>
public sealed class TelexDecodingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private string? _pending;
    private State? _state;

    public TelexDecodingFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending);
            _position.PositionIncrement = 0;
            _pending = null;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        _pending = TelexDecoder.TryDecode(_term.ToString());
        if (_pending is not null) _state = CaptureState();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _state = null;
    }
}

/// <summary>
/// Query-time analysis for callers that analyse text with Lucene rather than through <c>QueryText</c>
/// (e.g. a query-string field of a tool): tokenizer, normalisation, Telex decoding, and folding for folded fields.
/// Synonyms and phrases are handled by <c>QueryText</c>, which the engine's own query path uses.
/// </summary>
public sealed class VietnameseQueryAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        TokenStream stream = new TelexDecodingFilter(new VietnameseNormalizationFilter(tokenizer));
        if (fieldName.EndsWith(SearchFields.FoldedSuffix, StringComparison.Ordinal)) stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
