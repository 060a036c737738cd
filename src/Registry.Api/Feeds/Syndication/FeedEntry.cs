using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Api.Feeds.Syndication;

/// <summary>One task as every feed format shows it: built once, written three ways. <see cref="Summary"/> is the whole
/// text (the plain summary first when there is one, then code, host, period and the scientific summary);
/// <see cref="PlainSummary"/> is the short text readers show when a format has a place for it.</summary>
public sealed record FeedEntry(
    string Id,
    string TagUri,
    string Title,
    string? TitleEn,
    string Summary,
    string PageUrl,
    string ApiUrl,
    DateTimeOffset Updated,
    DateTimeOffset? Published,
    string? Author,
    IReadOnlyList<(string Code, string Label)> Categories,
    string CategoryScheme)
{
    public static FeedEntry From(TaskRecord r, string baseUrl)
    {
        var updated = r.UpdatedAt ?? r.PublishedAt ?? DateTimeOffset.UnixEpoch;
        return new FeedEntry(
            r.Id!,
            PublicUrls.TagUri(r.Id!),
            r.Title ?? r.Code ?? r.Id!,
            r.TitleEn,
            SummaryOf(r),
            PublicUrls.TaskPage(baseUrl, r.Id!),
            PublicUrls.TaskApi(baseUrl, r.Id!),
            updated,
            r.PublishedAt,
            r.HostOrganization?.Name,
            (r.Fields ?? []).Select(c => (c, FieldsOfScience.Nearest(c)?.NameVi ?? c)).ToList(),
            PublicUrls.FieldScheme(baseUrl))
        {
            PlainSummary = r.PlainSummary,
        };
    }

    /// <summary>Tóm tắt phổ thông, when the task has one.</summary>
    public string? PlainSummary { get; init; }

    /// <summary>What a reader needs to decide whether to click: the plain summary, then code, host, period and the summary.</summary>
    private static string SummaryOf(TaskRecord r)
    {
        var lines = new List<string>();
        if (r.PlainSummary is { } plain) lines.AddRange([plain, ""]);
        if (r.Code is { } code) lines.Add($"Mã số: {code}");
        if (r.HostOrganization?.Name is { } host) lines.Add($"Tổ chức chủ trì: {host}");
        if (r.PrincipalInvestigator?.Name is { } pi) lines.Add($"Chủ nhiệm: {(r.PrincipalInvestigator.AcademicTitle + " " + pi).Trim()}");
        if (r.StartDate is { } s) lines.Add($"Thời gian: {s:MM/yyyy} – {r.EndDate?.ToString("MM/yyyy") ?? "?"}");
        if (r.Summary is { } summary) lines.Add(summary);
        return string.Join("\n", lines);
    }
}
