using System.Text;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.Data.Tests.Infrastructure;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.PlainSummary;

/// <summary>The "Tóm tắt phổ thông" spreadsheet column through the real import into SQLite: stored in NFC, checked like every write.</summary>
public sealed class PlainSummaryImportTests : IAsyncLifetime
{
    private readonly SqliteHarness _store = new();
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    public Task InitializeAsync() => _store.InitializeAsync();
    public Task DisposeAsync() => _store.DisposeAsync();

    private const string Header = "Mã số,Tên nhiệm vụ,Loại nhiệm vụ,Cấp quản lý,Lĩnh vực,Tình trạng,Tổ chức chủ trì,Tóm tắt,Tóm tắt phổ thông\n";

    private static string Row(string code, string plain) =>
        $"{code},Nghiên cứu giâm cành chè Shan tuyết,Đề tài,Tỉnh,401,Đang thực hiện,Trường Đại học Hùng Vương,\"Hoàn thiện quy trình giâm hom chè; đánh giá tỷ lệ ra rễ.\",\"{plain.Replace("\"", "\"\"")}\"\n";

    [Fact]
    public async Task A_csv_plain_summary_is_stored_in_NFC_and_read_back_the_same()
    {
        var plain = Registry.Data.Tests.PlainSummary.PlainSummaryRulesTests.Good;
        var csv = Header + Row("PS-CSV-1", plain.Normalize(NormalizationForm.FormD));

        var report = await new ImportService(_store.Tasks).RunAsync(Utf8(csv), ImportFormat.Csv, new ImportOptions(), Curator, null);

        Assert.True(report.Committed, string.Join(" | ", report.RejectedRows.SelectMany(r => r.Reasons)));
        var stored = await _store.Tasks.FindByCodeAsync("PS-CSV-1");
        Assert.Equal(plain.Normalize(NormalizationForm.FormC), stored!.Record.PlainSummary);

        // Importing the same text again changes nothing.
        var again = await new ImportService(_store.Tasks).RunAsync(Utf8(csv), ImportFormat.Csv, new ImportOptions(), Curator, null);
        Assert.Equal(1, again.Unchanged);
    }

    [Fact]
    public async Task A_jargon_row_is_rejected_with_the_reason_and_the_others_are_kept()
    {
        var csv = Header + Row("PS-CSV-2", Registry.Data.Tests.PlainSummary.PlainSummaryRulesTests.Good) +
                  Row("PS-CSV-3", Registry.Data.Tests.PlainSummary.PlainSummaryRulesTests.Jargon);

        var report = await new ImportService(_store.Tasks).RunAsync(Utf8(csv), ImportFormat.Csv, new ImportOptions(SkipInvalid: true), Curator, null);

        Assert.Equal(1, report.Created);
        var rejected = Assert.Single(report.RejectedRows);
        Assert.Equal(3, rejected.Line);
        Assert.Contains(rejected.Reasons, r => r.Contains("plainSummary") || r.Contains("Tóm tắt phổ thông"));
        Assert.Contains(rejected.Reasons, r => r.Contains("chữ viết tắt chưa giải thích"));
        Assert.Null(await _store.Tasks.FindByCodeAsync("PS-CSV-3"));
    }
}
