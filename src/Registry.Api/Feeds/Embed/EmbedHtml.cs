using System.Globalization;
using System.Text;
using Registry.Data.Records;

using static Registry.Api.Web.Rendering.Html;

namespace Registry.Api.Feeds.Embed;

/// <summary>The self-contained HTML of the embeds: own tiny CSS, no scripts, no third-party requests.</summary>
public static class EmbedHtml
{
    private const string Css =
        "body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;background:#fff}" +
        "main{padding:8px 12px}h1{font-size:15px;margin:0 0 6px}ol{list-style:none;margin:0;padding:0}" +
        "li{padding:6px 0;border-bottom:1px solid #e3e6ea}a{color:#0b57a4}a:focus{outline:2px solid #0b57a4;outline-offset:1px}" +
        ".meta{color:#4a5560;font-size:12px}.notice{border-left:4px solid #b26a00;padding:2px 0 2px 10px}.notice p{margin:4px 0}" +
        ".plain{margin:4px 0 0}.why{margin:4px 0;padding-left:18px;color:#4a5560;font-size:13px}footer{font-size:11px;color:#4a5560;padding-top:6px}" +
        "@media (prefers-color-scheme:dark){body{background:#15181c;color:#e6e9ec}a{color:#8ab8ff}.meta,footer{color:#a9b2bb}li{border-color:#30363d}}";

    public static string List(string heading, IReadOnlyList<TaskRecord> tasks, string baseUrl, string moreUrl, long total)
    {
        var items = new StringBuilder();
        foreach (var t in tasks) items.Append("<li>").Append(Item(t, baseUrl)).Append("</li>");
        if (tasks.Count == 0) items.Append("<li>Không có nhiệm vụ nào (no tasks match).</li>");
        var body = $"<main><h1>{Encode(heading)}</h1><ol>{items}</ol>" +
                   $"<footer><a href=\"{Encode(moreUrl)}\" target=\"_blank\" rel=\"noopener\">Xem tất cả {total.ToString("N0", Vi)} nhiệm vụ (see all)</a> · " +
                   "Nguồn: Sở KH&amp;CN tỉnh Phú Thọ</footer></main>";
        return Page(heading, body);
    }

    public static string Single(TaskRecord t, string baseUrl)
    {
        // The plain summary is already in the item; the scientific summary follows it, shortened at a word.
        var summary = t.Summary is { } s ? $"<p>{Encode(Shorten(s, 400))}</p>" : "";
        var body = $"<main><article>{Item(t, baseUrl, heading: true)}{summary}</article>" +
                   "<footer>Nguồn: Sở KH&amp;CN tỉnh Phú Thọ — dữ liệu mở (open data)</footer></main>";
        return Page(t.Title ?? t.Code ?? "", body);
    }

    /// <summary>
    /// What an embed shows inside the host site when it has nothing to show: a small card in the embed's own style
    /// that says why (in Vietnamese, then English), lists what to fix and links to the registry. Never a JSON body:
    /// a host page's readers see the frame, not a developer's console.
    /// </summary>
    public static string Notice(EmbedNotice notice, string baseUrl)
    {
        var lines = new StringBuilder();
        foreach (var line in notice.Lines) lines.Append("<li>").Append(Encode(line)).Append("</li>");
        var details = lines.Length > 0 ? $"<ul class=\"why\">{lines}</ul>" : "";
        var body = $"<main><section class=\"notice\" role=\"status\"><h1>{Encode(notice.Heading)}</h1>" +
                   $"<p>{Encode(notice.Text)}</p>{details}" +
                   $"<p><a href=\"{Encode(baseUrl + "/tasks")}\" target=\"_blank\" rel=\"noopener\">Tra cứu nhiệm vụ KH&amp;CN tỉnh Phú Thọ (search the registry)</a></p></section>" +
                   "<footer>Nguồn: Sở KH&amp;CN tỉnh Phú Thọ</footer></main>";
        return Page(notice.Heading, body);
    }

    private static string Item(TaskRecord t, string baseUrl, bool heading = false)
    {
        var link = $"<a href=\"{Encode(PublicUrls.TaskPage(baseUrl, t.Id!))}\" target=\"_blank\" rel=\"noopener\">{Encode(t.Title)}</a>";
        var meta = new List<string>();
        if (t.Code is { } code) meta.Add(Encode(code));
        if (t.HostOrganization?.Name is { } org) meta.Add(Encode(org));
        if (t.StartDate is { } start) meta.Add($"{start.Year}–{t.EndDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        if (t.Status is { } status) meta.Add(Encode(EnumLabels.Of(status).Vi));
        var title = heading ? $"<h1>{link}</h1>" : link;
        var plain = t.PlainSummary is { } p ? $"<p class=\"plain\">{Encode(heading ? p : Shorten(p, 240))}</p>" : "";
        return $"{title}<div class=\"meta\">{string.Join(" · ", meta)}</div>{plain}";
    }

    private static string Page(string title, string body) =>
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">" +
        $"<title>{Encode(title)}</title><style>{Css}</style></head><body>{body}</body></html>";

    private static string Shorten(string text, int max) => Registry.Api.Web.Pages.Fragments.Shorten(text, max)!;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>Why an embed shows no task: a heading and a sentence, each Vietnamese then English, and what to fix.</summary>
public sealed record EmbedNotice(string Heading, string Text, IReadOnlyList<string> Lines)
{
    public static EmbedNotice BadSearch(IReadOnlyDictionary<string, string[]> errors) => new(
        "Không hiển thị được danh sách (the list cannot be shown)",
        "Địa chỉ nhúng có tham số không hợp lệ; người quản trị trang cần sửa lại (the embed address has invalid parameters; the site's editor needs to fix them).",
        errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList());

    public static EmbedNotice NotFound() => new(
        "Không tìm thấy nhiệm vụ (task not found)",
        "Không có nhiệm vụ công khai với mã này; có thể địa chỉ nhúng bị sai (no published task has this id; the embed address may be wrong).",
        []);

    public static EmbedNotice Withdrawn(Registry.Data.Catalog.TaskTombstone tombstone)
    {
        var when = tombstone.WithdrawnAt is { } at
            ? " ngày " + at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " (on " + at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")"
            : "";
        var lines = new List<string>();
        if (tombstone.Code is { } code) lines.Add("Mã số (code): " + code);
        if (tombstone.WithdrawalReason is { Length: > 0 } reason) lines.Add("Lý do (reason): " + reason);
        return new("Nhiệm vụ đã được rút khỏi cơ sở dữ liệu (task withdrawn)",
            $"Nhiệm vụ này đã được rút{when} và không còn được công bố (this task was withdrawn and is no longer published).", lines);
    }
}
