using System.Text.Json.Nodes;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Webhooks;

namespace Registry.Data.Store;

/// <summary>The steps shared by single writes and import batches: visibility rules and the audit + outbox rows.</summary>
internal static class TaskWrites
{
    public static FieldError DuplicateCodeError(string code) =>
        new("code", $"Mã số \"{code}\" đã tồn tại (code already exists)");

    /// <summary>Publishing stamps the first publication; withdrawing stamps when and why; drafts carry neither.</summary>
    public static void ApplyVisibility(ScienceTask task, Visibility visibility, string? reason, DateTimeOffset now)
    {
        var was = task.Visibility;
        task.Visibility = visibility;
        switch (visibility)
        {
            case Visibility.Published:
                task.PublishedAt ??= now;
                task.WithdrawnAt = null;
                task.WithdrawalReason = null;
                break;
            case Visibility.Withdrawn:
                if (was != Visibility.Withdrawn || task.WithdrawnAt is null) task.WithdrawnAt = now;
                task.WithdrawalReason = TaskMapper.Text(reason);
                break;
            default:
                task.WithdrawnAt = null;
                task.WithdrawalReason = null;
                break;
        }
    }

    /// <summary>
    /// An update that does not send <c>coverage</c> (absent or null) keeps the task's items; an empty list clears them.
    /// Coverage is mostly added one item at a time (<c>POST /tasks/{id}/coverage</c>), so a client or a spreadsheet
    /// written before the field existed must not wipe what curators recorded since.
    /// </summary>
    public static TaskRecord KeepUnsentCoverage(TaskRecord record, ScienceTask existing) =>
        record.Coverage is null && existing.Coverage.Count > 0 ? record with { Coverage = TaskMapper.ToRecord(existing).Coverage } : record;

    /// <summary>A detached task as <paramref name="record"/> would leave <paramref name="current"/>: compared, never saved.</summary>
    public static ScienceTask Preview(ScienceTask? current, TaskRecord record, HostOrganization previewOrg, Visibility visibility, string? reason)
    {
        var preview = new ScienceTask
        {
            Visibility = current?.Visibility ?? Visibility.Draft,
            WithdrawalReason = current?.WithdrawalReason,
            WithdrawnAt = current?.WithdrawnAt,
            PublishedAt = current?.PublishedAt,
        };
        TaskMapper.ApplyContent(preview, record, previewOrg);
        ApplyVisibility(preview, visibility, reason, default);
        return preview;
    }

    public static AuditAction ActionFor(Visibility before, Visibility after, AuditAction otherwise) =>
        before == after ? otherwise : after switch
        {
            Visibility.Published => AuditAction.Publish,
            Visibility.Withdrawn => AuditAction.Withdraw,
            _ => otherwise,
        };

    /// <summary>
    /// The audit entry, the outbox entry and (when the public sees it) the change-log entry that must commit with
    /// every change (invariant 4). Call before SaveChanges, while the tracked task still has its original values.
    /// </summary>
    public static void AddBookkeeping(RegistryDbContext db, ScienceTask task, AuditAction action, JsonObject changes,
        Actor actor, DateTimeOffset now)
    {
        if (PublicChangeEntry.For(db, task, now) is { } change) db.Set<PublicChangeEntry>().Add(change);
        db.AuditEntries.Add(NewAudit(task, action, changes, actor, now));
        var outbox = NewOutbox(task, now, WebhookEventRules.For(db, task, changes));
        outbox.Interactive = true;
        db.Outbox.Add(outbox);
    }

    public static AuditEntry NewAudit(ScienceTask task, AuditAction action, JsonObject changes, Actor actor, DateTimeOffset now) => new()
    {
        At = now,
        Actor = actor.Name,
        Action = action,
        EntityId = task.PublicId,
        ChangesJson = changes.ToJsonString(RegistryJson.Options),
    };

    /// <summary>
    /// The compact entry of a task an import created: who, when, which import and which row of its file. Written
    /// without serialising the record: the values are the task's first version (docs/data.md, "The audit log").
    /// </summary>
    public static AuditEntry NewImportCreateAudit(ScienceTask task, ImportRun run, int line, DateTimeOffset now) => new()
    {
        At = now,
        Actor = run.Actor.Name,
        Action = AuditAction.ImportCreate,
        EntityId = task.PublicId,
        ChangesJson = $$"""{"import":"{{run.Id}}","line":{{line}}}""",
    };

    /// <summary>
    /// Upsert when the task is published after the change, else Remove (drafts and withdrawn leave the index);
    /// <paramref name="events"/> are the webhook events the write means (<see cref="WebhookEventRules"/>).
    /// </summary>
    public static OutboxEntry NewOutbox(ScienceTask task, DateTimeOffset now, string? events) => new()
    {
        Events = events,
        TaskId = task.PublicId,
        Kind = task.Visibility == Visibility.Published ? OutboxKind.Upsert : OutboxKind.Remove,
        CreatedAt = now,
        DueAt = now,
    };

    public static StoredTask ToStored(ScienceTask task) =>
        new(TaskMapper.ToRecord(task), task.Version, task.Visibility, task.WithdrawalReason);
}
