using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Validation;

namespace Registry.Data.Store;

/// <summary>
/// The store of tasks. Each write runs in its own context and commits with ONE SaveChanges, which is one transaction:
/// the task, its audit entry and its outbox entry land together or not at all. Record content is never logged.
/// </summary>
internal sealed class TaskStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : ITaskStore
{
    private const int MaxPageSize = 500;

    public async Task<StoredTask?> FindByIdAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await TaskQueries.ById(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
        return task is null ? null : TaskWrites.ToStored(task);
    }

    public async Task<StoredTask?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = TaskMapper.Text(code);
        if (normalized is null) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await TaskQueries.ByCode(db, normalized).AsNoTracking().SingleOrDefaultAsync(ct);
        return task is null ? null : TaskWrites.ToStored(task);
    }

    public async Task<IReadOnlyList<StoredTask>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var tasks = await TaskQueries.ByIds(db, ids.Distinct().ToList()).AsNoTracking().ToListAsync(ct);
        var byId = tasks.ToDictionary(t => t.PublicId);
        return ids.Where(byId.ContainsKey).Distinct().Select(id => TaskWrites.ToStored(byId[id])).ToList();
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    public async Task<TaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var after = string.IsNullOrEmpty(cursor) ? ((DateTimeOffset, long)?)null : PublishedCursor.Decode(cursor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await TaskQueries.PublishedPage(db, after?.Item1, after?.Item2, size + 1).ToListAsync(ct);
        var total = await TaskQueries.Published(db).LongCountAsync(ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? PublishedCursor.Encode(page[^1].PublishedAt!.Value, page[^1].Id) : null;
        return new TaskPage(page.Select(TaskWrites.ToStored).ToList(), next, total);
    }

    public Task<WriteResult> CreateAsync(TaskRecord record, Actor actor, CancellationToken ct = default) =>
        OrganizationRace.RetryOnceAsync(() => CreateOnceAsync(record, actor, ct));

    public Task<WriteResult> UpdateAsync(string id, TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct = default) =>
        OrganizationRace.RetryOnceAsync(() => UpdateOnceAsync(id, record, expectedVersion, actor, ct));

    private async Task<WriteResult> CreateOnceAsync(TaskRecord record, Actor actor, CancellationToken ct)
    {
        if (Refuse(record) is { } refused) return refused;
        if (WithdrawalRule.Check(null, record.Visibility) is { } withdrawal) return new WriteResult(WriteStatus.Invalid, Errors: [withdrawal]);
        await using var db = await factory.CreateDbContextAsync(ct);
        var code = TaskMapper.Text(record.Code)!;
        if (await TaskQueries.CodeTakenBy(db, code, 0).AnyAsync(ct)) return Duplicate(code);

        var now = clock.GetUtcNow();
        var orgs = new OrganizationResolver(db);
        await orgs.PreloadAsync([record.HostOrganization!], ct);
        var task = new ScienceTask { PublicId = PublicIds.NewTaskId(), Version = 1, CreatedAt = now, UpdatedAt = now };
        TaskMapper.ApplyContent(task, record, orgs.Resolve(record.HostOrganization!, now));
        TaskWrites.ApplyVisibility(task, record.Visibility ?? Visibility.Draft, null, now);
        db.Tasks.Add(task);
        var changes = TaskChanges.Created(TaskChanges.Snapshot(task));
        TaskWrites.AddBookkeeping(db, task, TaskWrites.ActionFor(Visibility.Draft, task.Visibility, AuditAction.Create), changes, actor, now);
        return await SaveAsync(db, task, WriteStatus.Created, code, ct);
    }

    private async Task<WriteResult> UpdateOnceAsync(string id, TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct)
    {
        if (Refuse(record) is { } refused) return refused;
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await TaskQueries.ById(db, id).SingleOrDefaultAsync(ct);
        if (task is null) return new WriteResult(WriteStatus.NotFound);
        if (expectedVersion is { } v && v != task.Version) return new WriteResult(WriteStatus.VersionMismatch, TaskWrites.ToStored(task));
        if (WithdrawalRule.Check(task.Visibility, record.Visibility) is { } withdrawal) return new WriteResult(WriteStatus.Invalid, Errors: [withdrawal]);
        record = TaskWrites.KeepUnsentCoverage(record, task);
        var code = TaskMapper.Text(record.Code)!;
        if (await TaskQueries.CodeTakenBy(db, code, task.Id).AnyAsync(ct)) return Duplicate(code);

        var orgs = new OrganizationResolver(db);
        await orgs.PreloadAsync([record.HostOrganization!], ct);
        var visibility = record.Visibility ?? task.Visibility;
        var before = TaskChanges.Snapshot(task);
        var preview = TaskWrites.Preview(task, record, orgs.Preview(record.HostOrganization!), visibility, task.WithdrawalReason);
        var changes = TaskChanges.Diff(before, TaskChanges.Snapshot(preview));
        if (changes.Count == 0) return new WriteResult(WriteStatus.Unchanged, TaskWrites.ToStored(task));

        var now = clock.GetUtcNow();
        var wasVisibility = task.Visibility;
        TaskMapper.ApplyContent(task, record, orgs.Resolve(record.HostOrganization!, now));
        TaskWrites.ApplyVisibility(task, visibility, task.WithdrawalReason, now);
        Touch(task, now);
        TaskWrites.AddBookkeeping(db, task, TaskWrites.ActionFor(wasVisibility, visibility, AuditAction.Update), changes, actor, now);
        return await SaveAsync(db, task, WriteStatus.Ok, code, ct);
    }

    public async Task<WriteResult> SetVisibilityAsync(string id, Visibility visibility, string? reason, long? expectedVersion,
        Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await TaskQueries.ById(db, id).SingleOrDefaultAsync(ct);
        if (task is null) return new WriteResult(WriteStatus.NotFound);
        if (expectedVersion is { } v && v != task.Version) return new WriteResult(WriteStatus.VersionMismatch, TaskWrites.ToStored(task));
        if (reason is not null && reason.Trim().Length > TextLimits.Title)
        {
            return new WriteResult(WriteStatus.Invalid, Errors:
                [new FieldError("reason", $"Lý do quá dài: tối đa {TextLimits.Title} ký tự (reason: at most {TextLimits.Title} characters)")]);
        }

        var before = TaskChanges.Snapshot(task);
        var now = clock.GetUtcNow();
        var wasVisibility = task.Visibility;
        TaskWrites.ApplyVisibility(task, visibility, reason, now);
        var changes = TaskChanges.Diff(before, TaskChanges.Snapshot(task));
        if (changes.Count == 0) return new WriteResult(WriteStatus.Unchanged, TaskWrites.ToStored(task));

        Touch(task, now);
        TaskWrites.AddBookkeeping(db, task, TaskWrites.ActionFor(wasVisibility, visibility, AuditAction.Update), changes, actor, now);
        return await SaveAsync(db, task, WriteStatus.Ok, task.Code, ct);
    }

    /// <summary>One batch as a whole import of its own (run id "i…", no file): written and committed, or nothing.</summary>
    public async Task<BatchOutcome> UpsertBatchAsync(IReadOnlyList<ImportCandidate> rows, ImportOptions options, Actor actor,
        CancellationToken ct = default)
    {
        BatchOutcome? outcome = null;
        var committed = await ImportAsync(new ImportRun(PublicIds.NewImportId(), actor, "batch"), options, async (session, token) =>
        {
            outcome = await session.AddAsync(rows, token);
            return outcome.Committed ? ImportTotals.Of(outcome.Rows) : null;
        }, ct);
        return outcome! with { Committed = committed };
    }

    public Task<bool> ImportAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
        CancellationToken ct = default) =>
        new TaskImport(factory, clock).RunAsync(run, options, pass, ct);

    /// <summary>State secrets first (nothing else is looked at), then validation.</summary>
    private WriteResult? Refuse(TaskRecord record)
    {
        if (StateSecretGuard.IsClassified(record))
        {
            return new WriteResult(WriteStatus.StateSecret, Errors: [new FieldError("securityClassification", StateSecretGuard.RefusalMessage)]);
        }
        var errors = TaskRecordValidator.Validate(record, clock);
        return errors.Count > 0 ? new WriteResult(WriteStatus.Invalid, Errors: errors) : null;
    }

    private static WriteResult Duplicate(string code) =>
        new(WriteStatus.DuplicateCode, Errors: [TaskWrites.DuplicateCodeError(code)]);

    private static void Touch(ScienceTask task, DateTimeOffset now)
    {
        task.Version++;
        // Strictly increasing, so harvesters asking "changed since" never miss a change made in the same tick.
        task.UpdatedAt = now > task.UpdatedAt ? now : task.UpdatedAt.AddTicks(1);
    }

    private async Task<WriteResult> SaveAsync(RegistryDbContext db, ScienceTask task, WriteStatus status, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new WriteResult(status, TaskWrites.ToStored(task));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WriteResult(WriteStatus.VersionMismatch);
        }
        catch (DbUpdateException e)
        {
            // Lost a race with another writer on the same code: the unique index refused the second insert.
            if (await CodeTakenElsewhereAsync(code, task.PublicId, ct)) return Duplicate(code);
            OrganizationRace.ThrowIfLost(db, e);
            throw;
        }
    }

    private async Task<bool> CodeTakenElsewhereAsync(string code, string publicId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TaskQueries.CodeHeldByOther(db, code, publicId).AnyAsync(ct);
    }
}
