using System.Text.Json;
using Registry.Data.Records;
using Registry.Data.Tests.Import;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Declarations;

/// <summary>Identifiers in spreadsheets: Vietnamese headers on import, the stored forms on export, and back.</summary>
public sealed class IdentifierSpreadsheetTests
{
    [Fact]
    public async Task Vietnamese_headers_read_ror_orcid_and_funder_and_orcids_in_square_brackets_after_a_person()
    {
        var csv = "Mã số,Tên nhiệm vụ,Tổ chức chủ trì,Mã ROR tổ chức chủ trì,Chủ nhiệm,ORCID chủ nhiệm,Thành viên,Đơn vị cấp kinh phí,Mã định danh đơn vị cấp kinh phí\n" +
                  "ĐT-1,Chè,Trường Đại học Hùng Vương,05dxps055,PGS.TS. Nguyễn Văn An,0000-0002-1825-0097," +
                  "\"TS. Trần Thị Bình (thư ký) [0000-0002-1694-233X]; ThS. Lê Văn Cường\",Quỹ NAFOSTED,10.13039/100007224\n";

        var record = Assert.Single(await ImportTestData.CsvAsync(csv)).Record!;

        Assert.Equal("05dxps055", record.HostOrganization!.Ror);
        Assert.Equal("0000-0002-1825-0097", record.PrincipalInvestigator!.Orcid);
        Assert.Equal(("Trần Thị Bình", "thư ký", "0000-0002-1694-233X"), (record.Members![0].Name, record.Members[0].Role, record.Members[0].Orcid));
        Assert.Null(record.Members[1].Orcid);
        Assert.Equal(new FunderRecord { Name = "Quỹ NAFOSTED", Identifier = "10.13039/100007224" }, record.Funder);
    }

    [Fact]
    public async Task Stored_identifiers_exported_to_csv_import_back_unchanged()
    {
        var record = TaskRecordProjection.ForPublic(TestRecords.Valid()) with
        {
            Funder = new FunderRecord { Name = "Quỹ NAFOSTED", Identifier = "https://doi.org/10.13039/100007224" },
            HostOrganization = TestRecords.Valid().HostOrganization! with { Ror = "https://ror.org/05dxps055" },
        };
        record = record with
        {
            PrincipalInvestigator = record.PrincipalInvestigator! with { Orcid = "https://orcid.org/0000-0002-1825-0097" },
            Members = [record.Members![0] with { Orcid = "https://orcid.org/0000-0002-1694-233X" }, record.Members[1]],
        };
        var exported = RecordFields.Columns.Where(c => c.Exported).ToList();
        var csv = string.Join(",", exported.Select(c => Quote(c.Header))) + "\n" + string.Join(",", exported.Select(c => Quote(c.Write(record))));

        var row = Assert.Single(await ImportTestData.CsvAsync(csv));

        Assert.Empty(row.Errors);
        Assert.Equal(Json(record with { Outputs = null }), Json(row.Record!));
    }

    private static string Quote(string? cell) => "\"" + (cell ?? "").Replace("\"", "\"\"") + "\"";

    private static string Json(TaskRecord record) => JsonSerializer.Serialize(record, RegistryJson.Options);
}

/// <summary>The same columns in an Excel workbook.</summary>
public sealed class IdentifierWorkbookTests
{
    [Fact]
    public async Task An_xlsx_row_reads_identifier_columns_by_their_vietnamese_headers()
    {
        using var book = XlsxBuilder.Build(
            ["Mã số", "Tên nhiệm vụ", "Tổ chức chủ trì", "Mã ROR tổ chức chủ trì", "Chủ nhiệm", "Mã định danh đơn vị cấp kinh phí", "Đơn vị cấp kinh phí"],
            ["ĐT-X-1", "Chè", "Trường Đại học Hùng Vương", "\u00A005dxps055\u00A0", "TS. Đỗ Văn Hải [https://orcid.org/0000-0002-1825-0097]", "https://doi.org/10.13039/100007224", "NAFOSTED"]);

        var row = Assert.Single(await ImportTestData.ReadAllAsync(new Registry.Data.Import.XlsxImportReader(), book));

        Assert.Empty(row.Errors);
        Assert.Equal("05dxps055", row.Record!.HostOrganization!.Ror);
        Assert.Equal(("Đỗ Văn Hải", "https://orcid.org/0000-0002-1825-0097"), (row.Record.PrincipalInvestigator!.Name, row.Record.PrincipalInvestigator.Orcid));
        Assert.Equal("https://doi.org/10.13039/100007224", row.Record.Funder!.Identifier);
        Assert.DoesNotContain(Registry.Data.Validation.TaskRecordValidator.Validate(row.Record),
            e => e.Path.Contains("ror") || e.Path.Contains("orcid") || e.Path.Contains("funder"));
    }
}
