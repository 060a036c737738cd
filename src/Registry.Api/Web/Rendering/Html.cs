using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Registry.Api.Web.Rendering;

/// <summary>HTML that is already safe to write: produced by <see cref="Html.Of"/> or a trusted literal.</summary>
public readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new("");

    public override string ToString() => Value;
}

/// <summary>
/// Builds HTML from interpolated strings where every hole is encoded unless it is <see cref="Markup"/>:
/// forgetting to encode user text is impossible by construction.
/// </summary>
public static class Html
{
    public static Markup Of(ref HtmlHandler html) => html.ToMarkup();

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup When(bool condition, Markup markup) => condition ? markup : Markup.Empty;

    /// <summary>Encodes <c>&amp; &lt; &gt; " '</c> only, so Vietnamese letters stay readable in the page source.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// A search engine snippet: only <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c> survive; every other piece is
    /// decoded and encoded again, so a snippet cannot carry markup even if an engine forgot to encode.
    /// </summary>
    public static Markup Highlight(string snippet)
    {
        var sb = new StringBuilder(snippet.Length + 16);
        var open = false;
        var rest = snippet.AsSpan();
        while (rest.Length > 0)
        {
            var tag = open ? "</mark>" : "<mark>";
            var at = rest.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
            var text = at < 0 ? rest : rest[..at];
            sb.Append(Encode(WebUtility.HtmlDecode(text.ToString())));
            if (at < 0) break;
            sb.Append(tag);
            open = !open;
            rest = rest[(at + tag.Length)..];
        }
        if (open) sb.Append("</mark>");
        return new Markup(sb.ToString());
    }
}

[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly StringBuilder _sb;

    public HtmlHandler(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + formattedCount * 24);

    public void AppendLiteral(string literal) => _sb.Append(literal);

    public void AppendFormatted(Markup markup) => _sb.Append(markup.Value);

    public void AppendFormatted(string? text) => _sb.Append(Html.Encode(text));

    public void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case null: break;
            case Markup m: _sb.Append(m.Value); break;
            case IEnumerable<Markup> parts:
                foreach (var part in parts) _sb.Append(part.Value);
                break;
            case IFormattable f: _sb.Append(Html.Encode(f.ToString(null, CultureInfo.InvariantCulture))); break;
            default: _sb.Append(Html.Encode(value.ToString())); break;
        }
    }

    internal Markup ToMarkup() => new(_sb.ToString());
}
