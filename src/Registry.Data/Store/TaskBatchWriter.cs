using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Validation;
using Registry.Data.Webhooks;

namespace Registry.Data.Store;

/// <summary>
/// Upserts one import batch by code inside the import's open transaction (<see cref="TaskImport"/>). Rows are
/// screened first (state secret, parse errors, validation, duplicate codes), then planned against the existing
/// tasks (one query for the whole batch, which sees the import's earlier batches), then written: organizations and
/// updated tasks through EF with change detection once per batch, new tasks and every appended row in bulk.
/// </summary>
internal sealed class TaskBatchWriter(RegistryDbContext db, ImportRun run, ImportOptions options, TimeProvider clock) : IImportSession
{
    private sealed record Accepted(int Index, int Line, TaskRecord Record, string Code);

    private sealed record Plan(Accepted Row, ScienceTask? Existing, RowOutcome Outcome, JsonObject? Changes);

    private bool _refused;

    public bool Writing => !options.DryRun && !_refused;

    public async Task<BatchOutcome> AddAsync(IReadOnlyList<ImportCandidate> rows, CancellationToken ct = default)
    {
        var rejected = new Dictionary<int, RowResult>();
        var accepted = Screen(rows, rejected);
        var existing = await ExistingAsync(accepted, ct);
        // Seeding and snapshot restores (KeepTimestamps) copy the registry's own state; curator imports may not withdraw.
        if (!options.KeepTimestamps) accepted = RejectWithdrawals(accepted, existing, rejected);
        var orgs = new OrganizationResolver(db);
        await orgs.PreloadAsync(accepted.Select(a => a.Record.HostOrganization!), ct);
        var plans = accepted.Select(a => PlanRow(a, existing.GetValueOrDefault(a.Code), orgs)).ToList();

        if (rejected.Count > 0 && !options.SkipInvalid) _refused = true;
        var write = Writing;
        var written = new Dictionary<int, ScienceTask>();
        if (write)
        {
            var pending = new PendingRows();
            var now = clock.GetUtcNow();
            foreach (var plan in plans.Where(p => p.Outcome != RowOutcome.Unchanged))
            {
                written[plan.Row.Index] = Apply(plan, orgs, now, pending);
            }
            // Only updated rows were changed in place; new rows were attached complete.
            if (plans.Any(p => p.Outcome == RowOutcome.Updated)) db.ChangeTracker.DetectChanges();
            try
            {
                await SaveAsync(pending, ct);
            }
            catch (DbUpdateException e)
            {
                OrganizationRace.ThrowIfLost(db, e);
                throw;
            }
        }
        // The import's transaction holds what was written; the tracker need not, so memory stays flat over the file.
        db.ChangeTracker.Clear();
        return new BatchOutcome(Report(rows.Count, rejected, plans, written), write);
    }

    /// <summary>The existing tasks among the batch's codes: a cheap code-only query first, the full rows only when some exist.</summary>
    private async Task<Dictionary<string, ScienceTask>> ExistingAsync(List<Accepted> accepted, CancellationToken ct)
    {
        if (accepted.Count == 0) return [];
        var codes = accepted.Select(a => a.Code).ToList();
        var known = await TaskQueries.ExistingCodes(db, codes).ToListAsync(ct);
        if (known.Count == 0) return new Dictionary<string, ScienceTask>(StringComparer.Ordinal);
        return await TaskQueries.ByCodes(db, known).ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
    }

    public IReadOnlyList<ImportCandidate> Prepare(IReadOnlyList<ImportCandidate> rows)
    {
        var prepared = new List<ImportCandidate>(rows.Count);
        foreach (var row in rows)
        {
            prepared.Add(row.StateSecret || row.Record is null || row.Errors.Count > 0 || row.Check is not null
                ? row
                : row with { Check = CheckRecord(row.Record) });
        }
        return prepared;
    }

    /// <summary>The store-independent checks of a record: the state-secret guard first, then validation.</summary>
    private RecordCheck CheckRecord(TaskRecord record) => StateSecretGuard.IsClassified(record)
        ? new RecordCheck(true, [])
        : new RecordCheck(false, TaskRecordValidator.Validate(record, clock).Select(e => $"{e.Path}: {e.Message}").ToList());

    /// <summary>Refuses what must not enter before anything is compared or written.</summary>
    private List<Accepted> Screen(IReadOnlyList<ImportCandidate> rows, Dictionary<int, RowResult> rejected)
    {
        var accepted = new List<Accepted>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // A row with parse errors is still screened for a secret (never for validity): its errors are the answer.
            var check = row.Record is { } r && !row.StateSecret
                ? row.Check ?? (row.Errors.Count == 0 ? CheckRecord(r) : new RecordCheck(StateSecretGuard.IsClassified(r), []))
                : null;
            if (row.StateSecret || check is { StateSecret: true })
            {
                // Not even the code is echoed back: the row is answered by its line only.
                rejected[i] = new RowResult(row.Line, null, RowOutcome.Rejected, null, [StateSecretGuard.RefusalMessage]);
                continue;
            }
            var reasons = new List<string>(row.Errors);
            if (row.Record is null && reasons.Count == 0) reasons.Add("Dòng trống hoặc không đọc được (empty or unreadable row)");
            if (row.Record is not null && reasons.Count == 0) reasons.AddRange(check!.Problems);
            if (reasons.Count > 0) rejected[i] = new RowResult(row.Line, row.Code, RowOutcome.Rejected, null, reasons);
            else accepted.Add(new Accepted(i, row.Line, row.Record!, TaskMapper.Text(row.Record!.Code)!));
        }
        return RejectDuplicateCodes(accepted, rejected);
    }

    /// <summary>A row may keep a withdrawn task withdrawn but not withdraw one: that needs a reason (<see cref="WithdrawalRule"/>).</summary>
    private static List<Accepted> RejectWithdrawals(List<Accepted> accepted, Dictionary<string, ScienceTask> existing,
        Dictionary<int, RowResult> rejected)
    {
        foreach (var a in accepted)
        {
            if (WithdrawalRule.Check(existing.GetValueOrDefault(a.Code)?.Visibility, a.Record.Visibility) is { } error)
            {
                rejected[a.Index] = new RowResult(a.Line, a.Code, RowOutcome.Rejected, null, [$"{error.Path}: {error.Message}"]);
            }
        }
        return accepted.Where(a => !rejected.ContainsKey(a.Index)).ToList();
    }

    /// <summary>Two rows with one code in a batch: which one is right is the curator's call, so both are rejected.</summary>
    private static List<Accepted> RejectDuplicateCodes(List<Accepted> accepted, Dictionary<int, RowResult> rejected)
    {
        var groups = accepted.GroupBy(a => a.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        foreach (var group in groups)
        {
            var lines = string.Join(", ", group.Select(a => a.Line));
            foreach (var a in group)
            {
                rejected[a.Index] = new RowResult(a.Line, a.Code, RowOutcome.Rejected, null,
                    [$"Mã số \"{a.Code}\" xuất hiện nhiều lần trong cùng lô, dòng {lines} (duplicate code in this batch)"]);
            }
        }
        return accepted.Where(a => !rejected.ContainsKey(a.Index)).ToList();
    }

    private static Plan PlanRow(Accepted row, ScienceTask? existing, OrganizationResolver orgs)
    {
        if (existing is null) return new Plan(row, null, RowOutcome.Created, null);
        row = row with { Record = TaskWrites.KeepUnsentCoverage(row.Record, existing) };
        var visibility = row.Record.Visibility ?? existing.Visibility;
        var preview = TaskWrites.Preview(existing, row.Record, orgs.Preview(row.Record.HostOrganization!), visibility, existing.WithdrawalReason);
        var changes = TaskChanges.Diff(TaskChanges.Snapshot(existing), TaskChanges.Snapshot(preview));
        return new Plan(row, existing, changes.Count == 0 ? RowOutcome.Unchanged : RowOutcome.Updated, changes);
    }

    /// <summary>Rows appended in bulk after the tasks have their keys: children of new tasks, audit, outbox.</summary>
    private sealed class PendingRows
    {
        public List<ScienceTask> NewTasks { get; } = [];
        public List<AuditEntry> Audit { get; } = [];
        public List<OutboxEntry> Outbox { get; } = [];
        public List<PublicChangeEntry> Changes { get; } = [];
    }

    /// <summary>
    /// An updated task keeps its full {from, to} audit diff; a created one gets the compact entry naming the import
    /// and the line (<see cref="AuditAction.ImportCreate"/>), since its values are the task's first version.
    /// </summary>
    private ScienceTask Apply(Plan plan, OrganizationResolver orgs, DateTimeOffset now, PendingRows pending)
    {
        var record = plan.Row.Record;
        var keep = options.KeepTimestamps;
        var task = plan.Existing ?? new ScienceTask { PublicId = PublicIds.NewTaskId(), CreatedAt = Pick(keep, record.CreatedAt, now) };
        task.Version++;
        if (keep && record.PublishedAt is { } publishedAt) task.PublishedAt = publishedAt;
        TaskMapper.ApplyContent(task, record, orgs.Resolve(record.HostOrganization!, now));
        TaskWrites.ApplyVisibility(task, record.Visibility ?? task.Visibility, task.WithdrawalReason, now);
        task.UpdatedAt = Pick(keep, record.UpdatedAt, now);
        if (plan.Existing is null)
        {
            pending.Audit.Add(TaskWrites.NewImportCreateAudit(task, run, plan.Row.Line, now));
            pending.Outbox.Add(TaskWrites.NewOutbox(task, now, WebhookEventTypes.Join(WebhookEventRules.Classify(false, task.Visibility == Visibility.Published, false))));
            if (task.Visibility == Visibility.Published) pending.Changes.Add(new PublicChangeEntry { TaskId = task.PublicId, Change = PublicChangeKind.Created, At = now });
            // New tasks are not tracked: they and their children go in with a few bulk INSERTs.
            pending.NewTasks.Add(task);
            return task;
        }
        pending.Audit.Add(TaskWrites.NewAudit(task, AuditAction.Import, plan.Changes!, run.Actor, now));
        pending.Outbox.Add(TaskWrites.NewOutbox(task, now, WebhookEventRules.For(db, task, plan.Changes!)));
        if (PublicChangeEntry.For(db, task, now) is { } change) pending.Changes.Add(change);
        return task;
    }

    /// <summary>
    /// Inside the import's transaction: organizations and updated tasks through EF, then new tasks in bulk, their keys
    /// read back by public id (one query), then their children, the audit and the outbox in bulk.
    /// </summary>
    private async Task SaveAsync(PendingRows pending, CancellationToken ct)
    {
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
        foreach (var task in pending.NewTasks) task.HostOrganizationId = task.HostOrganization.Id;
        // SQLite's direct path gives each new task's key (its rowid) as it is inserted; elsewhere they are read back.
        var rowIds = await BulkInsert.InsertReturningRowIdsAsync(db, pending.NewTasks, ct);
        if (pending.NewTasks.Count > 0)
        {
            var ids = rowIds is null
                ? await TaskQueries.KeysByPublicIds(db, pending.NewTasks.Select(t => t.PublicId).ToList())
                    .ToDictionaryAsync(k => k.PublicId, k => k.Id, ct)
                : pending.NewTasks.Select((t, i) => (t.PublicId, Id: rowIds[i])).ToDictionary(k => k.PublicId, k => k.Id);
            foreach (var task in pending.NewTasks)
            {
                var id = ids[task.PublicId];
                task.Fields.ForEach(f => f.TaskId = id);
                task.Investigators.ForEach(i => i.TaskId = id);
                task.Outputs.ForEach(o => o.TaskId = id);
                task.Coverage.ForEach(c => c.TaskId = id);
            }
        }
        await BulkInsert.InsertAsync(db, pending.NewTasks.SelectMany(t => t.Fields).ToList(), ct);
        await BulkInsert.InsertAsync(db, pending.NewTasks.SelectMany(t => t.Investigators).ToList(), ct);
        await BulkInsert.InsertAsync(db, pending.NewTasks.SelectMany(t => t.Outputs).ToList(), ct);
        await BulkInsert.InsertAsync(db, pending.NewTasks.SelectMany(t => t.Coverage).ToList(), ct);
        await BulkInsert.InsertAsync(db, pending.Audit, ct);
        await BulkInsert.InsertAsync(db, pending.Outbox, ct);
        await BulkInsert.InsertAsync(db, pending.Changes, ct);
    }

    private static DateTimeOffset Pick(bool keep, DateTimeOffset? given, DateTimeOffset now) => keep && given is { } g ? g : now;

    /// <summary>Rows in input order; a row created in a batch that was not written has no id.</summary>
    private static List<RowResult> Report(int count, Dictionary<int, RowResult> rejected, List<Plan> plans,
        Dictionary<int, ScienceTask> written)
    {
        var results = new RowResult[count];
        foreach (var (index, result) in rejected) results[index] = result;
        foreach (var plan in plans)
        {
            var id = plan.Existing?.PublicId ?? written.GetValueOrDefault(plan.Row.Index)?.PublicId;
            results[plan.Row.Index] = new RowResult(plan.Row.Line, plan.Row.Code, plan.Outcome, id, []);
        }
        return results.ToList();
    }
}
