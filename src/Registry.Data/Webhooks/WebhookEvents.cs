using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Webhooks;

/// <summary>The public events a write can mean to partner sites, as webhook subscribers name them.</summary>
public static class WebhookEventTypes
{
    /// <summary>The task became public: first publication, or published again after a withdrawal.</summary>
    public const string Published = "task.published";
    /// <summary>A published task changed and stays published.</summary>
    public const string Updated = "task.updated";
    /// <summary>The task left the public catalogue (withdrawn, or returned to draft).</summary>
    public const string Withdrawn = "task.withdrawn";
    /// <summary>A published task gained media coverage items (comes with <see cref="Updated"/>).</summary>
    public const string CoverageAdded = "task.coverage_added";
    /// <summary>Sent only by an admin's test ping; never subscribed to.</summary>
    public const string Ping = "webhook.ping";

    public static IReadOnlyList<string> All { get; } = [Published, Updated, Withdrawn, CoverageAdded];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    /// <summary>
    /// The receiver's deduplication key, the same for every attempt and every replay of one event to one subscriber:
    /// the outbox sequence and the event's short name (<c>evt_42_coverage_added</c>).
    /// </summary>
    public static string EventId(long sequence, string type) => $"evt_{sequence}_{type[(type.IndexOf('.') + 1)..]}";

    /// <summary>Events of an outbox row, stored space-separated (null when the write meant nothing to the public).</summary>
    internal static string? Join(IReadOnlyCollection<string> events) => events.Count == 0 ? null : string.Join(' ', events);

    public static IReadOnlyList<string> Split(string? events) =>
        string.IsNullOrEmpty(events) ? [] : events.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Decides the public events of one task write, from the tracked task before it is saved (original vs current
/// visibility) and the write's field diff. Drafts that were never public mean nothing.
/// </summary>
internal static class WebhookEventRules
{
    public static string? For(RegistryDbContext db, ScienceTask task, JsonObject changes)
    {
        var entry = db.Entry(task);
        var isNew = entry.State is EntityState.Added or EntityState.Detached;
        var wasPublic = !isNew && entry.Property(t => t.Visibility).OriginalValue == Visibility.Published;
        var isPublic = task.Visibility == Visibility.Published;
        return WebhookEventTypes.Join(Classify(wasPublic, isPublic, CoverageGrew(changes)));
    }

    public static IReadOnlyList<string> Classify(bool wasPublic, bool isPublic, bool coverageGrew)
    {
        if (!wasPublic) return isPublic ? [WebhookEventTypes.Published] : [];
        if (!isPublic) return [WebhookEventTypes.Withdrawn];
        return coverageGrew ? [WebhookEventTypes.Updated, WebhookEventTypes.CoverageAdded] : [WebhookEventTypes.Updated];
    }

    /// <summary>The audit diff carries <c>coverage: {from, to}</c> when the items changed; more items after is growth.</summary>
    public static bool CoverageGrew(JsonObject changes) =>
        changes["coverage"] is JsonObject coverage && Count(coverage["to"]) > Count(coverage["from"]);

    private static int Count(JsonNode? node) => node is JsonArray array ? array.Count : 0;
}
