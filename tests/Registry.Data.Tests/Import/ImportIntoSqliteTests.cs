using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Demo;
using Registry.Data.Import;
using Registry.Data.Tests.Infrastructure;
using Registry.Data.Validation;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Import;

/// <summary>The import and the demo seeder against the real store on SQLite (one fresh database per test).</summary>
public sealed class ImportIntoSqliteTests : IAsyncLifetime
{
    private readonly SqliteHarness _store = new();
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    public Task InitializeAsync() => _store.InitializeAsync();
    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public void Every_demo_record_passes_the_stores_validator()
    {
        var invalid = DemoCatalogue.Generate()
            .Select(t => (t.Code, Errors: TaskRecordValidator.Validate(t)))
            .Where(x => x.Errors.Count > 0)
            .Select(x => $"{x.Code}: {string.Join("; ", x.Errors.Select(e => $"{e.Path} {e.Message}"))}")
            .ToList();
        Assert.Empty(invalid);
    }

    [Fact]
    public async Task Demo_catalogue_seeds_an_empty_store_once()
    {
        var seeded = await DemoSeeder.SeedIfEmptyAsync(_store.Tasks, _store.Catalog, 120);

        Assert.Equal(120, seeded);
        Assert.Equal(120, await _store.Catalog.CountAllAsync());
        Assert.Equal(0, await DemoSeeder.SeedIfEmptyAsync(_store.Tasks, _store.Catalog, 120));
        var first = DemoCatalogue.Generate(1).Single();
        var stored = await _store.Tasks.FindByCodeAsync(first.Code!);
        Assert.Equal(first.Title, stored!.Record.Title);
        Assert.Equal(first.CreatedAt, stored.Record.CreatedAt);
    }

    [Fact]
    public async Task Sample_csv_imports_then_reimports_as_unchanged()
    {
        var path = Path.Combine(CsvImportReaderTests.RepoRoot(), "docs", "samples", "import-example.csv");
        var service = new ImportService(_store.Tasks);

        ImportReport first, second;
        await using (var file = File.OpenRead(path)) first = await service.RunAsync(file, ImportFormat.Csv, new ImportOptions(), Curator, null);
        await using (var file = File.OpenRead(path)) second = await service.RunAsync(file, ImportFormat.Csv, new ImportOptions(), Curator, null);

        Assert.True(first.Committed, string.Join(" | ", first.RejectedRows.SelectMany(r => r.Reasons)));
        Assert.Equal(3, first.Created);
        Assert.Equal(3, second.Unchanged);
        Assert.StartsWith("Không có thay đổi: 3 bản ghi", second.Summary);
    }

    [Fact]
    public async Task Bad_row_in_a_later_batch_leaves_the_real_store_untouched()
    {
        var service = new ImportService(_store.Tasks) { BatchSize = 2 };
        var file = Lines(5).Replace("\"kind\":\"researchProject\"", "\"kind\":\"researchProject\",\"level\":\"provincial\",\"status\":\"inProgress\",\"hostOrganization\":{\"name\":\"Trường Đại học Hùng Vương\"}")
                   + "\n" + Line("X-9", "");

        var report = await service.RunAsync(Utf8(file), ImportFormat.JsonLines, new ImportOptions(), Curator, null);

        Assert.False(report.Committed);
        Assert.Equal(6, Assert.Single(report.RejectedRows).Line);
        Assert.Equal(0, await _store.Catalog.CountAllAsync());
    }

    [Fact]
    public async Task Classified_csv_row_is_refused_by_the_real_store_with_nothing_kept()
    {
        var csv = "Mã số,Tên nhiệm vụ,Loại nhiệm vụ,Cấp quản lý,Lĩnh vực,Tình trạng,Tổ chức chủ trì,Độ mật\n" +
                  "MAT-1,Tên bí mật XYZ,Đề tài,Tỉnh,401,Đang thực hiện,Trường Đại học Hùng Vương,Tối mật\n" +
                  "CK-1,Nghiên cứu nấm sò,Đề tài,Tỉnh,401,Đang thực hiện,Trường Đại học Hùng Vương,Không\n";

        var report = await new ImportService(_store.Tasks).RunAsync(Utf8(csv), ImportFormat.Csv, new ImportOptions(SkipInvalid: true), Curator, null);

        Assert.Equal(1, report.Created);
        var refused = Assert.Single(report.RejectedRows);
        Assert.Null(refused.Code);
        Assert.DoesNotContain("XYZ", string.Join(" ", refused.Reasons));
        Assert.Null(await _store.Tasks.FindByCodeAsync("MAT-1"));
    }

    private static string ValidLines(int count, string prefix = "ĐT-T") => Lines(count, prefix).Replace("\"kind\":\"researchProject\"",
        "\"kind\":\"researchProject\",\"level\":\"provincial\",\"status\":\"inProgress\",\"hostOrganization\":{\"name\":\"Trường Đại học Hùng Vương\"}");

    [Fact]
    public async Task A_failure_while_writing_the_last_batch_leaves_the_real_store_untouched()
    {
        var failing = new FailingStore(_store.Tasks, failAtLine: 5_000);
        var service = new ImportService(failing) { BatchSize = 500 };

        await Assert.ThrowsAsync<IOException>(() => service.RunAsync(Utf8(ValidLines(5_000)), ImportFormat.JsonLines, new ImportOptions(), Curator, null));

        Assert.Equal(9, failing.BatchesWritten); // the nine batches before the last were in the transaction, then rolled back
        Assert.Equal(0, await _store.Catalog.CountAllAsync());
        await using var db = _store.NewContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task A_file_level_error_after_the_last_row_leaves_the_real_store_untouched()
    {
        var csv = "Mã số,Tên nhiệm vụ,Loại nhiệm vụ,Cấp quản lý,Lĩnh vực,Tình trạng,Tổ chức chủ trì\n" + string.Concat(Enumerable.Range(1, 1_200)
            .Select(i => $"CSV-{i:D4},Nghiên cứu nấm sò {i},Đề tài,Tỉnh,401,Đang thực hiện,Trường Đại học Hùng Vương\n"));
        var bytes = Encoding.UTF8.GetBytes(csv).Concat(new byte[] { (byte)'B', 0xE3, (byte)',', (byte)'y', (byte)'\n' }).ToArray();

        var ex = await Assert.ThrowsAsync<ImportFileException>(() =>
            new ImportService(_store.Tasks) { BatchSize = 500 }.RunAsync(new MemoryStream(bytes), ImportFormat.Csv, new ImportOptions(SkipInvalid: true), Curator, null));

        Assert.Equal(ImportFileErrorKind.Encoding, ex.Kind);
        Assert.Equal(0, await _store.Catalog.CountAllAsync());
    }

    [Fact]
    public async Task The_audit_log_answers_who_created_a_task_when_by_which_import_and_with_what_values()
    {
        var file = Encoding.UTF8.GetBytes(ValidLines(3));
        var report = await new ImportService(_store.Tasks).RunAsync(new MemoryStream(file), ImportFormat.JsonLines, new ImportOptions(), Curator,
            null, new ImportSource("j0123456789ab", "nhiem-vu.jsonl"));
        var task = (await _store.Tasks.FindByCodeAsync("ĐT-T-0002"))!;
        _store.Clock.Advance(TimeSpan.FromHours(1));
        var corrected = task.Record with { Title = "Tên đã sửa" };
        await new ImportService(_store.Tasks).RunAsync(Utf8(JsonSerializer.Serialize(corrected, RegistryJson.Options)), ImportFormat.JsonLines,
            new ImportOptions(), new Actor("curator-2", ApiRole.Curator), null);

        await using var db = _store.NewContext();
        var history = await db.AuditEntries.Where(a => a.EntityId == task.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.ImportCreate, AuditAction.Import], history.Select(a => a.Action));
        var created = history[0];
        Assert.Equal(("curator-1", _store.Clock.GetUtcNow().AddHours(-1)), (created.Actor, created.At));
        var source = JsonNode.Parse(created.ChangesJson)!;
        Assert.Equal(("j0123456789ab", 2), ((string?)source["import"], (int?)source["line"]));
        var import = await db.AuditEntries.SingleAsync(a => a.EntityId == "j0123456789ab");
        Assert.Equal(AuditAction.ImportFile, import.Action);
        var described = JsonNode.Parse(import.ChangesJson)!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), (string?)described["sha256"]);
        Assert.Equal(("nhiem-vu.jsonl", "jsonl", 3, 3), ((string?)described["fileName"], (string?)described["format"], (int?)described["rows"], (int?)described["created"]));
        // The values as created: line 2 of the file (its hash above), and the stored first version, which a later
        // change records in full as {from, to}.
        var line2 = JsonSerializer.Deserialize<TaskRecord>(Encoding.UTF8.GetString(file).Split('\n')[1], RegistryJson.Options)!;
        Assert.Equal(line2.Title, task.Record.Title);
        var update = JsonNode.Parse(history[1].ChangesJson)!;
        Assert.Equal((line2.Title, "Tên đã sửa"), ((string?)update["title"]!["from"], (string?)update["title"]!["to"]));
        Assert.Equal("curator-2", history[1].Actor);
        Assert.Equal(3, report.Created);
    }

    /// <summary>The real store, with a failure thrown when the batch holding <paramref name="failAtLine"/> reaches it.</summary>
    private sealed class FailingStore(ITaskStore inner, int failAtLine) : ITaskStore
    {
        public int BatchesWritten { get; private set; }

        public Task<bool> ImportAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
            CancellationToken ct = default) =>
            inner.ImportAsync(run, options, (session, token) => pass(new Failing(session, this), token), ct);

        private sealed class Failing(IImportSession session, FailingStore owner) : IImportSession
        {
            public bool Writing => session.Writing;

            public async Task<BatchOutcome> AddAsync(IReadOnlyList<ImportCandidate> rows, CancellationToken ct = default)
            {
                if (rows.Any(r => r.Line == owner._failAtLine)) throw new IOException("disk full (injected)");
                var outcome = await session.AddAsync(rows, ct);
                if (outcome.Committed) owner.BatchesWritten++;
                return outcome;
            }
        }

        private readonly int _failAtLine = failAtLine;
        public Task<StoredTask?> FindByIdAsync(string id, CancellationToken ct = default) => inner.FindByIdAsync(id, ct);
        public Task<StoredTask?> FindByCodeAsync(string code, CancellationToken ct = default) => inner.FindByCodeAsync(code, ct);
        public Task<IReadOnlyList<StoredTask>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.FindManyAsync(ids, ct);
        public Task<TaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default) => inner.ListPublishedAsync(cursor, pageSize, ct);
        public Task<WriteResult> CreateAsync(TaskRecord record, Actor actor, CancellationToken ct = default) => inner.CreateAsync(record, actor, ct);
        public Task<WriteResult> UpdateAsync(string id, TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct = default) =>
            inner.UpdateAsync(id, record, expectedVersion, actor, ct);
        public Task<WriteResult> SetVisibilityAsync(string id, Visibility visibility, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default) =>
            inner.SetVisibilityAsync(id, visibility, reason, expectedVersion, actor, ct);
        public Task<BatchOutcome> UpsertBatchAsync(IReadOnlyList<ImportCandidate> rows, ImportOptions options, Actor actor, CancellationToken ct = default) =>
            inner.UpsertBatchAsync(rows, options, actor, ct);
    }
}
