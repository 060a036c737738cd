using System.Globalization;
using System.Text;
using Registry.Data.Records;
using static System.Net.WebUtility;

namespace Registry.Api.Feeds.Embed;

/// <summary>The self-contained HTML of the embeds: own tiny CSS, no scripts, no third-party requests.</summary>
public static class EmbedHtml
{
    private const string Css =
        "body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;background:#fff}" +
        "main{padding:8px 12px}h1{font-size:15px;margin:0 0 6px}ol{list-style:none;margin:0;padding:0}" +
        "li{padding:6px 0;border-bottom:1px solid #e3e6ea}a{color:#0b57a4}a:focus{outline:2px solid #0b57a4;outline-offset:1px}" +
        ".meta{color:#4a5560;font-size:12px}footer{font-size:11px;color:#4a5560;padding-top:6px}" +
        "@media (prefers-color-scheme:dark){body{background:#15181c;color:#e6e9ec}a{color:#8ab8ff}.meta,footer{color:#a9b2bb}li{border-color:#30363d}}";

    public static string List(string heading, IReadOnlyList<TaskRecord> tasks, string baseUrl, string moreUrl, long total)
    {
        var items = new StringBuilder();
        foreach (var t in tasks) items.Append("<li>").Append(Item(t, baseUrl)).Append("</li>");
        if (tasks.Count == 0) items.Append("<li>Không có nhiệm vụ nào (no tasks match).</li>");
        var body = $"<main><h1>{HtmlEncode(heading)}</h1><ol>{items}</ol>" +
                   $"<footer><a href=\"{HtmlEncode(moreUrl)}\" target=\"_blank\" rel=\"noopener\">Xem tất cả {total.ToString("N0", Vi)} nhiệm vụ (see all)</a> · " +
                   "Nguồn: Sở KH&amp;CN tỉnh Phú Thọ</footer></main>";
        return Page(heading, body);
    }

    public static string Single(TaskRecord t, string baseUrl)
    {
        var summary = t.Summary is { } s ? $"<p>{HtmlEncode(s.Length > 400 ? s[..400] + "…" : s)}</p>" : "";
        var body = $"<main><article>{Item(t, baseUrl, heading: true)}{summary}</article>" +
                   "<footer>Nguồn: Sở KH&amp;CN tỉnh Phú Thọ — dữ liệu mở (open data)</footer></main>";
        return Page(t.Title ?? t.Code ?? "", body);
    }

    private static string Item(TaskRecord t, string baseUrl, bool heading = false)
    {
        var link = $"<a href=\"{HtmlEncode(PublicUrls.TaskPage(baseUrl, t.Id!))}\" target=\"_blank\" rel=\"noopener\">{HtmlEncode(t.Title)}</a>";
        var meta = new List<string>();
        if (t.Code is { } code) meta.Add(HtmlEncode(code));
        if (t.HostOrganization?.Name is { } org) meta.Add(HtmlEncode(org));
        if (t.StartDate is { } start) meta.Add($"{start.Year}–{t.EndDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        if (t.Status is { } status) meta.Add(HtmlEncode(EnumLabels.Of(status).Vi));
        var title = heading ? $"<h1>{link}</h1>" : link;
        return $"{title}<div class=\"meta\">{string.Join(" · ", meta)}</div>";
    }

    private static string Page(string title, string body) =>
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">" +
        $"<title>{HtmlEncode(title)}</title><style>{Css}</style></head><body>{body}</body></html>";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}
