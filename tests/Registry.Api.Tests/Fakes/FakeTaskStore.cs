using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="ITaskStore"/> that follows the contract's rules (drafts on create, versions, state secrets
/// refused, duplicate codes, unchanged detection, newest-first paging) so handlers can be tested without a database.
/// </summary>
public sealed class FakeTaskStore : ITaskStore
{
    private readonly ConcurrentDictionary<string, StoredTask> _tasks = new();
    private readonly object _gate = new();
    private int _nextId;

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyCollection<StoredTask> All => _tasks.Values.ToList();

    public Task<StoredTask?> FindByIdAsync(string id, CancellationToken ct = default) => Task.FromResult(_tasks.GetValueOrDefault(id));

    public Task<StoredTask?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        Task.FromResult(_tasks.Values.FirstOrDefault(t => t.Record.Code == code));

    public Task<IReadOnlyList<StoredTask>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StoredTask>>(ids.Select(id => _tasks.GetValueOrDefault(id)).OfType<StoredTask>().ToList());

    public Task<TaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default)
    {
        var offset = cursor is null ? 0 : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        var published = _tasks.Values.Where(t => t.Visibility == Visibility.Published)
            .OrderByDescending(t => t.Record.PublishedAt).ThenByDescending(t => t.Id, StringComparer.Ordinal).ToList();
        var page = published.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < published.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new TaskPage(page, next, published.Count));
    }

    public Task<WriteResult> CreateAsync(TaskRecord record, Actor actor, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (Refuse(record, null) is { } refused) return Task.FromResult(refused);
            var now = Clock.GetUtcNow();
            var id = $"t{Interlocked.Increment(ref _nextId):D6}";
            var stored = new StoredTask(Clean(record) with { Id = id, Visibility = Visibility.Draft, CreatedAt = now, UpdatedAt = now }, 1, Visibility.Draft);
            _tasks[id] = stored;
            return Task.FromResult(new WriteResult(WriteStatus.Created, stored));
        }
    }

    public Task<WriteResult> UpdateAsync(string id, TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (Refuse(record, id) is { } refused) return Task.FromResult(refused);
            if (!_tasks.TryGetValue(id, out var current)) return Task.FromResult(new WriteResult(WriteStatus.NotFound));
            if (expectedVersion is { } v && v != current.Version) return Task.FromResult(new WriteResult(WriteStatus.VersionMismatch, current));
            if (Content(record) == Content(current.Record)) return Task.FromResult(new WriteResult(WriteStatus.Unchanged, current));

            var updated = current with
            {
                Record = Clean(record) with
                {
                    Id = id, Visibility = current.Visibility, CreatedAt = current.Record.CreatedAt,
                    PublishedAt = current.Record.PublishedAt, UpdatedAt = Clock.GetUtcNow(),
                },
                Version = current.Version + 1,
            };
            _tasks[id] = updated;
            return Task.FromResult(new WriteResult(WriteStatus.Ok, updated));
        }
    }

    public Task<WriteResult> SetVisibilityAsync(string id, Visibility visibility, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var current)) return Task.FromResult(new WriteResult(WriteStatus.NotFound));
            if (expectedVersion is { } v && v != current.Version) return Task.FromResult(new WriteResult(WriteStatus.VersionMismatch, current));
            if (current.Visibility == visibility) return Task.FromResult(new WriteResult(WriteStatus.Unchanged, current));

            var now = Clock.GetUtcNow();
            var record = current.Record with
            {
                Visibility = visibility,
                UpdatedAt = now,
                PublishedAt = visibility == Visibility.Published ? now : current.Record.PublishedAt,
            };
            var updated = new StoredTask(record, current.Version + 1, visibility, visibility == Visibility.Withdrawn ? reason : null);
            _tasks[id] = updated;
            return Task.FromResult(new WriteResult(WriteStatus.Ok, updated));
        }
    }

    public Task<BatchOutcome> UpsertBatchAsync(IReadOnlyList<ImportCandidate> rows, ImportOptions options, Actor actor, CancellationToken ct = default) =>
        throw new NotSupportedException("Imports are tested against the real store.");

    public Task<bool> ImportAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
        CancellationToken ct = default) =>
        throw new NotSupportedException("Imports are tested against the real store.");

    private WriteResult? Refuse(TaskRecord record, string? id)
    {
        if (record.SecurityClassification is { } c && c != SecurityClassification.None) return new WriteResult(WriteStatus.StateSecret);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(record.Code)) errors.Add(new FieldError("code", "Mã số là bắt buộc (code is required)."));
        if (string.IsNullOrWhiteSpace(record.Title)) errors.Add(new FieldError("title", "Tên nhiệm vụ là bắt buộc (title is required)."));
        if (errors.Count > 0) return new WriteResult(WriteStatus.Invalid, Errors: errors);
        return _tasks.Values.Any(t => t.Record.Code == record.Code && t.Id != id) ? new WriteResult(WriteStatus.DuplicateCode) : null;
    }

    private static TaskRecord Clean(TaskRecord record) => record with { SecurityClassification = null };

    private static string Content(TaskRecord record) => JsonSerializer.Serialize(
        Clean(record) with { Id = null, Visibility = null, CreatedAt = null, UpdatedAt = null, PublishedAt = null }, RegistryJson.Options);
}
