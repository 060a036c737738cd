using System.Globalization;
using System.Text;
using Registry.Api.Web.Localization;

namespace Registry.Api.Web.Rendering;

/// <summary>The picture a page offers to link previews: a path of this service, its pixel size and a text alternative.</summary>
public sealed record ShareImage(string Path, int Width, int Height, string Alt, string MediaType = "image/png");

/// <summary>
/// OpenGraph and Twitter card tags for every page, so a link shared on Facebook, Zalo or X shows the page's title and
/// summary. Text comes from records (anything a curator typed), so it is cleaned before it is encoded: one line,
/// NFC, no control or bidirectional-override characters, no broken surrogate pairs, cut at a word within the
/// length the platforms show, never inside a letter and its tone mark.
/// </summary>
public static class SocialMeta
{
    /// <summary>Facebook and X show about this many characters of a title and of a description.</summary>
    public const int TitleLength = 90;
    public const int DescriptionLength = 200;

    public static Markup Render(PageContext ctx, PageShell page, string url)
    {
        var title = Clean(page.Title, TitleLength);
        var description = Clean(page.Description, DescriptionLength);
        if (description.Length == 0) description = Clean(ctx[T.SiteTagline], DescriptionLength);
        var (locale, alternate) = ctx.Language == WebLanguage.En ? ("en_US", "vi_VN") : ("vi_VN", "en_US");
        return Html.Of($"""
            <meta property="og:title" content="{title}">
            <meta property="og:description" content="{description}">
            <meta property="og:url" content="{url}">
            <meta property="og:type" content="{page.OpenGraphType}">
            <meta property="og:site_name" content="{ctx[T.SiteName]}">
            <meta property="og:locale" content="{locale}">
            <meta property="og:locale:alternate" content="{alternate}">
            <meta name="twitter:card" content="{(page.Image is null ? "summary" : "summary_large_image")}">
            <meta name="twitter:title" content="{title}">
            <meta name="twitter:description" content="{description}">
            {Image(ctx, page.Image)}
            """);
    }

    /// <summary>og:image with its size, type and alternative text, and twitter:image, as absolute addresses.</summary>
    private static Markup Image(PageContext ctx, ShareImage? image)
    {
        if (image is null) return Markup.Empty;
        var url = ctx.Absolute(image.Path);
        var alt = Clean(image.Alt, DescriptionLength);
        return Html.Of($"""
            <meta property="og:image" content="{url}">
            <meta property="og:image:type" content="{image.MediaType}">
            <meta property="og:image:width" content="{image.Width}">
            <meta property="og:image:height" content="{image.Height}">
            <meta property="og:image:alt" content="{alt}">
            <meta name="twitter:image" content="{url}">
            <meta name="twitter:image:alt" content="{alt}">

            """);
    }

    /// <summary>Text fit for one attribute: cleaned as described on the class, at most <paramref name="max"/> characters with the ellipsis.</summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Flush(builder, ref space);
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c)) { Flush(builder, ref space); builder.Append('\uFFFD'); }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029') space = builder.Length > 0;
            else if (IsBidiControl(c) || c is '\uFEFF') { }
            else { Flush(builder, ref space); builder.Append(c); }
        }
        var clean = builder.ToString().Normalize(NormalizationForm.FormC);
        return Truncate(clean, max);
    }

    private static void Flush(StringBuilder builder, ref bool space)
    {
        if (space) builder.Append(' ');
        space = false;
    }

    /// <summary>Embedding and override marks (U+202A–U+202E, U+2066–U+2069) could reverse how the rest of a card reads.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    /// <summary>Cuts by text elements (a letter with its marks, an emoji sequence), at the last space when there is one late enough.</summary>
    private static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var elements = StringInfo.GetTextElementEnumerator(text);
        var end = 0;
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > max - 1) break;
            end = next;
        }
        var cut = text[..end];
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace >= max / 2) cut = cut[..lastSpace];
        return cut.TrimEnd(' ', ',', ';', ':', '.', '-', '—') + "…";
    }
}
