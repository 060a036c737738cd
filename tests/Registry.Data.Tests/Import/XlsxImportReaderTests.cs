using System.IO.Compression;
using Registry.Data.Import;
using Registry.Data.Records;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Import;

public class XlsxImportReaderTests
{
    private static readonly object?[] Header =
        ["Mã số", "Tên nhiệm vụ", "Tổng kinh phí (triệu đồng)", "Ngày bắt đầu", "Lĩnh vực", "Chủ nhiệm", "Ngày kết thúc"];

    [Fact]
    public async Task Reads_shared_and_inline_strings_numbers_and_dates()
    {
        using var book = XlsxBuilder.Build(Header,
            ["ĐT-2023-40101-PT", new XlsxBuilder.Inline("Nhân giống bưởi Đoan Hùng"), 1250.5, new DateOnly(2023, 4, 1), 401d, "TS. Đỗ Văn Hải", 45657d]);

        var row = (await ReadAllAsync(new XlsxImportReader(), book)).Single();

        Assert.Empty(row.Errors);
        var r = row.Record!;
        Assert.Equal(2, row.Line);
        Assert.Equal("ĐT-2023-40101-PT", r.Code);
        Assert.Equal("Nhân giống bưởi Đoan Hùng", r.Title);
        Assert.Equal(1_250_500_000, r.Budget!.TotalVnd);
        Assert.Equal(new DateOnly(2023, 4, 1), r.StartDate);
        Assert.Equal(["401"], r.Fields);
        Assert.Equal(("TS.", "Đỗ Văn Hải"), (r.PrincipalInvestigator!.AcademicTitle, r.PrincipalInvestigator.Name));
        Assert.Equal(new DateOnly(2024, 12, 31), r.EndDate); // a serial number without a date style, in a date column
    }

    [Fact]
    public async Task Gaps_between_cells_keep_columns_aligned_and_row_numbers_follow_the_sheet()
    {
        using var book = XlsxBuilder.Build(Header, ["A-1", "Gốm Phù Ninh", null, null, null, null, null], [], ["A-2", "Lụa Hoà Bình", null, null, "602"]);

        var rows = await ReadAllAsync(new XlsxImportReader(), book);

        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal(["602"], rows[1].Record!.Fields);
    }

    [Fact]
    public async Task Bad_cells_and_classified_rows_follow_the_csv_rules()
    {
        using var book = XlsxBuilder.Build(["Mã số", "Tên nhiệm vụ", "Độ mật", "Xếp loại"],
            ["A-1", "Tên", "Tối mật", "Đạt"], ["A-2", "Tên", "Không", true]);

        var rows = await ReadAllAsync(new XlsxImportReader(), book);

        Assert.True(rows[0].StateSecret);
        Assert.Null(rows[0].Record);
        Assert.Contains(rows[1].Errors, e => e.Contains("Dòng 3, cột 'Xếp loại'") && e.Contains("'TRUE'"));
    }

    [Fact]
    public async Task Unknown_header_in_a_workbook_is_a_file_error()
    {
        using var book = XlsxBuilder.Build(["Mã số", "Tên nhiệm vụ", "Cột lạ"], ["A-1", "x", "y"]);
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), book));
        Assert.Equal(ImportFileErrorKind.UnknownColumn, ex.Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new byte[] { 0x4D, 0xE3, 0x20 })]
    public async Task Broken_or_foreign_file_is_a_clear_file_error(byte[] bytes)
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), new MemoryStream(bytes)));
        Assert.Equal(ImportFileErrorKind.MalformedFile, ex.Kind);
        Assert.Contains(".xlsx", ex.Message);
    }

    [Fact]
    public async Task Workbook_from_a_forward_only_stream_is_read()
    {
        using var book = XlsxBuilder.Build(Header, ["A-1", "Sơn mù", null]);
        var rows = await ReadAllAsync(new XlsxImportReader(), new ForwardOnlyStream(book));
        Assert.Equal("Sơn mù", rows.Single().Record!.Title);
    }

    [Fact]
    public async Task Workbook_with_only_a_header_yields_nothing_and_empty_sheet_is_an_error()
    {
        using var headerOnly = XlsxBuilder.Build(Header);
        Assert.Empty(await ReadAllAsync(new XlsxImportReader(), headerOnly));

        using var empty = XlsxBuilder.Build();
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), empty));
        Assert.Equal(ImportFileErrorKind.Empty, ex.Kind);
    }

    [Fact]
    public async Task Zip_that_is_not_a_workbook_is_a_file_error()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
            writer.Write("không phải Excel");
        zip.Position = 0;

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), zip));
        Assert.Equal(ImportFileErrorKind.MalformedFile, ex.Kind);
    }

    [Fact]
    public async Task Damaged_worksheet_xml_is_a_file_error()
    {
        var book = XlsxBuilder.Build(Header, ["A-1", "x"]);
        var copy = new MemoryStream();
        book.CopyTo(copy);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.Entries.First(e => e.FullName.Contains("worksheets/"));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c");
        }
        copy.Position = 0;

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), copy));
        Assert.Equal(ImportFileErrorKind.MalformedFile, ex.Kind);
    }

    [Fact]
    public async Task Dates_of_a_1904_workbook_are_read_in_its_own_date_system()
    {
        using var book = XlsxBuilder.Build(date1904: true, Header, ["A-1", "Chè", null, new DateOnly(2022, 3, 1)]);
        var row = (await ReadAllAsync(new XlsxImportReader(), book)).Single();
        Assert.Equal(new DateOnly(2022, 3, 1), row.Record!.StartDate);
    }
}
