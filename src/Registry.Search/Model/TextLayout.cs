namespace Registry.Search.Model;

/// <summary>
/// The text fields both engines search (layout 6), declared once: <see cref="All"/> holds every text of a task, each
/// word in its original form (NFC, lowercase, canonical tone) and, at the same position when different, its folded
/// form; <see cref="Head"/> the title and keywords the same way; the pair fields hold each two adjacent words of a
/// text as one term, in both forms: <see cref="AllPairs"/> for every text but the body, <see cref="BodyPairs"/> for
/// the body, <see cref="HeadPairs"/> for the title and keywords. The Lucene engine writes them from its own token
/// streams (<c>LuceneText</c>); the Elasticsearch engine fills them by <c>copy_to</c> from the source texts
/// (<c>EsIndexDefinition</c>).
/// </summary>
public static class TextLayout
{
    public const string All = "text";
    /// <summary>Pairs of every text but the body.</summary>
    public const string AllPairs = "text_p";
    public const string Head = "head";
    public const string HeadPairs = "head_p";
    /// <summary>Pairs of the body: they let words side by side match in the long texts, but add no pair bonus.</summary>
    public const string BodyPairs = "body_p";

    /// <summary>The host's province and commune, searchable as text (<see cref="SearchDocument.Places"/>).</summary>
    public const string Places = "places";

    /// <summary>Position gap between two texts of one field, so words never match side by side across two texts.</summary>
    public const int ValueGap = 100;

    /// <summary>The source texts of a task in order of weight, with their part: the text fields of the declaration
    /// (<see cref="IndexFields.Text"/>).</summary>
    public static IReadOnlyList<(string Source, TextPart Part)> Sources { get; } =
        IndexFields.Text.Select(f => (f.Name, f.Part!.Value)).ToList();

    /// <summary>The fields a text of this part goes to.</summary>
    public static IReadOnlyList<string> Fields(TextPart part) => part switch
    {
        TextPart.Head => [All, AllPairs, Head, HeadPairs],
        TextPart.Text => [All, AllPairs],
        _ => [All, BodyPairs],
    };

    /// <summary>
    /// "a b" for each two adjacent words as typed. The pair fields hold each pair's original form and its folded
    /// form, so a pair typed all without marks matches every spelling and one with marks its spelling. A word without
    /// marks beside one with them ("nghệ sinh" in "công nghệ sinh học") is read as written: most Vietnamese syllables
    /// of a phrase typed with marks have none ("sinh", "tin", "an").
    /// </summary>
    public static IReadOnlyList<string> PairTerms(IReadOnlyList<string> terms)
    {
        var pairs = new List<string>(Math.Max(0, terms.Count - 1));
        for (var i = 0; i + 1 < terms.Count; i++) pairs.Add(terms[i] + " " + terms[i + 1]);
        return pairs;
    }
}
