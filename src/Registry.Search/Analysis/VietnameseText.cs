using System.Globalization;
using System.Text;
using Registry.Data.Validation;

namespace Registry.Search.Analysis;

/// <summary>
/// The analysis steps as plain functions, shared by the Lucene analyzers, the query builder and the
/// Elasticsearch engine. Mapping to Elasticsearch analyzer settings:
/// <list type="bullet">
/// <item>NFC + tone placement: done here before indexing (<see cref="Normalize"/> on every text of
/// <c>SearchDocument</c>) and before querying (<see cref="NormalizeToken"/>), so ES needs no plugin.</item>
/// <item>Tokenizer (<see cref="IsTokenChar"/>: letters, digits, combining marks): ES <c>char_group</c> tokenizer
/// splitting on whitespace and punctuation, or <c>standard</c>.</item>
/// <item>Original field: <c>lowercase</c>. Folded field: <c>lowercase</c> + <c>asciifolding</c> (<see cref="Fold"/>).</item>
/// <item>Shingle fields: add <c>shingle</c> (min 2, max 2, output_unigrams false) after the above.</item>
/// <item>Telex decoding and synonyms are query-time expansions built in C# (<c>QueryText</c>), not ES filters.</item>
/// </list>
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC and canonical tone placement, case kept: the form stored in every text field. Characters Unicode
    /// normalisation refuses (lone surrogates, noncharacters) are cleaned first, as on write, so text stored before
    /// that rule can still be indexed.
    /// </summary>
    public static string Normalize(string text) =>
        string.IsNullOrEmpty(text) ? "" : ToneMarks.Canonicalize(TextHygiene.Clean(text).Normalize(NormalizationForm.FormC));

    private static readonly TokenCache NormalizedTokens = new(token =>
        ToneMarks.Canonicalize(TextHygiene.Clean(token).Normalize(NormalizationForm.FormC).ToLowerInvariant()));

    private static readonly TokenCache FoldedTokens = new(token => Folding.Fold(NormalizeToken(token)));

    /// <summary>The original-with-diacritics index form of one token: NFC, lowercase, canonical tone.</summary>
    public static string NormalizeToken(string token) =>
        Ascii.IsValid(token)
            ? token.ToLowerInvariant()   // most tokens: nothing to compose and no tone to move
            : NormalizedTokens.Get(token);

    /// <summary>
    /// <see cref="NormalizeToken(string)"/> of a non-ASCII token held in a buffer (the Lucene filter's term), without
    /// allocating when the token has been seen before.
    /// </summary>
    internal static string NormalizeNonAsciiToken(ReadOnlySpan<char> token) => NormalizedTokens.Get(token);

    /// <summary>The folded index form of one token (from any form: NFD is normalised first).</summary>
    public static string FoldToken(string token) =>
        Ascii.IsValid(token) ? token.ToLowerInvariant() : FoldedTokens.Get(token);

    public static string Fold(string text) => Folding.Fold(TextHygiene.Clean(text).Normalize(NormalizationForm.FormC));

    /// <summary>Letters, digits and combining marks (so NFD input stays in one token) make up tokens.</summary>
    public static bool IsTokenChar(int c) =>
        c > char.MaxValue
            ? char.IsLetterOrDigit(char.ConvertFromUtf32(c), 0)
            : char.IsLetterOrDigit((char)c) || CharUnicodeInfo.GetUnicodeCategory((char)c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Splits text into raw tokens the way the Lucene tokenizer does.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (IsTokenChar(c)) { sb.Append(c); continue; }
            if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>A task code folded, lowercased and reduced to letters and digits ("ĐT-2024-40101-PT" → "dt202440101pt").</summary>
    public static string CodeKey(string code) =>
        string.Concat(Fold(code).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit));
}
