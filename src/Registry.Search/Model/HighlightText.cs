namespace Registry.Search.Model;

/// <summary>How both engines write a highlight snippet: the text HTML-encoded, the matches in <c>&lt;mark&gt;</c>.</summary>
public static class HighlightText
{
    /// <summary>Encodes only what HTML needs (&amp; &lt; &gt; &quot; &#39;), leaving Vietnamese letters readable.</summary>
    public static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
