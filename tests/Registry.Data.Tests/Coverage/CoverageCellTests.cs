using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.Data.Records;
using Registry.Data.Tests.Import;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Coverage;

/// <summary>The "Truyền thông" spreadsheet column: what curators type, what the export writes, and errors by row and column.</summary>
public sealed class CoverageCellTests
{
    private static readonly RecordColumn Column = RecordFields.Coverage.Columns.Single();

    private static async Task<ImportCandidate> RowAsync(string cell)
    {
        var csv = "Mã số,Tên nhiệm vụ,Truyền thông\n" + $"ĐT-1,Giống chè,\"{cell.Replace("\"", "\"\"")}\"\n";
        return Assert.Single(await ImportTestData.CsvAsync(csv));
    }

    [Fact]
    public void The_column_is_declared_once_with_its_header_and_alias()
    {
        Assert.Equal(("Truyền thông", "coverage", ColumnUse.ImportAndExport), (Column.Header, Column.Alias, Column.Use));
        Assert.Same(Column, ImportColumns.Find("truyen thong"));
        Assert.Same(Column, ImportColumns.Find("Coverage"));
    }

    [Fact]
    public async Task Items_on_lines_are_read_with_labels_keys_and_aliases_of_the_kind()
    {
        var row = await RowAsync(
            "12/03/2025 | Báo chí | Báo Phú Thọ | https://baophutho.vn/tin/1 | Giống chè mới | cho năng suất cao\n" +
            "2025-04-05 | television | Đài PT-TH Phú Thọ | https://ptv.vn/video/2\r\n" +
            "\n" +
            "20/4/2025 | MXH |  | https://facebook.com/sokhcnphutho/posts/3 | Bài đăng");

        Assert.Empty(row.Errors);
        var items = row.Record!.Coverage!;
        Assert.Equal(3, items.Count);
        Assert.Equal(new CoverageRecord
        {
            Date = new DateOnly(2025, 3, 12), Kind = CoverageKind.Press, Outlet = "Báo Phú Thọ", Url = "https://baophutho.vn/tin/1",
            Title = "Giống chè mới | cho năng suất cao",
        }, items[0]);
        Assert.Equal((CoverageKind.Television, (string?)null, new DateOnly(2025, 4, 5)), (items[1].Kind, items[1].Title, items[1].Date));
        Assert.Equal((CoverageKind.SocialNetwork, (string?)null), (items[2].Kind, items[2].Outlet));
    }

    [Fact]
    public async Task Semicolons_inside_links_do_not_split_but_semicolon_space_before_a_date_does()
    {
        var row = await RowAsync(
            "12/03/2025 | Báo chí | Báo Phú Thọ | https://baophutho.vn/tin;jsessionid=1?a=1;b=2 | Tin một; 05/04/2025 | Sự kiện | Techmart | https://techmart.vn/2025;x | Tin hai");

        Assert.Empty(row.Errors);
        var items = row.Record!.Coverage!;
        Assert.Equal(["https://baophutho.vn/tin;jsessionid=1?a=1;b=2", "https://techmart.vn/2025;x"], items.Select(i => i.Url));
        Assert.Equal(["Tin một", "Tin hai"], items.Select(i => i.Title));
    }

    [Theory]
    [InlineData("12/03/2025 | Báo chí | https://baophutho.vn/tin/1", "mục 1", "expected at least 4 parts")]
    [InlineData("hôm qua | Báo chí | Báo Phú Thọ | https://baophutho.vn/tin/1", "mục 1", "dd/MM/yyyy")]
    [InlineData("03/2025 | Báo chí | Báo Phú Thọ | https://baophutho.vn/tin/1", "mục 1", "dd/MM/yyyy")]
    [InlineData("12/03/2025 | Báo chí | Báo | https://a.vn/1\n12/03/2025 | Báo chi tiết | Báo Phú Thọ | https://baophutho.vn/tin/1", "mục 2", "unknown kind")]
    [InlineData("12/03/2025 | Báo chí | Báo Phú Thọ |  | Tiêu đề", "mục 1", "the url, the 4th part, is missing")]
    public async Task A_malformed_item_is_reported_with_row_column_and_item_number(string cell, string item, string english)
    {
        var row = await RowAsync(cell);

        Assert.Null(row.Record);
        var error = Assert.Single(row.Errors);
        Assert.StartsWith("Dòng 2, cột 'Truyền thông'", error);
        Assert.Contains(item, error);
        Assert.Contains(english, error);
    }

    [Fact]
    public async Task A_bad_link_is_left_to_the_validator_which_names_the_item()
    {
        var row = await RowAsync("12/03/2025 | Báo chí | Báo Phú Thọ | javascript:alert(1) | Tin");
        Assert.Empty(row.Errors);
        var error = Assert.Single(Validation.TaskRecordValidator.Validate(row.Record! with
        {
            Kind = TaskKind.ResearchProject, Level = TaskLevel.Provincial, Status = Records.TaskStatus.InProgress, Fields = ["401"],
            HostOrganization = new OrganizationRef { Name = "Trường Đại học Hùng Vương" },
        }));
        Assert.Equal("coverage[0].url", error.Path);
    }

    [Fact]
    public void The_export_writes_one_item_per_line_in_record_order()
    {
        var record = new TaskRecord
        {
            Coverage =
            [
                new() { Date = new DateOnly(2025, 3, 12), Kind = CoverageKind.Press, Outlet = "Báo Phú Thọ", Url = "https://baophutho.vn/tin/1", Title = "Tin" },
                new() { Date = new DateOnly(2025, 1, 2), Kind = CoverageKind.Event, Url = "https://techmart.vn/2025" },
            ],
        };
        Assert.Equal("12/03/2025 | Báo chí | Báo Phú Thọ | https://baophutho.vn/tin/1 | Tin\n02/01/2025 | Sự kiện |  | https://techmart.vn/2025",
            Column.Write(record));
        Assert.Null(Column.Write(new TaskRecord()));
        Assert.Null(Column.Write(new TaskRecord { Coverage = [] }));
    }

    [Fact]
    public async Task An_exported_cell_imports_back_to_the_same_items_even_with_separators_in_titles_and_links()
    {
        CoverageRecord[] items =
        [
            new() { Date = new DateOnly(2025, 3, 12), Kind = CoverageKind.Press, Outlet = "Báo Phú Thọ", Url = "https://baophutho.vn/tin;a=1?x=1;y=2", Title = "Chè | cà phê; 05/04/2025 và hơn thế" },
            new() { Date = new DateOnly(2025, 4, 5), Kind = CoverageKind.Television, Outlet = "Đài Phát thanh và Truyền hình Phú Thọ", Url = "https://ptv.vn/video/2" },
            new() { Date = new DateOnly(2025, 4, 6), Kind = CoverageKind.Radio, Url = "https://vov.vn/3", Title = "Phát thanh \"trực tiếp\", = công thức?" },
            new() { Date = new DateOnly(2025, 4, 7), Kind = CoverageKind.Portal, Outlet = "Cổng TTĐT tỉnh", Url = "https://phutho.gov.vn/4" },
            new() { Date = new DateOnly(2025, 4, 8), Kind = CoverageKind.SocialNetwork, Outlet = "Fanpage Sở KH&CN", Url = "https://facebook.com/5" },
            new() { Date = new DateOnly(2025, 4, 9), Kind = CoverageKind.Event, Outlet = "Techmart Phú Thọ 2025", Url = "https://techmart.vn/6", Title = "Trưng bày" },
        ];
        var record = TestRecords.Valid() with { Coverage = items };

        var row = await RowAsync(Column.Write(record)!);

        Assert.Empty(row.Errors);
        Assert.Equal(JsonSerializer.Serialize(items, RegistryJson.Options), JsonSerializer.Serialize(row.Record!.Coverage, RegistryJson.Options));
    }

    [Fact]
    public async Task Excel_cells_with_line_breaks_are_read_the_same_way()
    {
        using var book = XlsxBuilder.Build(["Mã số", "Tên nhiệm vụ", "Truyền thông"],
            ["ĐT-1", "Giống chè", "12/03/2025 | Báo chí | Báo Phú Thọ | https://baophutho.vn/tin/1 | Tin\n05/04/2025 | Phát thanh | VOV | https://vov.vn/2"]);
        var row = Assert.Single(await ImportTestData.ReadAllAsync(new XlsxImportReader(), book));

        Assert.Empty(row.Errors);
        Assert.Equal([CoverageKind.Press, CoverageKind.Radio], row.Record!.Coverage!.Select(c => c.Kind!.Value));
    }

    [Fact]
    public async Task Json_lines_carry_coverage_and_refuse_duplicate_or_unknown_keys_inside_items()
    {
        const string item = """{"url":"https://baophutho.vn/tin/1","kind":"press","date":"2025-03-12","outlet":"Báo Phú Thọ"}""";
        var ok = Assert.Single(await ImportTestData.JsonLinesAsync(ImportTestData.Line("ĐT-J1", extra: $",\"coverage\":[{item}]")));
        Assert.Empty(ok.Errors);
        Assert.Equal(CoverageKind.Press, Assert.Single(ok.Record!.Coverage!).Kind);

        var duplicate = Assert.Single(await ImportTestData.JsonLinesAsync(ImportTestData.Line("ĐT-J2",
            extra: ""","coverage":[{"url":"https://a.vn/1","URL":"https://b.vn/2","kind":"press","date":"2025-03-12"}]""")));
        Assert.Null(duplicate.Record);
        Assert.Contains(duplicate.Errors, e => e.Contains("coverage[0]"));

        var unknown = Assert.Single(await ImportTestData.JsonLinesAsync(ImportTestData.Line("ĐT-J3",
            extra: ""","coverage":[{"url":"https://a.vn/1","kind":"newspaper","date":"2025-03-12","likes":{"a":[1]}}]""")));
        Assert.Null(unknown.Record);
        Assert.Contains(unknown.Errors, e => e.Contains("coverage[0]"));
    }
}
