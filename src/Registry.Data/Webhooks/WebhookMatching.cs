using Microsoft.EntityFrameworkCore;
using Registry.Data.Records;

namespace Registry.Data.Webhooks;

/// <summary>What the filters look at in a task, as stored now (a withdrawn task keeps its level and fields).</summary>
internal sealed record WebhookTaskFacts(TaskLevel Level, IReadOnlyList<string> Fields)
{
    public static async Task<Dictionary<string, WebhookTaskFacts>> LoadAsync(RegistryDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.PublicId))
            .Select(t => new { t.PublicId, t.Level, Fields = t.Fields.Select(f => f.FieldCode).ToList() })
            .ToListAsync(ct);
        return tasks.ToDictionary(t => t.PublicId, t => new WebhookTaskFacts(t.Level, t.Fields), StringComparer.Ordinal);
    }
}

/// <summary>One subscriber's events and filters, parsed once per fan-out batch.</summary>
internal sealed class WebhookMatcher(WebhookSubscriber subscriber)
{
    private readonly HashSet<string> _events = WebhookLists.Split(subscriber.Events).ToHashSet(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _fields = WebhookLists.Split(subscriber.FieldFilter);
    private readonly HashSet<TaskLevel> _levels = WebhookLists.Levels(subscriber.LevelFilter).ToHashSet();

    public WebhookSubscriber Subscriber { get; } = subscriber;

    /// <summary>
    /// Subscribed to the event, and the task passes every filter: one of its fields starts with one of the filter's
    /// codes (a field filter of "1" takes every natural-science sector), and its level is one of the filter's levels.
    /// </summary>
    public bool Wants(string eventType, WebhookTaskFacts? task)
    {
        if (!_events.Contains(eventType)) return false;
        if (_fields.Count == 0 && _levels.Count == 0) return true;
        if (task is null) return false;
        if (_levels.Count > 0 && !_levels.Contains(task.Level)) return false;
        return _fields.Count == 0 || task.Fields.Any(f => _fields.Any(prefix => f.StartsWith(prefix, StringComparison.Ordinal)));
    }
}

/// <summary>An outbox row as the fan-out reads it.</summary>
internal sealed record OutboxEvents(long Sequence, string TaskId, string? Events, DateTimeOffset CreatedAt);

internal static class WebhookDeliveryFactory
{
    /// <summary>The deliveries <paramref name="rows"/> mean for <paramref name="matchers"/>, in outbox order.</summary>
    public static List<WebhookDelivery> For(IReadOnlyList<OutboxEvents> rows, IReadOnlyList<WebhookMatcher> matchers,
        IReadOnlyDictionary<string, WebhookTaskFacts> tasks, DateTimeOffset now, bool fromStart)
    {
        var deliveries = new List<WebhookDelivery>();
        foreach (var row in rows)
        {
            var facts = tasks.GetValueOrDefault(row.TaskId);
            foreach (var type in WebhookEventTypes.Split(row.Events))
            {
                foreach (var m in matchers)
                {
                    if (fromStart && row.Sequence <= m.Subscriber.StartSequence) continue;
                    if (!m.Wants(type, facts)) continue;
                    deliveries.Add(New(m.Subscriber.Id, row, type, now));
                }
            }
        }
        return deliveries;
    }

    private static WebhookDelivery New(long subscriberId, OutboxEvents row, string type, DateTimeOffset now) => new()
    {
        SubscriberId = subscriberId,
        EventId = WebhookEventTypes.EventId(row.Sequence, type),
        EventType = type,
        Sequence = row.Sequence,
        TaskId = row.TaskId,
        OccurredAt = row.CreatedAt,
        Status = WebhookDeliveryStatus.Pending,
        DueAt = now,
        CreatedAt = now,
    };
}
