using Registry.Data.Abstractions;
using Registry.Data.Import;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Import;

public class ImportServiceTests
{
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    private static Task<ImportReport> Run(FakeTaskStore store, string jsonl, ImportOptions? options = null, int batch = 1000,
        IProgress<ImportProgress>? progress = null) =>
        new ImportService(store) { BatchSize = batch }.RunAsync(Utf8(jsonl), ImportFormat.JsonLines, options ?? new ImportOptions(), Curator, progress);

    [Fact]
    public async Task Valid_file_is_written_and_counted()
    {
        var store = new FakeTaskStore();
        var report = await Run(store, Lines(5), batch: 2);

        Assert.True(report.Committed);
        Assert.Equal((5, 5, 0, 0, 0), (report.Rows, report.Created, report.Updated, report.Unchanged, report.Rejected));
        Assert.Equal(5, store.All.Count);
        Assert.StartsWith("Đã nhập: thêm mới 5", report.Summary);
    }

    [Fact]
    public async Task One_bad_row_in_the_last_batch_keeps_the_whole_file_out()
    {
        var store = new FakeTaskStore();
        var file = Lines(6) + "\n" + """{"code":"X-1","title":"x","kind":"foo"}""";

        var report = await Run(store, file, batch: 2);

        Assert.False(report.Committed);
        Assert.Empty(store.All);
        var bad = Assert.Single(report.RejectedRows);
        Assert.Equal((7, "X-1"), (bad.Line, bad.Code));
        Assert.Contains("kind", bad.Reasons.Single());
        Assert.Equal(0, report.Created);
        Assert.Contains("Không ghi bản ghi nào", report.Summary);
        Assert.Single(store.Runs); // one pass: the earlier batches were written into the import's transaction, then rolled back
        Assert.Contains(store.OptionsSeen, o => !o.DryRun);
    }

    [Fact]
    public async Task Skip_invalid_writes_the_good_rows_and_reports_the_bad_ones()
    {
        var store = new FakeTaskStore();
        var file = Line("A-1") + "\n" + Line("A-2", extra: ",\"securityClassification\":\"secret\"") + "\n" + Line("A-3");

        var report = await Run(store, file, new ImportOptions(SkipInvalid: true));

        Assert.True(report.Committed);
        Assert.Equal(2, report.Created);
        var secret = Assert.Single(report.RejectedRows);
        Assert.Equal((2, null), (secret.Line, secret.Code));
        Assert.Null(store.Get("A-2"));
        Assert.Contains("bỏ qua 1 dòng lỗi", report.Summary);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_says_so()
    {
        var store = new FakeTaskStore();
        await Run(store, Lines(3));

        var again = await Run(store, Lines(3));

        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));
        Assert.StartsWith("Không có thay đổi: 3 bản ghi đã có, giống hệt (no changes: 3 records", again.Summary);
    }

    [Fact]
    public async Task Changed_rows_are_counted_as_updates()
    {
        var store = new FakeTaskStore();
        await Run(store, Lines(2));

        var report = await Run(store, Line("ĐT-T-0001", "Tên mới") + "\n" + Line("ĐT-T-0002"));

        Assert.Equal((0, 1, 1), (report.Created, report.Updated, report.Unchanged));
        Assert.Equal("Tên mới", store.Get("ĐT-T-0001")!.Title);
    }

    [Fact]
    public async Task Dry_run_reports_what_would_happen_and_writes_nothing()
    {
        var store = new FakeTaskStore();
        var report = await Run(store, Lines(4), new ImportOptions(DryRun: true));

        Assert.False(report.Committed);
        Assert.True(report.DryRun);
        Assert.Equal(4, report.Created);
        Assert.Empty(store.All);
        Assert.StartsWith("Chạy thử", report.Summary);
    }

    [Fact]
    public async Task Same_code_twice_in_a_file_is_rejected_even_across_batches()
    {
        var store = new FakeTaskStore();
        var report = await Run(store, Lines(3) + "\n" + Line("ĐT-T-0001", "Bản sao"), batch: 2);

        Assert.False(report.Committed);
        var dup = Assert.Single(report.RejectedRows);
        Assert.Equal(4, dup.Line);
        Assert.Contains("dòng 1", dup.Reasons.Single());
    }

    [Fact]
    public async Task Too_many_rows_refuses_the_file_before_writing()
    {
        var store = new FakeTaskStore();
        var service = new ImportService(store) { MaxRows = 3, BatchSize = 1 };

        var ex = await Assert.ThrowsAsync<ImportFileException>(() =>
            service.RunAsync(Utf8(Lines(4)), ImportFormat.JsonLines, new ImportOptions(SkipInvalid: true), Curator, null));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Empty(store.All);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public async Task Empty_file_is_refused(string content)
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => Run(new FakeTaskStore(), content));
        Assert.Equal(ImportFileErrorKind.Empty, ex.Kind);
    }

    [Fact]
    public async Task Csv_with_only_a_header_is_refused_as_empty()
    {
        var service = new ImportService(new FakeTaskStore());
        var ex = await Assert.ThrowsAsync<ImportFileException>(() =>
            service.RunAsync(Utf8("Mã số,Tên nhiệm vụ\n"), ImportFormat.Csv, new ImportOptions(), Curator, null));
        Assert.Equal(ImportFileErrorKind.Empty, ex.Kind);
    }

    [Fact]
    public async Task Forward_only_upload_is_read_twice_through_a_temp_copy()
    {
        var store = new FakeTaskStore();
        var report = await new ImportService(store).RunAsync(new ForwardOnlyStream(Utf8(Lines(3))), ImportFormat.JsonLines,
            new ImportOptions(), Curator, null);

        Assert.True(report.Committed);
        Assert.Equal(3, store.All.Count);
    }

    [Fact]
    public async Task Progress_reports_each_batch_written_up_to_all_rows()
    {
        var seen = new List<ImportProgress>();
        await Run(new FakeTaskStore(), Lines(5), batch: 2, progress: new SyncProgress(seen));

        Assert.Equal([new("writing", 2, 2), new("writing", 4, 4), new ImportProgress("writing", 5, 5)], seen);
    }

    [Fact]
    public async Task After_a_rejected_row_the_rest_of_the_file_is_only_checked()
    {
        var seen = new List<ImportProgress>();
        var file = Lines(2) + "\n" + Line("A-2", "") + "\n" + Line("A-3") + "\n" + Line("A-4");

        var report = await Run(new FakeTaskStore(), file, batch: 2, progress: new SyncProgress(seen));

        Assert.Equal(["writing", "checking", "checking"], seen.Select(p => p.Phase));
        Assert.False(report.Committed);
        Assert.Equal(3, Assert.Single(report.RejectedRows).Line);
    }

    [Fact]
    public async Task The_import_is_named_with_its_file_hash_for_the_audit_log()
    {
        var store = new FakeTaskStore();
        var bytes = Utf8(Lines(2)).ToArray();

        await new ImportService(store).RunAsync(new MemoryStream(bytes), ImportFormat.JsonLines, new ImportOptions(), Curator, null,
            new ImportSource("j0123456789ab", "nhiem-vu.jsonl"));

        var run = Assert.Single(store.Runs);
        Assert.Equal(new ImportRun("j0123456789ab", Curator, "jsonl", "nhiem-vu.jsonl",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes.Length), run);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_the_file_writes_nothing()
    {
        var store = new FakeTaskStore { FailAtLine = 5 };

        await Assert.ThrowsAsync<IOException>(() => Run(store, Lines(6), batch: 2));

        Assert.Empty(store.All);
    }

    [Fact]
    public async Task Csv_file_errors_surface_before_any_write_even_with_skip_invalid()
    {
        var store = new FakeTaskStore();
        var bytes = Utf8("Mã số,Tên nhiệm vụ\nA-1,x\n").ToArray().Concat(new byte[] { (byte)'B', 0xE3, (byte)',', (byte)'y', (byte)'\n' }).ToArray();
        var service = new ImportService(store) { BatchSize = 1 };

        var ex = await Assert.ThrowsAsync<ImportFileException>(() =>
            service.RunAsync(new MemoryStream(bytes), ImportFormat.Csv, new ImportOptions(SkipInvalid: true), Curator, null));

        Assert.Equal(ImportFileErrorKind.Encoding, ex.Kind);
        Assert.Empty(store.All);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and complete.</summary>
    private sealed class SyncProgress(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => seen.Add(value);
    }
}
