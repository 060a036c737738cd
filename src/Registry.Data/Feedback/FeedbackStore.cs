using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Feedback;

/// <summary>
/// The store of feedback. Each write runs in its own context and commits with one SaveChanges (one transaction): the
/// change and its audit entries land together or not at all. Audit entries never carry the sender's name or e-mail.
/// </summary>
internal sealed class FeedbackStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IFeedbackStore
{
    private const int MaxPageSize = 200;
    private const int SweepBatch = 200;
    /// <summary>The actor of the retention sweep's audit entries.</summary>
    public const string RetentionActor = "retention";

    public async Task<FeedbackSubmitResult> SubmitAsync(FeedbackSubmission submission, CancellationToken ct = default)
    {
        var (clean, errors) = FeedbackValidator.Validate(submission);
        if (clean is null) return new FeedbackSubmitResult(null, errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        long? taskKey = null;
        if (clean.Task is { } taskId)
        {
            var task = await db.Tasks.Where(t => t.PublicId == taskId).Select(t => new { t.Id, t.Visibility }).SingleOrDefaultAsync(ct);
            if (task?.Visibility == Visibility.Withdrawn) return new FeedbackSubmitResult(null, TaskGone: true);
            if (task is null || task.Visibility != Visibility.Published)
            {
                return new FeedbackSubmitResult(null, [new("task", "Không có nhiệm vụ đã công bố với id này (no published task has this id).")]);
            }
            taskKey = task.Id;
        }

        var now = clock.GetUtcNow();
        var entry = new FeedbackEntry
        {
            PublicId = PublicIds.NewFeedbackId(),
            TaskId = taskKey,
            Message = clean.Message,
            Language = clean.Language,
            SenderName = clean.Name,
            SenderEmail = clean.Email,
            ConsentVersion = clean.Consent ? FeedbackConsent.Version : null,
            ConsentAt = clean.Consent ? now : null,
            Status = FeedbackStatus.Pending,
            CreatedAt = now,
            Version = 1,
        };
        db.FeedbackEntries.Add(entry);
        var changes = new JsonObject
        {
            ["status"] = Change(null, FeedbackStatus.Pending),
            ["task"] = new JsonObject { ["from"] = null, ["to"] = clean.Task },
        };
        db.AuditEntries.Add(Audit(entry, AuditAction.Create, changes, "public", now));
        await db.SaveChangesAsync(ct);
        return new FeedbackSubmitResult(entry.PublicId);
    }

    public async Task<FeedbackRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!PublicIds.IsWellFormed(id, 'f')) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await ById(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
        return entry is null ? null : ToRecord(entry);
    }

    public async Task<FeedbackPage> ListAsync(FeedbackStatus? status, string? task, string? cursor, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        long? after = string.IsNullOrEmpty(cursor) ? null : DecodeCursor(cursor);
        var oldestFirst = status == FeedbackStatus.Pending;
        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<FeedbackEntry> query = db.FeedbackEntries.AsNoTracking().Include(f => f.Task);
        if (status is { } s) query = query.Where(f => f.Status == s);
        if (task is not null) query = query.Where(f => f.Task != null && f.Task.PublicId == task);
        var total = await query.CountAsync(ct);
        if (after is { } a) query = oldestFirst ? query.Where(f => f.Id > a) : query.Where(f => f.Id < a);
        query = oldestFirst ? query.OrderBy(f => f.Id) : query.OrderByDescending(f => f.Id);
        var rows = await query.Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? EncodeCursor(page[^1].Id) : null;
        return new FeedbackPage(page.Select(ToRecord).ToList(), next, total);
    }

    public async Task<IReadOnlyList<PublicFeedback>> ListApprovedAsync(string? task, int max, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.FeedbackEntries.AsNoTracking().Where(f => f.Status == FeedbackStatus.Approved);
        query = task is null
            ? query.Where(f => f.TaskId == null)
            : query.Where(f => f.Task != null && f.Task.PublicId == task && f.Task.Visibility == Visibility.Published);
        var rows = await query.OrderBy(f => f.Id).Take(Math.Clamp(max, 1, 1000))
            .Select(f => new { f.PublicId, f.Message, f.Language, f.CreatedAt, f.ModeratedAt, f.Reply, f.RepliedAt })
            .ToListAsync(ct);
        return rows.Select(r => new PublicFeedback(r.PublicId, task, r.Message, r.Language, r.CreatedAt, r.ModeratedAt ?? r.CreatedAt,
            r.Reply is null ? null : new FeedbackReply(r.Reply, r.RepliedAt ?? r.ModeratedAt ?? r.CreatedAt))).ToList();
    }

    public Task<FeedbackWriteResult> ApproveAsync(string id, long? expectedVersion, Actor actor, CancellationToken ct = default) =>
        DecideAsync(id, expectedVersion, ct, (entry, db, now) =>
        {
            if (entry.Status == FeedbackStatus.Approved) return false;
            var changes = new JsonObject { ["status"] = Change(entry.Status, FeedbackStatus.Approved) };
            if (entry.RejectReason is not null) changes["rejectReason"] = new JsonObject { ["from"] = entry.RejectReason, ["to"] = null };
            entry.Status = FeedbackStatus.Approved;
            entry.RejectReason = null;
            Moderated(entry, actor, now);
            db.AuditEntries.Add(Audit(entry, AuditAction.FeedbackApprove, changes, actor.Name, now));
            return true;
        });

    public async Task<FeedbackWriteResult> RejectAsync(string id, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var clean = reason is null ? null : FeedbackValidator.CuratorText(reason, "reason", FeedbackLimits.Reason, errors);
        if (errors.Count > 0) return new FeedbackWriteResult(WriteStatus.Invalid, Errors: errors);
        return await DecideAsync(id, expectedVersion, ct, (entry, db, now) =>
        {
            if (entry.Status == FeedbackStatus.Rejected && entry.RejectReason == clean) return false;
            var changes = new JsonObject { ["status"] = Change(entry.Status, FeedbackStatus.Rejected) };
            if (entry.RejectReason != clean) changes["rejectReason"] = new JsonObject { ["from"] = entry.RejectReason, ["to"] = clean };
            entry.Status = FeedbackStatus.Rejected;
            entry.RejectReason = clean;
            Moderated(entry, actor, now);
            db.AuditEntries.Add(Audit(entry, AuditAction.FeedbackReject, changes, actor.Name, now));
            return true;
        });
    }

    public async Task<FeedbackWriteResult> ReplyAsync(string id, string? text, bool approve, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var clean = FeedbackValidator.CuratorText(text, "text", FeedbackLimits.Reply, errors);
        if (errors.Count > 0) return new FeedbackWriteResult(WriteStatus.Invalid, Errors: errors);
        var notApproved = false;
        var result = await DecideAsync(id, expectedVersion, ct, (entry, db, now) =>
        {
            if (entry.Status != FeedbackStatus.Approved && !approve)
            {
                notApproved = true;
                return false;
            }
            var changed = false;
            if (entry.Status != FeedbackStatus.Approved)
            {
                db.AuditEntries.Add(Audit(entry, AuditAction.FeedbackApprove,
                    new JsonObject { ["status"] = Change(entry.Status, FeedbackStatus.Approved) }, actor.Name, now));
                entry.Status = FeedbackStatus.Approved;
                entry.RejectReason = null;
                Moderated(entry, actor, now);
                changed = true;
            }
            if (entry.Reply != clean)
            {
                db.AuditEntries.Add(Audit(entry, AuditAction.FeedbackReply,
                    new JsonObject { ["reply"] = new JsonObject { ["from"] = entry.Reply, ["to"] = clean } }, actor.Name, now));
                entry.Reply = clean;
                entry.RepliedAt = now;
                entry.RepliedBy = actor.Name;
                changed = true;
            }
            return changed;
        });
        if (notApproved)
        {
            return new FeedbackWriteResult(WriteStatus.Invalid, result.Feedback, [new("approve",
                "Góp ý chưa được duyệt; hãy duyệt trước hoặc gửi kèm \"approve\": true (the feedback is not approved; approve it first or send \"approve\": true).")]);
        }
        return result;
    }

    public Task<FeedbackWriteResult> ErasePersonalDataAsync(string id, Actor actor, CancellationToken ct = default) =>
        DecideAsync(id, null, ct, (entry, db, now) =>
        {
            if (entry.SenderName is null && entry.SenderEmail is null) return false;
            Erase(db, entry, "request", actor.Name, now);
            return true;
        });

    public async Task<FeedbackSweep> SweepAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var erased = 0;
        var deleted = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var batch = await db.FeedbackEntries
                .Where(f => f.CreatedAt < cutoff && (f.Status != FeedbackStatus.Approved || f.SenderName != null || f.SenderEmail != null))
                .OrderBy(f => f.Id).Take(SweepBatch).ToListAsync(ct);
            if (batch.Count == 0) return new FeedbackSweep(erased, deleted);
            var now = clock.GetUtcNow();
            foreach (var entry in batch)
            {
                if (entry.Status == FeedbackStatus.Approved)
                {
                    Erase(db, entry, "retention", RetentionActor, now);
                    entry.Version++;
                    erased++;
                }
                else
                {
                    db.FeedbackEntries.Remove(entry);
                    db.AuditEntries.Add(Audit(entry, AuditAction.FeedbackErase, new JsonObject
                    {
                        ["deleted"] = new JsonObject { ["from"] = Json(entry.Status), ["to"] = null },
                        ["reason"] = "retention",
                    }, RetentionActor, now));
                    deleted++;
                }
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A curator decided on one of these meanwhile: the next round reads the batch again.
            }
        }
    }

    private static void Erase(RegistryDbContext db, FeedbackEntry entry, string reason, string actor, DateTimeOffset now)
    {
        var given = new JsonArray();
        if (entry.SenderName is not null) given.Add("name");
        if (entry.SenderEmail is not null) given.Add("email");
        entry.SenderName = null;
        entry.SenderEmail = null;
        entry.PersonalDataErasedAt = now;
        db.AuditEntries.Add(Audit(entry, AuditAction.FeedbackErase, new JsonObject { ["erased"] = given, ["reason"] = reason }, actor, now));
    }

    /// <summary>
    /// Loads the feedback, checks the expected version, lets <paramref name="decide"/> change it (false: nothing to
    /// change), then commits the change and the audit entries the decision added.
    /// </summary>
    private async Task<FeedbackWriteResult> DecideAsync(string id, long? expectedVersion, CancellationToken ct,
        Func<FeedbackEntry, RegistryDbContext, DateTimeOffset, bool> decide)
    {
        if (!PublicIds.IsWellFormed(id, 'f')) return new FeedbackWriteResult(WriteStatus.NotFound);
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await ById(db, id).SingleOrDefaultAsync(ct);
        if (entry is null) return new FeedbackWriteResult(WriteStatus.NotFound);
        if (expectedVersion is { } v && v != entry.Version) return new FeedbackWriteResult(WriteStatus.VersionMismatch, ToRecord(entry));
        var now = clock.GetUtcNow();
        if (!decide(entry, db, now)) return new FeedbackWriteResult(WriteStatus.Unchanged, ToRecord(entry));
        entry.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FeedbackWriteResult(WriteStatus.VersionMismatch);
        }
        return new FeedbackWriteResult(WriteStatus.Ok, ToRecord(entry));
    }

    private static void Moderated(FeedbackEntry entry, Actor actor, DateTimeOffset now)
    {
        entry.ModeratedAt = now;
        entry.ModeratedBy = actor.Name;
    }

    private static IQueryable<FeedbackEntry> ById(RegistryDbContext db, string id) =>
        db.FeedbackEntries.Include(f => f.Task).Where(f => f.PublicId == id);

    private static FeedbackRecord ToRecord(FeedbackEntry f) => new(
        f.PublicId, f.Task?.PublicId, f.Message, f.Language, f.Status, f.SenderName, f.SenderEmail, f.ConsentVersion, f.ConsentAt,
        f.RejectReason, f.Reply, f.RepliedAt, f.RepliedBy, f.ModeratedAt, f.ModeratedBy, f.CreatedAt, f.PersonalDataErasedAt)
    {
        Version = f.Version,
    };

    private static string Json(FeedbackStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static JsonObject Change(FeedbackStatus? from, FeedbackStatus to) =>
        new() { ["from"] = from is { } f ? Json(f) : null, ["to"] = Json(to) };

    private static AuditEntry Audit(FeedbackEntry entry, AuditAction action, JsonObject changes, string actor, DateTimeOffset now) => new()
    {
        At = now,
        Actor = actor,
        Action = action,
        EntityId = entry.PublicId,
        ChangesJson = changes.ToJsonString(RegistryJson.Options),
    };

    private const byte CursorVersion = 0x46; // 'F'

    private static string EncodeCursor(long id) => Catalog.CatalogCursors.EncodeId(CursorVersion, id);

    private static long DecodeCursor(string cursor) => Catalog.CatalogCursors.DecodeId(CursorVersion, cursor);
}
