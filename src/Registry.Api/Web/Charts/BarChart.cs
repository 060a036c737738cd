using System.Globalization;
using Registry.Api.Web.Rendering;

namespace Registry.Api.Web.Charts;

/// <summary>One bar: its label, the value that sets its length, and the value as the reader should see it.</summary>
public sealed record Bar(string Label, double Value, string ValueText);

/// <summary>
/// Horizontal bar charts drawn on the server as inline SVG: no script, readable without CSS, announced to screen
/// readers through <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c>, and followed by the same figures as a table.
/// </summary>
public static class BarChart
{
    private const int Width = 760;
    private const int LabelWidth = 300;
    private const int ValueWidth = 150;
    private const int RowHeight = 30;
    private const int BarHeight = 18;
    private const int MaxLabelChars = 42;

    /// <param name="id">Unique on the page; ties the SVG to its title and description.</param>
    /// <param name="scaleMax">The value of a full-length bar (1 for shares); the largest value when null.</param>
    /// <param name="summary">One sentence a screen reader announces instead of the drawing.</param>
    public static Markup Render(string id, string caption, string summary, IReadOnlyList<Bar> bars, string tableCaption, bool alternate = false, double? scaleMax = null)
    {
        var max = scaleMax ?? (bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), 1e-9));
        var height = Math.Max(bars.Count, 1) * RowHeight + 8;
        var rows = bars.Select((bar, i) => Row(bar, i, max, alternate));
        return Html.Of($"""
            <figure class="chart" id="{id}">
            <figcaption>{caption}</figcaption>
            <svg viewBox="0 0 {Width} {height}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg">
            <title id="{id}-t">{caption}</title>
            <desc id="{id}-d">{summary}</desc>
            {rows}
            </svg>
            {Table(bars, caption, tableCaption)}
            </figure>
            """);
    }

    private static Markup Row(Bar bar, int index, double max, bool alternate)
    {
        var y = 4 + index * RowHeight;
        var area = Width - LabelWidth - ValueWidth;
        var length = bar.Value <= 0 ? 0 : Math.Max(2, bar.Value / max * area);
        var label = bar.Label.Length > MaxLabelChars ? bar.Label[..(MaxLabelChars - 1)] + "…" : bar.Label;
        var textY = y + BarHeight / 2 + 5;
        return Html.Of($"""
            <g><title>{bar.Label}: {bar.ValueText}</title><text x="{LabelWidth - 8}" y="{N(textY)}" text-anchor="end">{label}</text><rect class="track" x="{LabelWidth}" y="{y}" width="{area}" height="{BarHeight}" rx="2"/><rect class="{(alternate ? "bar alt" : "bar")}" x="{LabelWidth}" y="{y}" width="{N(length)}" height="{BarHeight}" rx="2"/><text class="value" x="{N(LabelWidth + length + 6)}" y="{N(textY)}">{bar.ValueText}</text></g>

            """);
    }

    private static Markup Table(IReadOnlyList<Bar> bars, string caption, string tableCaption)
    {
        var rows = bars.Select(b => Html.Of($"<tr><th scope=\"row\">{b.Label}</th><td class=\"num\">{b.ValueText}</td></tr>"));
        return Html.Of($"""
            <details><summary>{tableCaption}</summary>
            <table class="data"><caption class="visually-hidden">{caption}</caption><tbody>{rows}</tbody></table>
            </details>
            """);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
