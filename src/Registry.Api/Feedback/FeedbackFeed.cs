using System.Security.Cryptography;
using System.Text;
using Registry.Api.Feeds;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Problems;
using Registry.Api.Tasks;
using Registry.Data.Catalog;
using Registry.Data.Feedback;

namespace Registry.Api.Feedback;

/// <summary>
/// <c>/feeds/tasks/{id}/feedback.atom</c>: a task's approved feedback with the official replies, for readers who follow
/// one task. The catalogue feeds list tasks, not feedback, so this is a small feed of its own beside them.
/// </summary>
public static class FeedbackFeed
{
    public static string UrlOf(string taskId) => $"/feeds/tasks/{Uri.EscapeDataString(taskId)}/feedback.atom";

    public static async Task<IResult> Atom(string id, HttpContext http, IPublicCatalog catalog, IFeedbackStore store, PublicUrls urls, CancellationToken ct)
    {
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);
        var items = await store.ListApprovedAsync(found.Id, FeedbackHandlers.PublicMax, ct);
        var baseUrl = urls.Base(http.Request);
        var entries = items.OrderByDescending(UpdatedOf).Select(f => Entry(f, found.Id, baseUrl)).ToList();
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated) : found.Record.UpdatedAt ?? DateTimeOffset.UnixEpoch;
        var etag = ETagOf(found.Id, entries);
        if (ConditionalGet.NotModified(http.Request, etag, updated)) return ConditionalGet.Answer304(http.Response, etag, updated);
        ConditionalGet.SetValidators(http.Response, etag, updated);

        var title = found.Record.Title ?? found.Record.Code ?? found.Id;
        var header = new FeedHeader($"Góp ý về nhiệm vụ: {title} (feedback on the task)", baseUrl + http.Request.Path,
            PublicUrls.TaskPage(baseUrl, found.Id) + "#feedback-h", $"tag:{PublicUrls.Authority},2025:tasks/{found.Id}/feedback", updated);
        return Results.Text(XmlText.Serialize(FeedWriters.Atom1(header, entries).Root!), FeedMediaTypes.Atom + "; charset=utf-8", Encoding.UTF8);
    }

    private static DateTimeOffset UpdatedOf(PublicFeedback f) => f.Reply is { } r && r.RepliedAt > f.ApprovedAt ? r.RepliedAt : f.ApprovedAt;

    private static FeedEntry Entry(PublicFeedback f, string taskId, string baseUrl)
    {
        var text = new StringBuilder(f.Message);
        if (f.Reply is { } reply) text.Append("\n\nTrả lời của Sở Khoa học và Công nghệ (the Department's reply): ").Append(reply.Text);
        var day = Registry.Data.VietnamTime.DateOf(f.CreatedAt).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var title = f.Reply is null ? $"Góp ý ngày {day}" : $"Góp ý ngày {day} và trả lời của Sở";
        return new FeedEntry(f.Id, $"tag:{PublicUrls.Authority},2025:feedback/{f.Id}", title, null, text.ToString(),
            PublicUrls.TaskPage(baseUrl, taskId) + "#" + f.Id, PublicUrls.TaskApi(baseUrl, taskId) + "/feedback",
            UpdatedOf(f), f.CreatedAt, null, [], PublicUrls.FieldScheme(baseUrl));
    }

    private static string ETagOf(string taskId, IReadOnlyList<FeedEntry> entries)
    {
        var text = new StringBuilder("feedback|").Append(taskId);
        foreach (var e in entries) text.Append('|').Append(e.Id).Append('@').Append(e.Updated.UtcTicks);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32] + "\"";
    }
}
