using Registry.Data.Abstractions;
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
}
