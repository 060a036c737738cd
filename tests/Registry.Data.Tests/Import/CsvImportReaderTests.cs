using System.Text;
using Registry.Data.Import;
using Registry.Data.Records;
using static Registry.Data.Tests.Import.ImportTestData;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.Import;

public class CsvImportReaderTests
{
    [Fact]
    public async Task Reads_vietnamese_headers_and_values_as_curators_write_them()
    {
        const string csv = """
            Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Từ khóa;Tình trạng;Độ mật;Chủ nhiệm;Thành viên;Ngày bắt đầu;Ngày kết thúc;Tổng kinh phí (triệu đồng);Kinh phí NSNN (triệu đồng);Xếp loại;Trạng thái công bố
            ĐT-2024-40101-PT;Nghiên cứu giống chè;Dự án SXTN;Tỉnh;"401; 40101";"chè; giống mới";Đang thực hiện;Thường;PGS.TS. Nguyễn Văn An;"TS. Trần Thị Bình; ThS. Lê Văn Cường (thư ký)";15/03/2024;2026-12-31;1.250,5;900;Đạt;Công bố
            """;
        var row = (await CsvAsync(csv, bom: true)).Single();

        Assert.Empty(row.Errors);
        var r = row.Record!;
        Assert.Equal(2, row.Line);
        Assert.Equal("ĐT-2024-40101-PT", r.Code);
        Assert.Equal(TaskKind.PilotProductionProject, r.Kind);
        Assert.Equal(TaskLevel.Provincial, r.Level);
        Assert.Equal(["401", "40101"], r.Fields);
        Assert.Equal(["chè", "giống mới"], r.Keywords);
        Assert.Equal(TaskStatus.InProgress, r.Status);
        Assert.Equal(SecurityClassification.None, r.SecurityClassification);
        Assert.Equal(("Nguyễn Văn An", "PGS.TS."), (r.PrincipalInvestigator!.Name, r.PrincipalInvestigator.AcademicTitle));
        Assert.Equal(["Trần Thị Bình", "Lê Văn Cường"], r.Members!.Select(m => m.Name));
        Assert.Equal("thư ký", r.Members![1].Role);
        Assert.Equal(new DateOnly(2024, 3, 15), r.StartDate);
        Assert.Equal(new DateOnly(2026, 12, 31), r.EndDate);
        Assert.Equal(1_250_500_000, r.Budget!.TotalVnd);
        Assert.Equal(900_000_000, r.Budget.StateBudgetVnd);
        Assert.Equal(AcceptanceRating.Passed, r.Acceptance!.Rating);
        Assert.Equal(Visibility.Published, r.Visibility);
    }

    [Fact]
    public async Task Headers_match_without_case_diacritics_or_spaces_and_english_names_work()
    {
        var rows = await CsvAsync("ma so,TEN NHIEM VU ,titleEn,  Tinh/Thanh pho\nA-1,Lụa tơ tằm,Silk,Phú Thọ\n");
        var r = rows.Single().Record!;
        Assert.Equal(("A-1", "Lụa tơ tằm", "Silk", "Phú Thọ"), (r.Code, r.Title, r.TitleEn, r.HostOrganization!.Province));
    }

    [Fact]
    public async Task Semicolon_delimiter_is_sniffed_even_when_a_header_contains_a_comma()
    {
        var rows = await CsvAsync("Mã số;Chủ nhiệm;Học hàm, học vị chủ nhiệm;Tên nhiệm vụ;Tổng kinh phí (đồng)\nA-1;Nguyễn Văn An;PGS.TS.;Nuôi ong mật;1.250.000.000\n");

        var r = rows.Single().Record!;
        Assert.Equal(("Nguyễn Văn An", "PGS.TS."), (r.PrincipalInvestigator!.Name, r.PrincipalInvestigator.AcademicTitle));
        Assert.Equal("Nuôi ong mật", r.Title);
        Assert.Equal(1_250_000_000, r.Budget!.TotalVnd);
    }

    [Fact]
    public async Task Data_beyond_the_last_header_is_a_row_error()
    {
        var rows = await CsvAsync("Mã số,Tên nhiệm vụ\nA-1,x,thừa\n");
        Assert.Contains("cột 3", rows.Single().Errors.Single());
    }

    [Fact]
    public async Task Quoted_cells_may_hold_delimiters_quotes_and_newlines()
    {
        const string csv = "Mã số,Tên nhiệm vụ,Tóm tắt\r\nA-1,\"Chè, bưởi và \"\"gà Mía\"\"\",\"Dòng một\r\nDòng hai\"\r\nA-2,Nấm,\r\n";
        var rows = await CsvAsync(csv);

        Assert.Equal("Chè, bưởi và \"gà Mía\"", rows[0].Record!.Title);
        Assert.Equal("Dòng một\r\nDòng hai", rows[0].Record!.Summary);
        Assert.Equal(3, rows[1].Line); // spreadsheet rows: the embedded newline does not add a row
    }

    [Fact]
    public async Task Blank_rows_are_skipped_but_still_counted()
    {
        var rows = await CsvAsync("Mã số,Tên nhiệm vụ\nA-1,x\n,\n\nA-2,y\n");
        Assert.Equal([2, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task Each_bad_cell_names_row_column_and_what_was_expected()
    {
        var rows = await CsvAsync("Mã số,Tên nhiệm vụ,Loại nhiệm vụ,Ngày bắt đầu,Tổng kinh phí (triệu đồng),Lĩnh vực\nA-1,x,Đề tài hay,32/13/2024,nhiều,999\n");

        var errors = rows.Single().Errors;
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("Dòng 2, cột 'Loại nhiệm vụ'") && e.Contains("'Đề tài'") && e.Contains("'Dự án SXTN'"));
        Assert.Contains(errors, e => e.Contains("cột 'Ngày bắt đầu'") && e.Contains("dd/MM/yyyy"));
        Assert.Contains(errors, e => e.Contains("cột 'Tổng kinh phí (triệu đồng)'") && e.Contains("1.250,5"));
        Assert.Contains(errors, e => e.Contains("cột 'Lĩnh vực'") && e.Contains("999"));
        Assert.Null(rows.Single().Record);
    }

    [Theory]
    [InlineData("Mật")]
    [InlineData("tối mật")]
    [InlineData("Tuyệt mật")]
    [InlineData("secret")]
    public async Task Classified_row_keeps_nothing(string level)
    {
        var rows = await CsvAsync($"Mã số,Tên nhiệm vụ,Độ mật\nMẬT-7,Tên bí mật,{level}\nA-2,Công khai,Không\n");

        Assert.True(rows[0].StateSecret);
        Assert.Null(rows[0].Record);
        Assert.Null(rows[0].Code);
        Assert.Empty(rows[0].Errors);
        Assert.False(rows[1].StateSecret);
    }

    [Fact]
    public async Task Unknown_header_is_a_file_error_listing_the_known_headers()
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => CsvAsync("Mã số,Tên nhiệm vụ,Ghi chú\nA-1,x,y\n"));
        Assert.Equal(ImportFileErrorKind.UnknownColumn, ex.Kind);
        Assert.Contains("'Ghi chú'", ex.Message);
        Assert.Contains("'Tổ chức chủ trì'", ex.Message);
    }

    [Theory]
    [InlineData("Tên nhiệm vụ,Chủ nhiệm\nx,y\n", "Mã số")]
    [InlineData("Mã số,Chủ nhiệm\nx,y\n", "Tên nhiệm vụ")]
    public async Task Missing_required_column_is_a_file_error(string csv, string missing)
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => CsvAsync(csv));
        Assert.Equal(ImportFileErrorKind.MissingColumn, ex.Kind);
        Assert.Contains(missing, ex.Message);
    }

    [Fact]
    public async Task Windows_1258_bytes_are_refused_with_advice_to_save_as_csv_utf8()
    {
        // "Mã số" in a legacy code page: 0xE3 is not a valid UTF-8 sequence here.
        var bytes = new byte[] { (byte)'M', 0xE3, (byte)' ', (byte)'s', 0xF4, (byte)',', (byte)'x', (byte)'\n' };
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new CsvImportReader(), new MemoryStream(bytes)));
        Assert.Equal(ImportFileErrorKind.Encoding, ex.Kind);
        Assert.Contains("CSV UTF-8", ex.Message);
    }

    [Fact]
    public async Task Utf16_with_bom_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Mã số,Tên nhiệm vụ\nA-1,Bưởi Đoan Hùng\n")).ToArray();
        var rows = await ReadAllAsync(new CsvImportReader(), new MemoryStream(bytes));
        Assert.Equal("Bưởi Đoan Hùng", rows.Single().Record!.Title);
    }

    [Fact]
    public async Task Empty_file_is_a_file_error()
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => CsvAsync(""));
        Assert.Equal(ImportFileErrorKind.Empty, ex.Kind);
    }

    [Fact]
    public async Task Documented_sample_file_imports_without_errors()
    {
        var path = Path.Combine(RepoRoot(), "docs", "samples", "import-example.csv");
        await using var file = File.OpenRead(path);
        var rows = await ReadAllAsync(new CsvImportReader(), file);

        Assert.True(rows.Count >= 3);
        Assert.All(rows.Where(r => !r.StateSecret), r => Assert.Empty(r.Errors));
        Assert.All(rows.Where(r => !r.StateSecret), r => Assert.False(string.IsNullOrEmpty(r.Record!.Title)));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Registry.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Registry.sln not found above the test directory");
    }
}
