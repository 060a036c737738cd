using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Tests.Import;

/// <summary>
/// An in-memory <see cref="ITaskStore"/> with the upsert-by-code semantics the real store promises: rows with parse
/// errors, state secrets, or missing code/title are rejected; without skipInvalid a bad row rejects its batch;
/// dry runs write nothing; identical content is "unchanged"; an import writes into a staged copy that replaces the
/// store only when it commits. Only what the import and seeder need is implemented.
/// </summary>
internal sealed class FakeTaskStore : ITaskStore, ITaskCatalog
{
    public const string SecretReason = "Nhiệm vụ thuộc bí mật nhà nước, không được nhập (state secret: refused)";

    private Dictionary<string, TaskRecord> _byCode = new(StringComparer.OrdinalIgnoreCase);

    public int BatchCalls { get; private set; }
    public List<ImportOptions> OptionsSeen { get; } = [];
    public List<ImportRun> Runs { get; } = [];

    /// <summary>Thrown by the session when it is handed the batch holding this line: a failure in the middle of an import.</summary>
    public int? FailAtLine { get; set; }
    public IReadOnlyCollection<TaskRecord> All => _byCode.Values;
    public TaskRecord? Get(string code) => _byCode.GetValueOrDefault(code);

    public Task<BatchOutcome> UpsertBatchAsync(IReadOnlyList<ImportCandidate> rows, ImportOptions options, Actor actor, CancellationToken ct = default)
    {
        BatchCalls++;
        OptionsSeen.Add(options);
        var results = rows.Select(Judge).ToList();
        var anyBad = results.Any(r => r.Outcome == RowOutcome.Rejected);
        var commit = !options.DryRun && (options.SkipInvalid || !anyBad);
        if (commit)
            foreach (var row in rows.Where(r => r.Record is not null && r.Errors.Count == 0 && !r.StateSecret))
                _byCode[row.Code!] = Stamp(row.Record!, options);
        return Task.FromResult(new BatchOutcome(results, commit));
    }

    public async Task<bool> ImportAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
        CancellationToken ct = default)
    {
        Runs.Add(run);
        var committed = _byCode;
        _byCode = new Dictionary<string, TaskRecord>(committed, StringComparer.OrdinalIgnoreCase);
        var session = new Session(this, options);
        try
        {
            var totals = await pass(session, ct);
            if (totals is null || !session.Writing) return false;
            committed = _byCode;
            return true;
        }
        finally
        {
            _byCode = committed;
        }
    }

    private sealed class Session(FakeTaskStore store, ImportOptions options) : IImportSession
    {
        private bool _refused;

        public bool Writing => !options.DryRun && !_refused;

        public async Task<BatchOutcome> AddAsync(IReadOnlyList<ImportCandidate> rows, CancellationToken ct = default)
        {
            if (store.FailAtLine is { } line && rows.Any(r => r.Line == line)) throw new IOException("injected failure");
            var outcome = await store.UpsertBatchAsync(rows, Writing ? options : options with { DryRun = true }, Actor.CommandLine, ct);
            if (!outcome.Committed && !options.DryRun && !options.SkipInvalid) _refused = true;
            return outcome;
        }
    }

    private RowResult Judge(ImportCandidate row)
    {
        if (row.StateSecret) return new RowResult(row.Line, null, RowOutcome.Rejected, null, [SecretReason]);
        if (row.Errors.Count > 0 || row.Record is null) return new RowResult(row.Line, row.Code, RowOutcome.Rejected, null, row.Errors);
        var reasons = new List<string>();
        if (string.IsNullOrWhiteSpace(row.Record.Code)) reasons.Add("Thiếu mã số (code is required)");
        if (string.IsNullOrWhiteSpace(row.Record.Title)) reasons.Add("Thiếu tên nhiệm vụ (title is required)");
        if (row.Record.Budget is { TotalVnd: { } total, StateBudgetVnd: { } state } && state > total)
            reasons.Add("Kinh phí NSNN lớn hơn tổng kinh phí (stateBudgetVnd exceeds totalVnd)");
        if (reasons.Count > 0) return new RowResult(row.Line, row.Code, RowOutcome.Rejected, null, reasons);
        var id = "t-" + row.Code;
        if (!_byCode.TryGetValue(row.Code!, out var existing)) return new RowResult(row.Line, row.Code, RowOutcome.Created, id, []);
        return Same(existing, row.Record)
            ? new RowResult(row.Line, row.Code, RowOutcome.Unchanged, id, [])
            : new RowResult(row.Line, row.Code, RowOutcome.Updated, id, []);
    }

    private static TaskRecord Stamp(TaskRecord record, ImportOptions options) =>
        options.KeepTimestamps ? record : record with { CreatedAt = null, UpdatedAt = null, PublishedAt = null };

    private static bool Same(TaskRecord a, TaskRecord b) =>
        JsonSerializer.Serialize(a with { CreatedAt = null, UpdatedAt = null, PublishedAt = null }, RegistryJson.Options) ==
        JsonSerializer.Serialize(b with { CreatedAt = null, UpdatedAt = null, PublishedAt = null }, RegistryJson.Options);

    public Task<int> CountAllAsync(CancellationToken ct = default) => Task.FromResult(_byCode.Count);

    public Task<StoredTask?> FindByIdAsync(string id, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<StoredTask?> FindByCodeAsync(string code, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<StoredTask>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<TaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<WriteResult> CreateAsync(TaskRecord record, Actor actor, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<WriteResult> UpdateAsync(string id, TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<WriteResult> SetVisibilityAsync(string id, Visibility visibility, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default) => throw new NotSupportedException();
    public IAsyncEnumerable<TaskRecord> StreamPublishedAsync(CancellationToken ct = default) => throw new NotSupportedException();
    public Task<int> CountPublishedAsync(CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<TaskRecord>> GetPublishedAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => throw new NotSupportedException();
}
